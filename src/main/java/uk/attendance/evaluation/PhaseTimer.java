package uk.attendance.evaluation;

import java.util.concurrent.TimeUnit;

/** Adds the time since the previous lap to a phase: a clock read per phase and batch, nothing more. */
final class PhaseTimer {

    enum Phase {
        LOAD_FACTS, COMPUTE_MEASURES, FIRE_RULES, STORE_ACTIONS
    }

    private final long started = System.nanoTime();
    private final long[] nanos = new long[Phase.values().length];
    private long lapStarted = started;

    /** Starts timing the next phase; time since the previous lap belongs to no phase. */
    void restart() {
        lapStarted = System.nanoTime();
    }

    void lap(Phase phase) {
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - lapStarted;
        lapStarted = now;
    }

    EvaluationTimings timings() {
        return new EvaluationTimings(millis(nanos[Phase.LOAD_FACTS.ordinal()]), millis(nanos[Phase.COMPUTE_MEASURES.ordinal()]),
                millis(nanos[Phase.FIRE_RULES.ordinal()]), millis(nanos[Phase.STORE_ACTIONS.ordinal()]),
                millis(System.nanoTime() - started));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}

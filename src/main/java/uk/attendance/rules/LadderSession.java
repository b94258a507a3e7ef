package uk.attendance.rules;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import uk.attendance.rules.fact.PupilBand;
import uk.attendance.rules.fact.Recommendation;

/**
 * The ladder's rules over pupils' facts. An evaluation streams school days through it in date order:
 * each day's facts in, fire, collect what the rules concluded that day. Nothing a rule inserted on one
 * day (a band, a request for a penalty notice) leaks into the next: each day starts from a fresh Drools
 * session, which costs less than retracting the day's facts. What carries from one day to the next is
 * history the caller puts in the next day's facts (an action raised one day is an ActionFact the next).
 * <p>
 * A rule that throws for one pupil does not stop the others: the day is judged again one pupil at a time, and
 * each pupil whose facts made a rule fail is reported in {@link Outcome#errors()} instead of being judged.
 */
public final class LadderSession implements AutoCloseable {

    /** Stops a rule that keeps re-activating itself from hanging an evaluation. */
    private static final int MAX_FIRINGS = 1_000_000;
    private static final Map<Class<?>, Optional<MethodHandle>> PUPIL_ID = new ConcurrentHashMap<>();

    private final KieBase kieBase;
    private final PolicyParameters parameters;
    private KieSession session;
    private final List<String> fired = new ArrayList<>();
    /** The rule whose consequence is running, to name it when the consequence throws. */
    private String firing;

    private LadderSession(KieBase kieBase, PolicyParameters parameters) {
        this.kieBase = kieBase;
        this.parameters = parameters;
        newSession();
    }

    private void newSession() {
        session = kieBase.newKieSession();
        session.setGlobal("params", parameters);
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firing = event.getMatch().getRule().getName();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
                firing = null;
            }
        });
    }

    /** What the rules concluded; {@code errors} names the pupils a rule failed for, who have no recommendations. */
    public record Outcome(List<Recommendation> recommendations, List<PupilBand> bands, List<String> firedRules, List<RuleError> errors) {
    }

    /** A rule that threw while judging a pupil: the pupil (null when it is not known), the rule and what went wrong. */
    public record RuleError(Long pupilId, String rule, String message) {
    }

    /** A ladder to stream days through; close it when the last day is judged. */
    public static LadderSession open(KieBase kieBase, PolicyParameters parameters) {
        return new LadderSession(kieBase, parameters);
    }

    /** One day judged on its own. */
    public static Outcome run(KieBase kieBase, PolicyParameters parameters, Collection<?> facts) {
        try (LadderSession session = open(kieBase, parameters)) {
            return session.day(facts);
        }
    }

    /**
     * Judges one day: its facts in, every rule fired, what the rules concluded out; the session is then empty again.
     * When a rule throws, the day is judged again one pupil at a time, so that only the pupils it fails for go unjudged.
     */
    public Outcome day(Collection<?> facts) {
        try {
            return fire(facts);
        } catch (RuntimeException whole) {
            renew();
            return onePupilAtATime(facts);
        }
    }

    private Outcome onePupilAtATime(Collection<?> facts) {
        List<Object> shared = new ArrayList<>();
        Map<Long, List<Object>> byPupil = new LinkedHashMap<>();
        for (Object fact : facts) {
            Long pupilId = pupilId(fact);
            if (pupilId == null) {
                shared.add(fact);
            } else {
                byPupil.computeIfAbsent(pupilId, id -> new ArrayList<>()).add(fact);
            }
        }
        List<Recommendation> recommendations = new ArrayList<>();
        List<PupilBand> bands = new ArrayList<>();
        List<String> firedRules = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        if (byPupil.isEmpty()) {
            byPupil.put(null, List.of());
        }
        for (Map.Entry<Long, List<Object>> pupil : byPupil.entrySet()) {
            List<Object> own = new ArrayList<>(shared);
            own.addAll(pupil.getValue());
            try {
                Outcome outcome = fire(own);
                recommendations.addAll(outcome.recommendations());
                bands.addAll(outcome.bands());
                firedRules.addAll(outcome.firedRules());
            } catch (RuntimeException e) {
                errors.add(error(pupil.getKey(), e));
                renew();
            }
        }
        return new Outcome(recommendations, bands, firedRules, errors);
    }

    private Outcome fire(Collection<?> facts) {
        fired.clear();
        firing = null;
        try {
            facts.forEach(session::insert);
            session.fireAllRules(MAX_FIRINGS);
        } catch (ConsequenceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw firing == null ? e : new RuleFailure(firing, e);
        }
        List<Recommendation> recommendations = new ArrayList<>();
        session.getObjects(new ClassObjectFilter(Recommendation.class)).forEach(o -> recommendations.add((Recommendation) o));
        List<PupilBand> bands = new ArrayList<>();
        session.getObjects(new ClassObjectFilter(PupilBand.class)).forEach(o -> bands.add((PupilBand) o));
        // A fresh session for the next day costs less than retracting every fact of this one.
        renew();
        return new Outcome(recommendations, bands, List.copyOf(fired), List.of());
    }

    private void renew() {
        session.dispose();
        newSession();
    }

    @Override
    public void close() {
        session.dispose();
    }

    /** An exception thrown while a named rule's consequence ran. */
    private static final class RuleFailure extends RuntimeException {
        private final String rule;

        RuleFailure(String rule, RuntimeException cause) {
            super(cause);
            this.rule = rule;
        }
    }

    private static RuleError error(Long pupilId, RuntimeException e) {
        String rule = null;
        Throwable cause = e;
        if (e instanceof ConsequenceException consequence) {
            rule = consequence.getMatch() == null ? null : consequence.getMatch().getRule().getName();
            cause = e.getCause() == null ? e : e.getCause();
        } else if (e instanceof RuleFailure failure) {
            rule = failure.rule;
            cause = e.getCause();
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (rule == null) {
            rule = ruleNamedIn(cause.getMessage());
        }
        return new RuleError(pupilId, rule, message);
    }

    /** Drools names the rule whose condition failed in its message: {@code ... in [Rule "name" in ...]}. */
    private static String ruleNamedIn(String message) {
        if (message == null) {
            return null;
        }
        int at = message.indexOf("Rule \"");
        if (at < 0) {
            return null;
        }
        int end = message.indexOf('"', at + 6);
        return end < 0 ? null : message.substring(at + 6, end);
    }

    /** The pupil a fact is about, read from its {@code getPupilId()}; null for facts about the whole day. */
    static Long pupilId(Object fact) {
        Optional<MethodHandle> getter = PUPIL_ID.computeIfAbsent(fact.getClass(), type -> {
            try {
                return Optional.of(MethodHandles.publicLookup().findVirtual(type, "getPupilId", MethodType.methodType(long.class)));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return Optional.empty();
            }
        });
        if (getter.isEmpty()) {
            return null;
        }
        try {
            return (long) getter.get().invoke(fact);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read the pupil of " + fact.getClass().getSimpleName(), e);
        }
    }
}

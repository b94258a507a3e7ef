package uk.attendance.rules.fact;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import org.kie.api.definition.type.ClassReactive;
import uk.attendance.attendance.AcademicYear;

/**
 * A pupil's register up to the day judged, counted by the code sets a policy names in its parameters
 * ({@code params.codes("codes.unexplained")}), so what "unexplained", "a day of absence" or "holiday" means is the
 * policy's, written where its author can read it, while the counting is done in Java over the pupil's running
 * totals ({@link Register}).
 *
 * <p>A school day counts towards a run when all its possible sessions are in the set ({@code ...AllSessions}) or when
 * any of them is; a day with no possible session (D, X, Y...) is passed over, a school day without marks ends the run.
 */
@ClassReactive
public class RegisterFact {

    /** The counting behind the fact: the pupil's register as running totals (the evaluation's day series). */
    public interface Register {

        /** Sessions dated from {@code from} to {@code to}, both inclusive, whose code is in {@code codes}. */
        int sessions(Set<String> codes, LocalDate from, LocalDate to);

        /** The run of school days ending on the last school day on or before {@code date}, all (or any) of whose possible sessions are in {@code codes}. */
        int schoolDayRun(Set<String> codes, boolean allSessions, LocalDate date);

        /** The latest unbroken run of possible sessions in {@code codes} this academic year up to {@code date}: its length. */
        int latestSessionRun(Set<String> codes, LocalDate date);

        /** The first day of {@link #latestSessionRun}, or null when there is none. */
        LocalDate latestSessionRunStart(Set<String> codes, LocalDate date);

        /** Attendance % of the academic year containing {@code date}, from its start to the end of {@code date}; NaN without a possible session. */
        double yearToDatePercentOn(LocalDate date);
    }

    private final long pupilId;
    private final LocalDate asOf;
    private final LocalDate yearStart;
    private final Register register;

    public RegisterFact(long pupilId, Register register, LocalDate asOf) {
        this.pupilId = pupilId;
        this.register = register;
        this.asOf = asOf;
        this.yearStart = AcademicYear.containing(asOf).start();
    }

    /** Sessions this academic year, up to the day judged, whose code is in {@code codes}. */
    public int sessionsThisYear(Collection<String> codes) {
        return register.sessions(set(codes), yearStart, asOf);
    }

    /** Sessions from {@code from} to {@code to} (at most the day judged), both inclusive, whose code is in {@code codes}. */
    public int sessionsBetween(LocalDate from, LocalDate to, Collection<String> codes) {
        return register.sessions(set(codes), from, to.isAfter(asOf) ? asOf : to);
    }

    /** Days this academic year at two sessions a day: a missed morning is half a day. */
    public double daysThisYear(Collection<String> codes) {
        return sessionsThisYear(codes) / 2.0;
    }

    /** The run of school days, ending on the day judged, on which every possible session is in {@code codes}. */
    public int consecutiveSchoolDaysAllSessions(Collection<String> codes) {
        return register.schoolDayRun(set(codes), true, asOf);
    }

    /** The run of school days, ending on the day judged, on which any possible session is in {@code codes}. */
    public int consecutiveSchoolDaysAnySession(Collection<String> codes) {
        return register.schoolDayRun(set(codes), false, asOf);
    }

    /**
     * The latest unbroken run of sessions in {@code codes}, e.g. one holiday: possible sessions in date order, over
     * weekends and breaks, ending at the latest such session this year. Zero when there is none.
     */
    public int latestRunOfSessions(Collection<String> codes) {
        return register.latestSessionRun(set(codes), asOf);
    }

    /** The first day of {@link #latestRunOfSessions}, or null when there is none. */
    public LocalDate latestRunStart(Collection<String> codes) {
        return register.latestSessionRunStart(set(codes), asOf);
    }

    /**
     * Attendance % of the academic year containing {@code date} (at most the day judged), from its start to the end of
     * {@code date}: the running figure at a monitoring point. NaN with no possible session.
     */
    public double yearToDatePercentOn(LocalDate date) {
        return register.yearToDatePercentOn(date.isAfter(asOf) ? asOf : date);
    }

    public long getPupilId() { return pupilId; }
    public LocalDate getAsOf() { return asOf; }

    private static Set<String> set(Collection<String> codes) {
        return codes instanceof Set<String> set ? set : Set.copyOf(codes);
    }

    @Override
    public String toString() {
        return "RegisterFact[pupil " + pupilId + " on " + asOf + "]";
    }
}

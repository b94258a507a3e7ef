package uk.attendance.rules.fact;

import java.time.LocalDate;
import java.util.function.IntUnaryOperator;
import org.kie.api.definition.type.ClassReactive;

/**
 * Something the school did (letter, meeting, penalty notice...), dated on or before the evaluation
 * date, with the pupil's attendance at that date and since, so a ladder can tell whether the
 * monitoring period after it has passed and whether attendance improved.
 */
@ClassReactive
public class InterventionFact {

    private long pupilId;
    private long id;
    private String kind;
    private String type;
    private LocalDate date;
    private String parentId;
    private Boolean parentAttended;
    private String outcome;
    private String academicYear;
    private int schoolDaysSince;
    private long calendarDaysSince;
    private double attendancePercentAtDate;
    private double attendancePercentSince;
    private int possibleSessionsSince;
    private int absentSessionsSince;
    private int unauthorisedSessionsSince;
    private IntUnaryOperator unauthorisedSessionsInFirstSchoolDays = schoolDays -> 0;
    private AgreedTargetFact agreedTarget;
    private LocalDate reviewOn;
    private int unauthorisedSessionsToDate;

    /** A withdrawn penalty notice does not count towards the cap. */
    public boolean isCounted() {
        return !"WITHDRAWN".equals(outcome);
    }

    /**
     * Unauthorised sessions in the first {@code schoolDays} school days after the intervention's date, so a
     * monitoring period is judged on its own days however late the evaluation runs.
     */
    public int unauthorisedSessionsInFirstSchoolDays(int schoolDays) {
        return unauthorisedSessionsInFirstSchoolDays.applyAsInt(schoolDays);
    }

    /**
     * Attendance has not improved since this step: against the pupil's latest agreed target when there is one (attendance
     * since this step below its %, or more absent sessions since the target was agreed than its maximum), otherwise
     * attendance since this step below the policy's {@code defaultPercent}. False while no session has been held since.
     */
    public boolean notImproved(Number defaultPercent) {
        if (agreedTarget == null) {
            return attendancePercentSince < defaultPercent.doubleValue();
        }
        if (agreedTarget.getAttendancePercent() != null) {
            return attendancePercentSince < agreedTarget.getAttendancePercent();
        }
        return agreedTarget.getAbsentSessionsSince() > agreedTarget.getMaxAbsentSessions();
    }

    /** Improved since this step, as {@link #notImproved} judges it, with at least one session held since. */
    public boolean improved(Number defaultPercent) {
        return possibleSessionsSince > 0 && !notImproved(defaultPercent);
    }

    /** What "improved" was judged against, in words: "the target agreed on ...: ..." or the policy's "97%". */
    public String measuredAgainst(Number defaultPercent) {
        return agreedTarget == null
                ? java.math.BigDecimal.valueOf(defaultPercent.doubleValue()).stripTrailingZeros().toPlainString() + "%"
                : agreedTarget.describe() + ": " + agreedTarget.progress();
    }

    /**
     * The review is due: on the review date agreed with the family when this intervention carries a target, otherwise
     * once {@code defaultSchoolDays} school days have passed.
     */
    public boolean reviewDue(int defaultSchoolDays) {
        if (reviewOn != null) {
            return !date.plusDays(calendarDaysSince).isBefore(reviewOn);
        }
        return schoolDaysSince >= defaultSchoolDays;
    }

    /** For an ATTENDANCE_TARGET carrying a target, its agreed review date; otherwise null. */
    public LocalDate getReviewOn() { return reviewOn; }
    public InterventionFact setReviewOn(LocalDate reviewOn) { this.reviewOn = reviewOn; return this; }
    /** Unauthorised sessions this academic year up to and including the intervention's date ("unauthorised absence has occurred"). */
    public int getUnauthorisedSessionsToDate() { return unauthorisedSessionsToDate; }
    public InterventionFact setUnauthorisedSessionsToDate(int sessions) { this.unauthorisedSessionsToDate = sessions; return this; }
    /** The pupil's latest target agreed with the family on or before the day judged, or null when none was agreed. */
    public AgreedTargetFact getAgreedTarget() { return agreedTarget; }
    public InterventionFact setAgreedTarget(AgreedTargetFact target) { this.agreedTarget = target; return this; }

    /** The parent was invited and did not come. */
    public boolean isParentMissed() {
        return Boolean.FALSE.equals(parentAttended);
    }

    public long getPupilId() { return pupilId; }
    public InterventionFact setPupilId(long pupilId) { this.pupilId = pupilId; return this; }
    public long getId() { return id; }
    public InterventionFact setId(long id) { this.id = id; return this; }
    /** LETTER, MEETING, PENALTY_NOTICE, HOME_VISIT, ... */
    public String getKind() { return kind; }
    public InterventionFact setKind(String kind) { this.kind = kind; return this; }
    /** For a letter, which one: AT1, STAGE_1, PATHWAY_1... */
    public String getType() { return type; }
    public InterventionFact setType(String type) { this.type = type; return this; }
    public LocalDate getDate() { return date; }
    public InterventionFact setDate(LocalDate date) { this.date = date; return this; }
    public String getParentId() { return parentId; }
    public InterventionFact setParentId(String parentId) { this.parentId = parentId; return this; }
    public Boolean getParentAttended() { return parentAttended; }
    public InterventionFact setParentAttended(Boolean parentAttended) { this.parentAttended = parentAttended; return this; }
    /** E.g. RESOLVED, PARENTING_CONTRACT, PN_MONITORING, DECLINED_SUPPORT, WITHDRAWN. */
    public String getOutcome() { return outcome; }
    public InterventionFact setOutcome(String outcome) { this.outcome = outcome; return this; }
    public String getAcademicYear() { return academicYear; }
    public InterventionFact setAcademicYear(String academicYear) { this.academicYear = academicYear; return this; }
    /** School days after the intervention's date, up to and including the evaluation date. */
    public int getSchoolDaysSince() { return schoolDaysSince; }
    public InterventionFact setSchoolDaysSince(int days) { this.schoolDaysSince = days; return this; }
    public long getCalendarDaysSince() { return calendarDaysSince; }
    public InterventionFact setCalendarDaysSince(long days) { this.calendarDaysSince = days; return this; }
    /** Exact year-to-date attendance as it stood at the end of the intervention's date. */
    public double getAttendancePercentAtDate() { return attendancePercentAtDate; }
    public InterventionFact setAttendancePercentAtDate(double percent) { this.attendancePercentAtDate = percent; return this; }
    /** Exact attendance over the sessions after the intervention's date; NaN (matching no threshold) when there were none. */
    public double getAttendancePercentSince() { return attendancePercentSince; }
    public InterventionFact setAttendancePercentSince(double percent) { this.attendancePercentSince = percent; return this; }
    public int getPossibleSessionsSince() { return possibleSessionsSince; }
    public InterventionFact setPossibleSessionsSince(int sessions) { this.possibleSessionsSince = sessions; return this; }
    public int getAbsentSessionsSince() { return absentSessionsSince; }
    public InterventionFact setAbsentSessionsSince(int sessions) { this.absentSessionsSince = sessions; return this; }
    public int getUnauthorisedSessionsSince() { return unauthorisedSessionsSince; }
    public InterventionFact setUnauthorisedSessionsSince(int sessions) { this.unauthorisedSessionsSince = sessions; return this; }
    /** Unauthorised sessions on each school day after the intervention's date, the first school day first. */
    public InterventionFact setUnauthorisedSessionsBySchoolDay(int... sessions) {
        int[] bySchoolDay = sessions.clone();
        return setUnauthorisedSessionsInFirstSchoolDays(schoolDays -> {
            int total = 0;
            for (int day = 0; day < Math.min(schoolDays, bySchoolDay.length); day++) {
                total += bySchoolDay[day];
            }
            return total;
        });
    }
    /** How many unauthorised sessions the first n school days after the intervention's date hold, up to the day judged. */
    public InterventionFact setUnauthorisedSessionsInFirstSchoolDays(IntUnaryOperator sessions) { this.unauthorisedSessionsInFirstSchoolDays = sessions; return this; }

    @Override
    public String toString() {
        return "InterventionFact[pupil " + pupilId + " " + kind + (type == null ? "" : " " + type) + " " + date + "]";
    }
}

package uk.attendance.rules.fact;

import java.time.LocalDate;

/**
 * The pupil's latest target agreed with the family (an ATTENDANCE_TARGET intervention carrying one), with the
 * attendance since it was agreed, up to its review date or the evaluation date, whichever comes first. Ladders
 * judge "improved", "targets met" and "not improved" against it, and against their default only without one.
 */
public class AgreedTargetFact {

    private final long pupilId;
    private final LocalDate date;
    private final Double attendancePercent;
    private final Integer maxAbsentSessions;
    private final LocalDate reviewOn;
    private final boolean reviewDue;
    private final double attendancePercentSince;
    private final int possibleSessionsSince;
    private final int absentSessionsSince;

    public AgreedTargetFact(long pupilId, LocalDate date, Double attendancePercent, Integer maxAbsentSessions, LocalDate reviewOn,
            boolean reviewDue, double attendancePercentSince, int possibleSessionsSince, int absentSessionsSince) {
        this.pupilId = pupilId;
        this.date = date;
        this.attendancePercent = attendancePercent;
        this.maxAbsentSessions = maxAbsentSessions;
        this.reviewOn = reviewOn;
        this.reviewDue = reviewDue;
        this.attendancePercentSince = attendancePercentSince;
        this.possibleSessionsSince = possibleSessionsSince;
        this.absentSessionsSince = absentSessionsSince;
    }

    /**
     * Met so far: attendance since it was agreed at or above its %, or no more absent sessions than its maximum.
     * A % target with no session since is not yet met.
     */
    public boolean isMet() {
        if (attendancePercent != null) {
            return possibleSessionsSince > 0 && attendancePercentSince >= attendancePercent;
        }
        return absentSessionsSince <= maxAbsentSessions;
    }

    /** In words: "the target agreed on 2025-11-10 (attendance of at least 96.0%, review on 2025-12-01)". */
    public String describe() {
        String measure = attendancePercent != null ? "attendance of at least " + Words.percent(attendancePercent)
                : "no more than " + Words.sessions(maxAbsentSessions) + " missed";
        return "the target agreed on " + date + " (" + measure + ", review on " + reviewOn + ")";
    }

    /** How the pupil stands against it, in words. */
    public String progress() {
        if (attendancePercent != null && possibleSessionsSince == 0) {
            return "no session has been held since it was agreed";
        }
        return attendancePercent != null
                ? "attendance since it was agreed is " + Words.percent(attendancePercentSince)
                : Words.sessions(absentSessionsSince) + " missed since it was agreed";
    }

    public long getPupilId() { return pupilId; }
    public LocalDate getDate() { return date; }
    /** The agreed attendance %, or null for a target in absent sessions. */
    public Double getAttendancePercent() { return attendancePercent; }
    /** The agreed maximum of absent sessions, or null for a target in %. */
    public Integer getMaxAbsentSessions() { return maxAbsentSessions; }
    public LocalDate getReviewOn() { return reviewOn; }
    /** The evaluation date is on or after the review date. */
    public boolean isReviewDue() { return reviewDue; }
    public double getAttendancePercentSince() { return attendancePercentSince; }
    public int getPossibleSessionsSince() { return possibleSessionsSince; }
    public int getAbsentSessionsSince() { return absentSessionsSince; }

    @Override
    public String toString() {
        return "AgreedTargetFact[pupil " + pupilId + " " + date + "]";
    }
}

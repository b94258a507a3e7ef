package uk.attendance.rules.fact;

import java.time.LocalDate;
import java.util.Set;

/**
 * One pupil as the rules see them on the evaluation date: who they are and their year-to-date
 * measures, all computed in Java by {@code AttendanceMeasures}. Every threshold applied to these
 * lives in DRL or a policy's parameters.
 */
public class PupilFacts {

    private long pupilId;
    private String upn;
    private int yearGroup;
    private Set<String> characteristics = Set.of();
    private boolean compulsorySchoolAge;
    private LocalDate compulsorySchoolAgeFrom;
    private LocalDate asOf;
    private String academicYear;
    private int possibleSessions;
    private double attendancePercent;
    private double absencePercent;
    private int absentSessions;
    private int authorisedAbsenceSessions;
    private int unauthorisedAbsenceSessions;
    private double daysAbsent;
    private boolean persistentlyAbsent;
    private boolean severelyAbsent;
    private int lateSessions;
    private int unauthorisedSessionsLast10SchoolWeeks;
    private LocalDate last10SchoolWeeksStart;
    private int unansweredUnauthorisedSessionsLast10SchoolWeeks;
    private LocalDate unansweredSince;
    private LocalDate lastPenaltyNoticeOn;
    private LocalDate nationalThresholdDismissedOn;
    private int consecutiveAbsenceSchoolDays;
    private int consecutiveUnexplainedAbsenceSchoolDays;
    private int consecutiveUnauthorisedAbsenceSchoolDays;
    private int illnessSchoolDays;
    private int holidaySessions;

    public boolean hasCharacteristic(String characteristic) {
        return characteristics.contains(characteristic);
    }

    public long getPupilId() { return pupilId; }
    public PupilFacts setPupilId(long pupilId) { this.pupilId = pupilId; return this; }
    public String getUpn() { return upn; }
    public PupilFacts setUpn(String upn) { this.upn = upn; return this; }
    public int getYearGroup() { return yearGroup; }
    public PupilFacts setYearGroup(int yearGroup) { this.yearGroup = yearGroup; return this; }
    public Set<String> getCharacteristics() { return characteristics; }
    public PupilFacts setCharacteristics(Set<String> characteristics) { this.characteristics = Set.copyOf(characteristics); return this; }
    /** Legal measures (penalty notices, prosecution) apply only to a pupil of compulsory school age. */
    public boolean isCompulsorySchoolAge() { return compulsorySchoolAge; }
    public PupilFacts setCompulsorySchoolAge(boolean compulsorySchoolAge) { this.compulsorySchoolAge = compulsorySchoolAge; return this; }
    /** The first day of compulsory school age (null when the date of birth is unknown): no session before it counts towards the national threshold. */
    public LocalDate getCompulsorySchoolAgeFrom() { return compulsorySchoolAgeFrom; }
    public PupilFacts setCompulsorySchoolAgeFrom(LocalDate compulsorySchoolAgeFrom) { this.compulsorySchoolAgeFrom = compulsorySchoolAgeFrom; return this; }
    public LocalDate getAsOf() { return asOf; }
    public PupilFacts setAsOf(LocalDate asOf) { this.asOf = asOf; return this; }
    /** E.g. "2025/26". */
    public String getAcademicYear() { return academicYear; }
    public PupilFacts setAcademicYear(String academicYear) { this.academicYear = academicYear; return this; }
    public int getPossibleSessions() { return possibleSessions; }
    public PupilFacts setPossibleSessions(int possibleSessions) { this.possibleSessions = possibleSessions; return this; }
    /** Exact, year to date; NaN (matching no threshold) when there are no possible sessions yet. */
    public double getAttendancePercent() { return attendancePercent; }
    public PupilFacts setAttendancePercent(double attendancePercent) { this.attendancePercent = attendancePercent; return this; }
    public double getAbsencePercent() { return absencePercent; }
    public PupilFacts setAbsencePercent(double absencePercent) { this.absencePercent = absencePercent; return this; }
    public int getAbsentSessions() { return absentSessions; }
    public PupilFacts setAbsentSessions(int absentSessions) { this.absentSessions = absentSessions; return this; }
    public int getAuthorisedAbsenceSessions() { return authorisedAbsenceSessions; }
    public PupilFacts setAuthorisedAbsenceSessions(int sessions) { this.authorisedAbsenceSessions = sessions; return this; }
    public int getUnauthorisedAbsenceSessions() { return unauthorisedAbsenceSessions; }
    public PupilFacts setUnauthorisedAbsenceSessions(int sessions) { this.unauthorisedAbsenceSessions = sessions; return this; }
    /** Absent sessions / 2: a missed morning is half a day. */
    public double getDaysAbsent() { return daysAbsent; }
    public PupilFacts setDaysAbsent(double daysAbsent) { this.daysAbsent = daysAbsent; return this; }
    public boolean isPersistentlyAbsent() { return persistentlyAbsent; }
    public PupilFacts setPersistentlyAbsent(boolean persistentlyAbsent) { this.persistentlyAbsent = persistentlyAbsent; return this; }
    public boolean isSeverelyAbsent() { return severelyAbsent; }
    public PupilFacts setSeverelyAbsent(boolean severelyAbsent) { this.severelyAbsent = severelyAbsent; return this; }
    public int getLateSessions() { return lateSessions; }
    public PupilFacts setLateSessions(int lateSessions) { this.lateSessions = lateSessions; return this; }
    public int getUnauthorisedSessionsLast10SchoolWeeks() { return unauthorisedSessionsLast10SchoolWeeks; }
    public PupilFacts setUnauthorisedSessionsLast10SchoolWeeks(int sessions) { this.unauthorisedSessionsLast10SchoolWeeks = sessions; return this; }
    /** The Monday the rolling 10-school-week window starts on. */
    public LocalDate getLast10SchoolWeeksStart() { return last10SchoolWeeksStart; }
    public PupilFacts setLast10SchoolWeeksStart(LocalDate start) { this.last10SchoolWeeksStart = start; return this; }
    /**
     * Unauthorised sessions in the last 10 school weeks not already answered by a penalty notice: after a counted
     * notice, only the sessions after its date. What the national threshold counts.
     */
    public int getUnansweredUnauthorisedSessionsLast10SchoolWeeks() { return unansweredUnauthorisedSessionsLast10SchoolWeeks; }
    public PupilFacts setUnansweredUnauthorisedSessionsLast10SchoolWeeks(int sessions) { this.unansweredUnauthorisedSessionsLast10SchoolWeeks = sessions; return this; }
    /**
     * The first day those sessions are counted from: the window's start, or the day after the latest counted notice (or
     * dismissal at the national threshold) in it.
     */
    public LocalDate getUnansweredSince() { return unansweredSince; }
    public PupilFacts setUnansweredSince(LocalDate since) { this.unansweredSince = since; return this; }
    /** The date of the latest counted (not withdrawn) penalty notice, or null. */
    public LocalDate getLastPenaltyNoticeOn() { return lastPenaltyNoticeOn; }
    public PupilFacts setLastPenaltyNoticeOn(LocalDate date) { this.lastPenaltyNoticeOn = date; return this; }
    /**
     * The latest day the school dismissed considering a penalty notice (or alternative legal action) raised at the
     * national threshold, or null: the lead considered the absence up to that day, so, like a notice, the dismissal
     * answers the sessions up to it.
     */
    public LocalDate getNationalThresholdDismissedOn() { return nationalThresholdDismissedOn; }
    public PupilFacts setNationalThresholdDismissedOn(LocalDate date) { this.nationalThresholdDismissedOn = date; return this; }
    /** The later of the latest counted notice and the latest dismissal at the national threshold, or null. */
    public LocalDate getPenaltyNoticeAnsweredOn() {
        return PenaltyNoticeRequest.answeredOn(lastPenaltyNoticeOn, nationalThresholdDismissedOn);
    }
    /** Whether the latest answer was the school's dismissal rather than a notice. */
    public boolean isAnsweredByDismissal() {
        return nationalThresholdDismissedOn != null && nationalThresholdDismissedOn.equals(getPenaltyNoticeAnsweredOn())
                && !nationalThresholdDismissedOn.equals(lastPenaltyNoticeOn);
    }
    /**
     * The period of a request at the national threshold: one per academic year and answer, so a request is raised once
     * for the sessions since the latest notice or dismissal, and a dismissed one is not raised again until sessions after
     * the dismissal meet the threshold (see {@link PenaltyNoticeRequest#nationalThresholdPeriod}).
     */
    public String getNationalThresholdPeriod() {
        return PenaltyNoticeRequest.nationalThresholdPeriod(academicYear, getPenaltyNoticeAnsweredOn());
    }
    /** School days, ending at the evaluation date, on which the pupil missed at least one session. */
    public int getConsecutiveAbsenceSchoolDays() { return consecutiveAbsenceSchoolDays; }
    public PupilFacts setConsecutiveAbsenceSchoolDays(int days) { this.consecutiveAbsenceSchoolDays = days; return this; }
    /** School days, ending at the evaluation date, whose every session is unexplained ({@code N} or {@code O}). */
    public int getConsecutiveUnexplainedAbsenceSchoolDays() { return consecutiveUnexplainedAbsenceSchoolDays; }
    public PupilFacts setConsecutiveUnexplainedAbsenceSchoolDays(int days) { this.consecutiveUnexplainedAbsenceSchoolDays = days; return this; }
    /** School days, ending at the evaluation date, whose every session is {@code G}, {@code N} or {@code O}. */
    public int getConsecutiveUnauthorisedAbsenceSchoolDays() { return consecutiveUnauthorisedAbsenceSchoolDays; }
    public PupilFacts setConsecutiveUnauthorisedAbsenceSchoolDays(int days) { this.consecutiveUnauthorisedAbsenceSchoolDays = days; return this; }
    /** School days this academic year with an illness ({@code I}) session, consecutive or not. */
    public int getIllnessSchoolDays() { return illnessSchoolDays; }
    public PupilFacts setIllnessSchoolDays(int days) { this.illnessSchoolDays = days; return this; }
    /** Sessions of term-time holiday not granted ({@code G}) this academic year. */
    public int getHolidaySessions() { return holidaySessions; }
    public PupilFacts setHolidaySessions(int sessions) { this.holidaySessions = sessions; return this; }

    @Override
    public String toString() {
        return "PupilFacts[pupil " + pupilId + " as of " + asOf + "]";
    }
}

package uk.attendance.rules.fact;

import java.time.LocalDate;

/** A pupil's attendance over one {@link Period}; present only when the window has possible sessions. */
public class PeriodFacts {

    private final long pupilId;
    private final Period period;
    private final LocalDate from;
    private final LocalDate to;
    private final int possibleSessions;
    private final double attendancePercent;
    private final int absentSessions;
    private final int unauthorisedAbsenceSessions;
    private final int holidaySessions;
    private final int illnessSessions;

    public PeriodFacts(long pupilId, Period period, LocalDate from, LocalDate to, int possibleSessions, double attendancePercent,
            int absentSessions, int unauthorisedAbsenceSessions, int holidaySessions, int illnessSessions) {
        this.pupilId = pupilId;
        this.period = period;
        this.from = from;
        this.to = to;
        this.possibleSessions = possibleSessions;
        this.attendancePercent = attendancePercent;
        this.absentSessions = absentSessions;
        this.unauthorisedAbsenceSessions = unauthorisedAbsenceSessions;
        this.holidaySessions = holidaySessions;
        this.illnessSessions = illnessSessions;
    }

    public long getPupilId() { return pupilId; }
    public Period getPeriod() { return period; }
    public LocalDate getFrom() { return from; }
    public LocalDate getTo() { return to; }
    public int getPossibleSessions() { return possibleSessions; }
    /** Exact. */
    public double getAttendancePercent() { return attendancePercent; }
    public int getAbsentSessions() { return absentSessions; }
    public double getDaysAbsent() { return absentSessions / 2.0; }
    public int getUnauthorisedAbsenceSessions() { return unauthorisedAbsenceSessions; }
    public int getHolidaySessions() { return holidaySessions; }
    public int getIllnessSessions() { return illnessSessions; }

    @Override
    public String toString() {
        return "PeriodFacts[pupil " + pupilId + " " + period + " " + from + ".." + to + "]";
    }
}

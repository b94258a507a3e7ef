package uk.attendance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.PeriodAttendance;
import uk.attendance.attendance.SchoolCalendar;

/**
 * Attendance week by week, counted as {@link PeriodAttendance} counts any period. Weeks without a possible
 * session (holidays, closures) are not school weeks and are left out.
 */
public final class WeeklyAttendance {

    /** A Monday–Sunday week and its sessions. */
    public record Week(LocalDate monday, int possibleSessions, int attendedSessions) {

        /** Exact attendance percentage of the week's possible sessions. */
        public double percent() {
            return 100.0 * attendedSessions / possibleSessions;
        }
    }

    /** Sessions of one code on one date: a pupil's single mark, or a whole school's count. */
    public record CodeCount(LocalDate date, AttendanceCode code, long sessions) {
    }

    private WeeklyAttendance() {
    }

    /** The school weeks in date order, from any mix of counts. */
    public static List<Week> of(Iterable<CodeCount> counts) {
        Map<LocalDate, PeriodAttendance.Tally> byMonday = new TreeMap<>();
        for (CodeCount count : counts) {
            byMonday.computeIfAbsent(SchoolCalendar.mondayOf(count.date()), monday -> new PeriodAttendance.Tally())
                    .add(count.code(), count.sessions());
        }
        List<Week> weeks = new ArrayList<>(byMonday.size());
        byMonday.forEach((monday, tally) -> {
            PeriodAttendance week = tally.total();
            if (week.hasPossibleSessions()) {
                weeks.add(new Week(monday, week.possibleSessions(), week.attendedSessions()));
            }
        });
        return weeks;
    }
}

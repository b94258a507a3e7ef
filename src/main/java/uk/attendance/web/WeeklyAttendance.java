package uk.attendance.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.CodeCategory;

/**
 * Attendance week by week, counted the DfE way: (present + approved activity) / possible sessions.
 * Weeks without a possible session (holidays, closures) are not school weeks and are left out.
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
        Map<LocalDate, long[]> byMonday = new TreeMap<>();
        for (CodeCount count : counts) {
            CodeCategory category = count.code().category();
            if (category == CodeCategory.NOT_POSSIBLE) {
                continue;
            }
            long[] tally = byMonday.computeIfAbsent(mondayOf(count.date()), monday -> new long[2]);
            tally[0] += count.sessions();
            if (category == CodeCategory.PRESENT || category == CodeCategory.APPROVED_ACTIVITY) {
                tally[1] += count.sessions();
            }
        }
        List<Week> weeks = new ArrayList<>(byMonday.size());
        byMonday.forEach((monday, tally) -> {
            if (tally[0] > 0) {
                weeks.add(new Week(monday, Math.toIntExact(tally[0]), Math.toIntExact(tally[1])));
            }
        });
        return weeks;
    }

    static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

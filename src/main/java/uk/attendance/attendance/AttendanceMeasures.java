package uk.attendance.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The attendance measures (DfE methodology and the statutory thresholds) computed from a pupil's marks
 * as they stood at the end of a date. Pure functions: the caller supplies the marks and the school's
 * calendar.
 */
public final class AttendanceMeasures {

    /** The national penalty-notice threshold counts unauthorised sessions over a rolling 10 school weeks. */
    public static final int NATIONAL_THRESHOLD_SCHOOL_WEEKS = 10;

    /** How a school day's sessions must match for the day to count. */
    public enum DayMatch {
        /** At least one possible session matches, e.g. a day on which the pupil missed a session. */
        ANY_SESSION,
        /** Every possible session matches, e.g. a whole day coded {@code G}, {@code N} or {@code O}. */
        ALL_SESSIONS;

        boolean matches(List<AttendanceCode> possibleSessions, Predicate<AttendanceCode> code) {
            return this == ANY_SESSION
                    ? possibleSessions.stream().anyMatch(code)
                    : possibleSessions.stream().allMatch(code);
        }
    }

    private AttendanceMeasures() {
    }

    /** The contract's attendance summary: the academic year to {@code asOf}, ignoring later marks. */
    public static AttendanceSummary summarise(Collection<MarkedSession> marks, SchoolCalendar calendar, LocalDate asOf) {
        return new AttendanceSummary(
                asOf,
                PeriodAttendance.of(marks, AcademicYear.containing(asOf).start(), asOf),
                unauthorisedSessionsInLastSchoolWeeks(marks, calendar, asOf, NATIONAL_THRESHOLD_SCHOOL_WEEKS),
                consecutiveAbsenceSchoolDays(marks, calendar, asOf));
    }

    /**
     * Unauthorised sessions ({@code G}, {@code N}, {@code O}, {@code U}) in the last {@code weeks} school
     * weeks up to {@code asOf}; the window skips weeks without school and may reach into earlier terms
     * and academic years.
     */
    public static int unauthorisedSessionsInLastSchoolWeeks(
            Collection<MarkedSession> marks, SchoolCalendar calendar, LocalDate asOf, int weeks) {
        return sessionsWithCode(marks, calendar.startOfLastSchoolWeeks(asOf, weeks), asOf,
                AttendanceCode::isUnauthorisedAbsence);
    }

    /** The run of school days, ending at {@code asOf}, on which the pupil missed at least one possible session. */
    public static int consecutiveAbsenceSchoolDays(Collection<MarkedSession> marks, SchoolCalendar calendar, LocalDate asOf) {
        return consecutiveSchoolDays(marks, calendar, asOf, DayMatch.ANY_SESSION, AttendanceCode::isAbsence);
    }

    /**
     * The run of school days, walking back from the last school day on or before {@code asOf}, whose
     * possible sessions match {@code code} as {@code match} requires.
     *
     * <p>A school day with marks but no possible session (only {@code D}, {@code X}, {@code Q},
     * {@code Y1}–{@code Y7}, {@code Z} or a partial {@code #}) is passed over: the pupil was not expected
     * in school that day, so it shows neither that the absence went on nor that it ended. A school day
     * without any mark (e.g. before the pupil joined) ends the run, as does any day that does not match.
     * Weekends and breaks are not school days, so they never end a run. School days of a posted calendar
     * that no register reaches yet (tonight's marks not posted) are not judged either.
     */
    public static int consecutiveSchoolDays(Collection<MarkedSession> marks, SchoolCalendar calendar, LocalDate asOf,
            DayMatch match, Predicate<AttendanceCode> code) {
        Map<LocalDate, List<AttendanceCode>> byDate = codesByDate(marks);
        List<LocalDate> schoolDays = calendar.schoolDays(LocalDate.MIN, calendar.markedUpTo(asOf));
        int run = 0;
        for (int i = schoolDays.size() - 1; i >= 0; i--) {
            List<AttendanceCode> codes = byDate.get(schoolDays.get(i));
            if (codes == null) {
                break;
            }
            List<AttendanceCode> possible = codes.stream().filter(AttendanceCode::isPossibleSession).toList();
            if (possible.isEmpty()) {
                continue;
            }
            if (!match.matches(possible, code)) {
                break;
            }
            run++;
        }
        return run;
    }

    /** Sessions dated from {@code from} to {@code to} inclusive whose code matches. */
    public static int sessionsWithCode(Collection<MarkedSession> marks, LocalDate from, LocalDate to,
            Predicate<AttendanceCode> code) {
        return (int) marks.stream()
                .filter(mark -> !mark.date().isBefore(from) && !mark.date().isAfter(to))
                .filter(mark -> code.test(mark.code()))
                .count();
    }

    /**
     * School days from {@code from} to {@code to} inclusive with at least one session whose code matches,
     * consecutive or not (e.g. days of illness).
     */
    public static int schoolDaysWithCode(Collection<MarkedSession> marks, SchoolCalendar calendar, LocalDate from,
            LocalDate to, Predicate<AttendanceCode> code) {
        return (int) marks.stream()
                .filter(mark -> code.test(mark.code()))
                .map(MarkedSession::date)
                .filter(date -> !date.isBefore(from) && !date.isAfter(to) && calendar.isSchoolDay(date))
                .distinct()
                .count();
    }

    private static Map<LocalDate, List<AttendanceCode>> codesByDate(Collection<MarkedSession> marks) {
        Map<LocalDate, List<AttendanceCode>> byDate = new HashMap<>();
        for (MarkedSession mark : marks) {
            byDate.computeIfAbsent(mark.date(), date -> new ArrayList<>(2)).add(mark.code());
        }
        return byDate;
    }
}

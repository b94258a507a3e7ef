package uk.attendance.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.PeriodAttendance;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.rules.fact.RegisterFact;

/**
 * A pupil's register as running totals, built in one pass over the marks: for each day, the sessions
 * counted up to it and the runs of absence ending on it. Any period's counts, and any day's runs, are
 * then a subtraction or a look-up, so judging every school day costs the same as judging one.
 *
 * <p>The counts follow {@link PeriodAttendance} and {@code AttendanceMeasures} exactly: sessions are
 * counted by date whatever the calendar says, runs walk the calendar's school days.
 */
public final class PupilDays implements RegisterFact.Register {

    private final SchoolCalendar calendar;
    /** Every school day up to the last day, and every date the pupil has a mark on, in order. */
    private final LocalDate[] dates;
    // cumulative[k]: total over dates[0..k-1]
    private final int[] present;
    private final int[] approved;
    private final int[] authorised;
    private final int[] unauthorised;
    private final int[] late;
    private final int[] holiday;
    private final int[] illness;
    private final int[] illnessSchoolDays;
    // run[k]: the run ending on dates[k]
    private final int[] absenceRun;
    private final int[] unexplainedRun;
    private final int[] unauthorisedRun;
    private final List<MarkedSession> nCodes;
    /** The marks in date and session order, kept for the code sets a policy names ({@link RegisterFact}). */
    private List<MarkedSession> marks = List.of();
    /** Per code set, its running totals, built the first time a rule asks. */
    private final Map<Set<String>, CodeSeries> byCodeSet = new HashMap<>();

    private PupilDays(SchoolCalendar calendar, LocalDate[] dates) {
        this.calendar = calendar;
        this.dates = dates;
        int n = dates.length;
        present = new int[n + 1];
        approved = new int[n + 1];
        authorised = new int[n + 1];
        unauthorised = new int[n + 1];
        late = new int[n + 1];
        holiday = new int[n + 1];
        illness = new int[n + 1];
        illnessSchoolDays = new int[n + 1];
        absenceRun = new int[n];
        unexplainedRun = new int[n];
        unauthorisedRun = new int[n];
        nCodes = new ArrayList<>();
    }

    /** The series of the pupil's marks dated from {@code from} to {@code to}, over the school's calendar. */
    public static PupilDays of(SchoolCalendar calendar, Collection<MarkedSession> allMarks, LocalDate from, LocalDate to) {
        List<MarkedSession> marks = new ArrayList<>(allMarks.size());
        for (MarkedSession mark : allMarks) {
            if (!mark.date().isBefore(from) && !mark.date().isAfter(to)) {
                marks.add(mark);
            }
        }
        // The compact register hands them over in order already; sorting is for any other caller.
        if (!inOrder(marks)) {
            marks.sort(REGISTER_ORDER);
        }
        PupilDays days = new PupilDays(calendar, union(calendar.schoolDays(from, to), marks));
        days.count(marks);
        days.marks = Collections.unmodifiableList(marks);
        return days;
    }

    private static final Comparator<MarkedSession> REGISTER_ORDER = Comparator.comparing(MarkedSession::date)
            .thenComparing(MarkedSession::session);

    private static boolean inOrder(List<MarkedSession> marks) {
        for (int i = 1; i < marks.size(); i++) {
            if (REGISTER_ORDER.compare(marks.get(i - 1), marks.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The school days and the dates of the marks (both in order), each date once, in order: a merge. */
    private static LocalDate[] union(List<LocalDate> schoolDays, List<MarkedSession> marks) {
        List<LocalDate> dates = new ArrayList<>(schoolDays.size() + 8);
        int d = 0;
        int m = 0;
        while (d < schoolDays.size() || m < marks.size()) {
            LocalDate next;
            if (m == marks.size() || d < schoolDays.size() && !schoolDays.get(d).isAfter(marks.get(m).date())) {
                next = schoolDays.get(d++);
            } else {
                next = marks.get(m++).date();
            }
            if (dates.isEmpty() || !dates.get(dates.size() - 1).equals(next)) {
                dates.add(next);
            }
        }
        return dates.toArray(LocalDate[]::new);
    }

    private void count(List<MarkedSession> marks) {
        int m = 0;
        for (int k = 0; k < dates.length; k++) {
            LocalDate date = dates[k];
            present[k + 1] = present[k];
            approved[k + 1] = approved[k];
            authorised[k + 1] = authorised[k];
            unauthorised[k + 1] = unauthorised[k];
            late[k + 1] = late[k];
            holiday[k + 1] = holiday[k];
            illness[k + 1] = illness[k];
            boolean marked = false;
            int possible = 0;
            boolean anyAbsence = false;
            boolean allUnexplained = true;
            boolean allUnauthorised = true;
            boolean ill = false;
            for (; m < marks.size() && marks.get(m).date().equals(date); m++) {
                AttendanceCode code = marks.get(m).code();
                marked = true;
                switch (code.category()) {
                    case PRESENT -> present[k + 1]++;
                    case APPROVED_ACTIVITY -> approved[k + 1]++;
                    case AUTHORISED_ABSENCE -> authorised[k + 1]++;
                    case UNAUTHORISED_ABSENCE -> unauthorised[k + 1]++;
                    case NOT_POSSIBLE -> { }
                }
                if (code.isLate()) {
                    late[k + 1]++;
                }
                if (code == AttendanceCode.G) {
                    holiday[k + 1]++;
                }
                if (code == AttendanceCode.I) {
                    illness[k + 1]++;
                    ill = true;
                }
                if (code == AttendanceCode.N) {
                    nCodes.add(marks.get(m));
                }
                if (code.isPossibleSession()) {
                    possible++;
                    anyAbsence |= code.isAbsence();
                    allUnexplained &= code == AttendanceCode.N || code == AttendanceCode.O;
                    allUnauthorised &= code == AttendanceCode.G || code == AttendanceCode.N || code == AttendanceCode.O;
                }
            }
            boolean schoolDay = calendar.isSchoolDay(date);
            illnessSchoolDays[k + 1] = illnessSchoolDays[k] + (ill && schoolDay ? 1 : 0);
            int previous = k == 0 ? -1 : k - 1;
            if (!schoolDay) {
                // Not a school day: runs neither go on nor end.
                absenceRun[k] = previous < 0 ? 0 : absenceRun[previous];
                unexplainedRun[k] = previous < 0 ? 0 : unexplainedRun[previous];
                unauthorisedRun[k] = previous < 0 ? 0 : unauthorisedRun[previous];
            } else if (!marked) {
                absenceRun[k] = unexplainedRun[k] = unauthorisedRun[k] = 0;
            } else if (possible == 0) {
                // Not expected in school that day: passed over.
                absenceRun[k] = previous < 0 ? 0 : absenceRun[previous];
                unexplainedRun[k] = previous < 0 ? 0 : unexplainedRun[previous];
                unauthorisedRun[k] = previous < 0 ? 0 : unauthorisedRun[previous];
            } else {
                absenceRun[k] = anyAbsence ? (previous < 0 ? 0 : absenceRun[previous]) + 1 : 0;
                unexplainedRun[k] = allUnexplained ? (previous < 0 ? 0 : unexplainedRun[previous]) + 1 : 0;
                unauthorisedRun[k] = allUnauthorised ? (previous < 0 ? 0 : unauthorisedRun[previous]) + 1 : 0;
            }
        }
    }

    /** Sessions dated from {@code from} to {@code to}, both inclusive. */
    public PeriodAttendance attendance(LocalDate from, LocalDate to) {
        int a = before(from);
        int b = Math.max(a, onOrBefore(to));
        int p = present[b] - present[a];
        int ap = approved[b] - approved[a];
        int au = authorised[b] - authorised[a];
        int un = unauthorised[b] - unauthorised[a];
        return new PeriodAttendance(p + ap + au + un, p, ap, au, un, late[b] - late[a]);
    }

    public int unauthorisedSessions(LocalDate from, LocalDate to) {
        return between(unauthorised, from, to);
    }

    /** Sessions coded {@code G}: term-time holiday not granted. */
    public int holidaySessions(LocalDate from, LocalDate to) {
        return between(holiday, from, to);
    }

    public int illnessSessions(LocalDate from, LocalDate to) {
        return between(illness, from, to);
    }

    /** School days with at least one illness session. */
    public int illnessSchoolDays(LocalDate from, LocalDate to) {
        return between(illnessSchoolDays, from, to);
    }

    /** School days, ending on the last school day on or before {@code date}, on which a possible session was missed. */
    public int absenceRun(LocalDate date) {
        return run(absenceRun, date);
    }

    /** School days, ending on {@code date}, whose every possible session is {@code N} or {@code O}. */
    public int unexplainedRun(LocalDate date) {
        return run(unexplainedRun, date);
    }

    /** School days, ending on {@code date}, whose every possible session is {@code G}, {@code N} or {@code O}. */
    public int unauthorisedRun(LocalDate date) {
        return run(unauthorisedRun, date);
    }

    /** Sessions coded {@code N} on or before {@code date}. */
    public List<MarkedSession> nCodesOnOrBefore(LocalDate date) {
        if (nCodes.isEmpty()) {
            return List.of();
        }
        return nCodes.stream().filter(m -> !m.date().isAfter(date)).toList();
    }

    /** Unauthorised sessions on the first {@code schoolDays} school days after {@code date}, up to {@code upTo}. */
    public int unauthorisedInFirstSchoolDaysAfter(LocalDate date, int schoolDays, LocalDate upTo) {
        if (schoolDays < 1) {
            return 0;
        }
        LocalDate last = calendar.nthSchoolDayAfter(date, schoolDays).filter(d -> d.isBefore(upTo)).orElse(upTo);
        return unauthorisedSessions(date.plusDays(1), last);
    }

    @Override
    public int sessions(Set<String> codes, LocalDate from, LocalDate to) {
        return between(series(codes).sessions, from, to);
    }

    @Override
    public int schoolDayRun(Set<String> codes, boolean allSessions, LocalDate date) {
        CodeSeries series = series(codes);
        return run(allSessions ? series.allRun : series.anyRun, date);
    }

    @Override
    public int latestSessionRun(Set<String> codes, LocalDate date) {
        int k = onOrBefore(date) - 1;
        return k < 0 ? 0 : series(codes).latestRun[k];
    }

    @Override
    public LocalDate latestSessionRunStart(Set<String> codes, LocalDate date) {
        int k = onOrBefore(date) - 1;
        return k < 0 ? null : series(codes).latestRunStart[k];
    }

    @Override
    public double yearToDatePercentOn(LocalDate date) {
        return attendance(AcademicYear.containing(date).start(), date).attendancePercent();
    }

    private CodeSeries series(Set<String> codes) {
        return byCodeSet.computeIfAbsent(codes, this::count);
    }

    /**
     * One code set's running totals over the dates: sessions in the set; runs of school days all (or any) of whose
     * possible sessions are in it, as {@link #count} walks runs; and the latest unbroken run of possible sessions in it,
     * which starts afresh each academic year.
     */
    private CodeSeries count(Set<String> codes) {
        int n = dates.length;
        CodeSeries series = new CodeSeries(n);
        int m = 0;
        int currentRun = 0;
        LocalDate currentStart = null;
        int latestRun = 0;
        LocalDate latestStart = null;
        AcademicYear year = null;
        for (int k = 0; k < n; k++) {
            LocalDate date = dates[k];
            if (!AcademicYear.containing(date).equals(year)) {
                year = AcademicYear.containing(date);
                currentRun = 0;
                currentStart = null;
                latestRun = 0;
                latestStart = null;
            }
            series.sessions[k + 1] = series.sessions[k];
            boolean marked = false;
            int possible = 0;
            boolean all = true;
            boolean any = false;
            for (; m < marks.size() && marks.get(m).date().equals(date); m++) {
                MarkedSession mark = marks.get(m);
                boolean in = codes.contains(mark.code().mark());
                marked = true;
                if (in) {
                    series.sessions[k + 1]++;
                }
                if (mark.code().isPossibleSession()) {
                    possible++;
                    all &= in;
                    any |= in;
                    if (in) {
                        if (currentRun == 0) {
                            currentStart = date;
                        }
                        currentRun++;
                        latestRun = currentRun;
                        latestStart = currentStart;
                    } else {
                        currentRun = 0;
                    }
                }
            }
            series.latestRun[k] = latestRun;
            series.latestRunStart[k] = latestStart;
            int previous = k - 1;
            if (!calendar.isSchoolDay(date) || marked && possible == 0) {
                series.allRun[k] = previous < 0 ? 0 : series.allRun[previous];
                series.anyRun[k] = previous < 0 ? 0 : series.anyRun[previous];
            } else if (!marked) {
                series.allRun[k] = series.anyRun[k] = 0;
            } else {
                series.allRun[k] = all ? (previous < 0 ? 0 : series.allRun[previous]) + 1 : 0;
                series.anyRun[k] = any ? (previous < 0 ? 0 : series.anyRun[previous]) + 1 : 0;
            }
        }
        return series;
    }

    private static final class CodeSeries {
        final int[] sessions;
        final int[] allRun;
        final int[] anyRun;
        final int[] latestRun;
        final LocalDate[] latestRunStart;

        CodeSeries(int n) {
            sessions = new int[n + 1];
            allRun = new int[n];
            anyRun = new int[n];
            latestRun = new int[n];
            latestRunStart = new LocalDate[n];
        }
    }

    private int between(int[] cumulative, LocalDate from, LocalDate to) {
        int a = before(from);
        int b = onOrBefore(to);
        return b <= a ? 0 : cumulative[b] - cumulative[a];
    }

    private int run(int[] runs, LocalDate date) {
        int k = onOrBefore(date) - 1;
        // Runs end on school days: a later marked date off the calendar carries the run it follows.
        return k < 0 ? 0 : runs[k];
    }

    /** How many dates fall before {@code date}. */
    private int before(LocalDate date) {
        int i = Arrays.binarySearch(dates, date);
        return i >= 0 ? i : -(i + 1);
    }

    /** How many dates fall on or before {@code date}. */
    private int onOrBefore(LocalDate date) {
        int i = Arrays.binarySearch(dates, date);
        return i >= 0 ? i + 1 : -(i + 1);
    }
}

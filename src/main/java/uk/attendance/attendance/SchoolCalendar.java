package uk.attendance.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The days on which a school holds sessions, its terms and half terms. An academic year whose calendar
 * the school posted ({@link PostedCalendar}) takes them from it. A year without one falls back on the
 * register (dates on which any pupil has a mark other than {@code #}): weekends, holidays and closures
 * are simply absent, and half terms and terms are inferred from the gaps.
 */
public final class SchoolCalendar {

    /**
     * Inference only: the fewest weekdays without sessions that make a half-term break; a bank holiday
     * or INSET days joined to a weekend close school for at most 3 weekdays, a half-term holiday for 5.
     */
    public static final int MIN_BREAK_WEEKDAYS = 4;

    /**
     * Inference only: the fewest weekdays without sessions that end a term. Christmas and Easter close
     * school for about 10 weekdays; a half-term week next to an INSET day or a bank holiday for at most 7.
     */
    public static final int MIN_TERM_BREAK_WEEKDAYS = 8;

    /** First and last school day of a half term. */
    public record HalfTerm(LocalDate start, LocalDate end) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    private final List<LocalDate> days;
    private final List<HalfTerm> halfTerms;
    private final List<HalfTerm> terms;
    private final Set<AcademicYear> postedYears;
    private final LocalDate registerEnd;

    private SchoolCalendar(List<LocalDate> days, List<HalfTerm> halfTerms, List<HalfTerm> terms, Set<AcademicYear> postedYears,
            LocalDate registerEnd) {
        this.days = days;
        this.halfTerms = halfTerms;
        this.terms = terms;
        this.postedYears = postedYears;
        this.registerEnd = registerEnd;
    }

    /** A calendar inferred entirely from the register's school days. */
    public static SchoolCalendar of(Collection<LocalDate> schoolDays) {
        return of(schoolDays, List.of());
    }

    /**
     * The posted calendars for the years they cover, the register's school days for any other year.
     * {@code registerDays} are the dates with marks; the latest of them is how far the register reaches.
     */
    public static SchoolCalendar of(Collection<LocalDate> registerDays, Collection<PostedCalendar> posted) {
        Set<AcademicYear> postedYears = posted.stream().map(PostedCalendar::year).collect(Collectors.toSet());
        List<LocalDate> inferredDays = new TreeSet<>(registerDays).stream()
                .filter(day -> !postedYears.contains(AcademicYear.containing(day))).toList();
        TreeSet<LocalDate> days = new TreeSet<>(inferredDays);
        List<HalfTerm> halfTerms = new ArrayList<>(findRuns(inferredDays, MIN_BREAK_WEEKDAYS));
        List<HalfTerm> terms = new ArrayList<>(findRuns(inferredDays, MIN_TERM_BREAK_WEEKDAYS));
        for (PostedCalendar calendar : posted) {
            days.addAll(calendar.schoolDays());
            halfTerms.addAll(calendar.halfTerms());
            terms.addAll(calendar.termRuns());
        }
        halfTerms.sort(Comparator.comparing(HalfTerm::start));
        terms.sort(Comparator.comparing(HalfTerm::start));
        LocalDate registerEnd = registerDays.stream().max(Comparator.naturalOrder()).orElse(null);
        return new SchoolCalendar(List.copyOf(days), List.copyOf(halfTerms), List.copyOf(terms), Set.copyOf(postedYears),
                registerEnd);
    }

    /** Whether the terms and half terms of the academic year containing {@code date} were inferred from the register. */
    public boolean inferred(LocalDate date) {
        return !postedYears.contains(AcademicYear.containing(date));
    }

    /**
     * The last date the register reaches (the latest day any pupil has a mark), or {@code date} itself when the
     * register reaches beyond it: a posted calendar knows school days no register has marked yet.
     */
    public LocalDate markedUpTo(LocalDate date) {
        return registerEnd == null || registerEnd.isAfter(date) ? date : registerEnd;
    }

    /** Terms in date order, each from its first to its last school day. */
    public List<HalfTerm> terms() {
        return terms;
    }

    /** The term {@code date} falls in; during a long break, none. An inferred latest term runs on like its half term. */
    public Optional<HalfTerm> termContaining(LocalDate date) {
        Optional<HalfTerm> containing = terms.stream().filter(term -> term.contains(date)).findFirst();
        if (containing.isPresent() || terms.isEmpty()) {
            return containing;
        }
        HalfTerm latest = terms.get(terms.size() - 1);
        return date.isAfter(latest.end()) && inferred(latest.end()) && stillRunning(latest, date, MIN_TERM_BREAK_WEEKDAYS)
                ? Optional.of(latest) : Optional.empty();
    }

    public boolean isSchoolDay(LocalDate date) {
        return Collections.binarySearch(days, date) >= 0;
    }

    /** School days from {@code from} to {@code to}, both inclusive, in date order. */
    public List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        int first = countBefore(from);
        int end = countOnOrBefore(to);
        return first >= end ? List.of() : days.subList(first, end);
    }

    /** School days after {@code fromExclusive} up to and including {@code toInclusive}, e.g. school days since a letter. */
    public int countSchoolDays(LocalDate fromExclusive, LocalDate toInclusive) {
        return Math.max(0, countOnOrBefore(toInclusive) - countOnOrBefore(fromExclusive));
    }

    public Optional<LocalDate> lastSchoolDayOnOrBefore(LocalDate date) {
        int count = countOnOrBefore(date);
        return count == 0 ? Optional.empty() : Optional.of(days.get(count - 1));
    }

    /**
     * The {@code n}th school day after {@code date} (n ≥ 1), e.g. the deadline to replace an {@code N} code;
     * empty when the register does not reach that far yet.
     */
    public Optional<LocalDate> nthSchoolDayAfter(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        int index = countOnOrBefore(date) + n - 1;
        return index < days.size() ? Optional.of(days.get(index)) : Optional.empty();
    }

    /**
     * The Monday that starts a window of the {@code weeks} most recent school weeks up to and including
     * the week of {@code asOf}. A school week is a Monday–Sunday week with a school day on or before
     * {@code asOf}; weeks without one (half term, summer) are skipped, so the window reaches further back
     * and may span terms and academic years. With fewer school weeks on record, the window starts at the
     * earliest one.
     */
    public LocalDate startOfLastSchoolWeeks(LocalDate asOf, int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be at least 1, was " + weeks);
        }
        LocalDate start = mondayOf(asOf);
        int found = 0;
        for (int i = countOnOrBefore(asOf) - 1; i >= 0; i--) {
            LocalDate monday = mondayOf(days.get(i));
            boolean earlierSchoolWeek = found == 0 || monday.isBefore(start);
            if (earlierSchoolWeek) {
                if (found == weeks) {
                    break;
                }
                found++;
                start = monday;
            }
        }
        return start;
    }

    /**
     * Half terms in date order, each from its first to its last school day: as posted, or inferred as runs of
     * school days separated by breaks of {@link #MIN_BREAK_WEEKDAYS} or more weekdays.
     */
    public List<HalfTerm> halfTerms() {
        return halfTerms;
    }

    /**
     * The half term {@code date} falls in, weekends and single days off included. The latest half term on
     * record counts as still running until a break has elapsed, because the register only knows days
     * already marked: the day after the last marked day is usually just the next day of the same term.
     */
    public Optional<HalfTerm> halfTermContaining(LocalDate date) {
        Optional<HalfTerm> containing = halfTerms.stream().filter(halfTerm -> halfTerm.contains(date)).findFirst();
        if (containing.isPresent() || halfTerms.isEmpty()) {
            return containing;
        }
        HalfTerm latest = halfTerms.get(halfTerms.size() - 1);
        return date.isAfter(latest.end()) && inferred(latest.end()) && stillRunning(latest, date, MIN_BREAK_WEEKDAYS)
                ? Optional.of(latest) : Optional.empty();
    }

    /**
     * The latest half term over before {@code asOf}: inside a term, the one before it; inside a break,
     * the one just before the break.
     */
    public Optional<HalfTerm> previousCompletedHalfTerm(LocalDate asOf) {
        Optional<HalfTerm> current = halfTermContaining(asOf);
        return halfTerms.stream()
                .filter(halfTerm -> halfTerm.end().isBefore(asOf) && !current.equals(Optional.of(halfTerm)))
                .reduce((earlier, later) -> later);
    }

    private static boolean stillRunning(HalfTerm latest, LocalDate date, int minBreakWeekdays) {
        return weekdaysBetween(latest.end(), date.plusDays(1)) < minBreakWeekdays;
    }

    /** How many school days fall on or before {@code date}, i.e. the index just after it. */
    private int countOnOrBefore(LocalDate date) {
        int index = Collections.binarySearch(days, date);
        return index >= 0 ? index + 1 : -(index + 1);
    }

    private int countBefore(LocalDate date) {
        int index = Collections.binarySearch(days, date);
        return index >= 0 ? index : -(index + 1);
    }

    /** Runs of school days separated by {@code minBreakWeekdays} or more weekdays without school. */
    private static List<HalfTerm> findRuns(List<LocalDate> days, int minBreakWeekdays) {
        if (days.isEmpty()) {
            return List.of();
        }
        List<HalfTerm> found = new ArrayList<>();
        LocalDate start = days.get(0);
        for (int i = 1; i < days.size(); i++) {
            if (weekdaysBetween(days.get(i - 1), days.get(i)) >= minBreakWeekdays) {
                found.add(new HalfTerm(start, days.get(i - 1)));
                start = days.get(i);
            }
        }
        found.add(new HalfTerm(start, days.get(days.size() - 1)));
        return List.copyOf(found);
    }

    /** Weekdays strictly between two dates. */
    private static int weekdaysBetween(LocalDate fromExclusive, LocalDate toExclusive) {
        int weekdays = 0;
        for (LocalDate day = fromExclusive.plusDays(1); day.isBefore(toExclusive); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays++;
            }
        }
        return weekdays;
    }

    /** The Monday that starts the Monday–Sunday week of {@code date}: school weeks are counted in these. */
    public static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

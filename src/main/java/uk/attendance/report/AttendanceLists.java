package uk.attendance.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.PeriodAttendance;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.PupilRegister;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.pupil.Pupil;
import uk.attendance.calendar.CalendarService;
import uk.attendance.evaluation.EvaluationService;
import uk.attendance.school.School;
import uk.attendance.pupil.SchoolAccess;

/**
 * The lists the policies ask for. The half-termly class list (St Clare's 7.21–7.22): each form's pupils in descending
 * attendance over the last half term, coloured by band, with an arrow against the half term before. The weekly
 * summary (trust template, Appendix 1 step 1): each pupil's week and year to date, by year group and form.
 */
@ApplicationScoped
public class AttendanceLists {

    private final SchoolAccess access;
    private final EvaluationService evaluation;
    private final Clock clock;

    private final CalendarService calendars;

    AttendanceLists(SchoolAccess access, EvaluationService evaluation, Clock clock, CalendarService calendars) {
        this.access = access;
        this.calendars = calendars;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    public enum Trend {
        IMPROVED("↑", "improved"), SAME("→", "same"), WORSE("↓", "worse"), NONE("", "no earlier half term");

        private final String arrow;
        private final String words;

        Trend(String arrow, String words) {
            this.arrow = arrow;
            this.words = words;
        }

        public String arrow() {
            return arrow;
        }

        public String words() {
            return words;
        }
    }

    /** A pupil on the class list: attendance over the half term and the one before, rounded to one decimal place. */
    public record ClassRow(String name, String upn, int yearGroup, BigDecimal percent, BigDecimal previousPercent, Trend trend,
            String band, BandColour colour) {
    }

    public record ClassGroup(String registrationGroup, List<ClassRow> pupils) {
    }

    public record ClassList(String schoolName, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
            List<ClassGroup> groups) {
    }

    /** A pupil's week and year to date. */
    public record WeekRow(String name, String upn, int yearGroup, String registrationGroup, int weekPossible, int weekAttended,
            BigDecimal weekPercent, int yearPossible, int yearAttended, BigDecimal yearPercent, boolean persistentlyAbsent) {
    }

    /** Pupils of one year group and form, with their totals. */
    public record WeekGroup(int yearGroup, String registrationGroup, List<WeekRow> pupils, BigDecimal weekPercent,
            BigDecimal yearPercent) {
    }

    public record WeeklySummary(String schoolName, LocalDate weekFrom, LocalDate weekTo, LocalDate yearFrom, List<WeekGroup> groups,
            BigDecimal weekPercent, BigDecimal yearPercent) {
    }

    /**
     * The class list of the last completed half term before {@code asOf} (the half term so far while the first is
     * running), for one form or every form.
     */
    @Transactional
    public ClassList classList(String schoolId, String registrationGroup, LocalDate requestedAsOf) {
        School school = access.require(schoolId);
        LocalDate asOf = asOf("asOf", requestedAsOf);
        LocalDate yearStart = AcademicYear.containing(asOf).start();
        SchoolCalendar calendar = calendars.schoolCalendar(schoolId, yearStart.minusYears(1), asOf);
        SchoolCalendar.HalfTerm half = calendar.previousCompletedHalfTerm(asOf)
                .or(() -> calendar.halfTermContaining(asOf))
                .orElseThrow(() -> ProblemException.invalid(FieldError.of("asOf", "no half term has register marks by " + asOf)));
        Optional<SchoolCalendar.HalfTerm> before = calendar.halfTerms().stream().filter(h -> h.end().isBefore(half.start()))
                .reduce((earlier, later) -> later);
        LocalDate to = half.end().isAfter(asOf) ? asOf : half.end();
        List<Pupil> pupils = pupils(schoolId, registrationGroup);
        List<Long> ids = pupils.stream().map(p -> p.id).toList();
        Map<Long, List<MarkedSession>> marks = PupilRegister.marks(ids, before.map(SchoolCalendar.HalfTerm::start).orElse(half.start()), to);
        Map<Long, EvaluationService.PupilStanding> standings = evaluation.standings(school, ids, asOf);
        List<ClassRow> rows = new ArrayList<>();
        Map<Long, String> groupOf = new LinkedHashMap<>();
        for (Pupil pupil : pupils) {
            List<MarkedSession> own = marks.getOrDefault(pupil.id, List.of());
            PeriodAttendance now = PeriodAttendance.of(own, half.start(), to);
            BigDecimal percent = percent(now.possibleSessions(), now.attendedSessions());
            BigDecimal previous = before.map(b -> PeriodAttendance.of(own, b.start(), b.end()))
                    .map(p -> percent(p.possibleSessions(), p.attendedSessions())).orElse(null);
            Trend trend = percent == null || previous == null ? Trend.NONE
                    : switch (Integer.signum(percent.compareTo(previous))) {
                        case 1 -> Trend.IMPROVED;
                        case -1 -> Trend.WORSE;
                        default -> Trend.SAME;
                    };
            EvaluationService.PupilStanding standing = standings.get(pupil.id);
            rows.add(new ClassRow(pupil.givenName + " " + pupil.familyName, pupil.upn, pupil.yearGroup, percent, previous, trend,
                    standing == null ? null : standing.band(), null));
            groupOf.put(pupil.id, group(pupil));
        }
        Map<String, BandColour> colours = BandColour.forBands(rows.stream().filter(r -> r.band() != null && r.percent() != null)
                .collect(Collectors.groupingBy(ClassRow::band, Collectors.averagingDouble(r -> r.percent().doubleValue()))));
        Map<String, List<ClassRow>> byGroup = new java.util.TreeMap<>(GROUP_ORDER);
        for (int i = 0; i < pupils.size(); i++) {
            ClassRow row = rows.get(i);
            byGroup.computeIfAbsent(groupOf.get(pupils.get(i).id), g -> new ArrayList<>())
                    .add(new ClassRow(row.name(), row.upn(), row.yearGroup(), row.percent(), row.previousPercent(), row.trend(),
                            row.band(), row.band() == null ? null : colours.get(row.band())));
        }
        Comparator<ClassRow> highestFirst = Comparator.comparing(ClassRow::percent, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ClassRow::name);
        List<ClassGroup> groups = byGroup.entrySet().stream()
                .map(e -> new ClassGroup(e.getKey(), e.getValue().stream().sorted(highestFirst).toList())).toList();
        return new ClassList(school.name, half.start(), to, before.map(SchoolCalendar.HalfTerm::start).orElse(null),
                before.map(SchoolCalendar.HalfTerm::end).orElse(null), groups);
    }

    /** The school week containing {@code weekOf} (default: the latest day with marks), each pupil's week and year to date. */
    @Transactional
    public WeeklySummary weekly(String schoolId, LocalDate requestedWeekOf) {
        School school = access.require(schoolId);
        LocalDate weekOf = asOf("weekOf", requestedWeekOf);
        LocalDate monday = SchoolCalendar.mondayOf(weekOf);
        LocalDate sunday = monday.plusDays(6);
        LocalDate yearStart = AcademicYear.containing(weekOf).start();
        List<Pupil> pupils = pupils(schoolId, null);
        Map<Long, List<MarkedSession>> marks = PupilRegister.marks(pupils.stream().map(p -> p.id).toList(), yearStart, sunday);
        Map<String, List<WeekRow>> byGroup = new java.util.TreeMap<>();
        Map<String, int[]> groupKeys = new LinkedHashMap<>();
        for (Pupil pupil : pupils) {
            List<MarkedSession> own = marks.getOrDefault(pupil.id, List.of());
            PeriodAttendance week = PeriodAttendance.of(own, monday, sunday);
            PeriodAttendance year = PeriodAttendance.of(own, yearStart, sunday);
            String key = String.format("%03d|%s", pupil.yearGroup + 1, group(pupil));
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(new WeekRow(pupil.givenName + " " + pupil.familyName, pupil.upn,
                    pupil.yearGroup, pupil.registrationGroup, week.possibleSessions(), week.attendedSessions(),
                    percent(week.possibleSessions(), week.attendedSessions()), year.possibleSessions(), year.attendedSessions(),
                    percent(year.possibleSessions(), year.attendedSessions()), year.persistentlyAbsent()));
            groupKeys.putIfAbsent(key, new int[] {pupil.yearGroup});
        }
        List<WeekGroup> groups = new ArrayList<>();
        int weekPossible = 0, weekAttended = 0, yearPossible = 0, yearAttended = 0;
        for (Map.Entry<String, List<WeekRow>> e : byGroup.entrySet()) {
            List<WeekRow> rows = e.getValue().stream().sorted(Comparator.comparing(WeekRow::name)).toList();
            int wp = rows.stream().mapToInt(WeekRow::weekPossible).sum();
            int wa = rows.stream().mapToInt(WeekRow::weekAttended).sum();
            int yp = rows.stream().mapToInt(WeekRow::yearPossible).sum();
            int ya = rows.stream().mapToInt(WeekRow::yearAttended).sum();
            weekPossible += wp;
            weekAttended += wa;
            yearPossible += yp;
            yearAttended += ya;
            groups.add(new WeekGroup(groupKeys.get(e.getKey())[0], e.getKey().substring(4), rows, percent(wp, wa), percent(yp, ya)));
        }
        return new WeeklySummary(school.name, monday, monday.plusDays(4), yearStart, groups, percent(weekPossible, weekAttended),
                percent(yearPossible, yearAttended));
    }

    private LocalDate asOf(String field, LocalDate requested) {
        LocalDate today = LocalDate.now(clock);
        if (requested != null && requested.isAfter(today)) {
            throw ProblemException.invalid(FieldError.of(field, "the date " + requested + " is in the future"));
        }
        return requested == null ? today : requested;
    }

    private static List<Pupil> pupils(String schoolId, String registrationGroup) {
        return registrationGroup == null || registrationGroup.isBlank() ? Pupil.listBySchool(schoolId)
                : Pupil.list("schoolId = ?1 and registrationGroup = ?2 order by familyName, givenName, upn", schoolId,
                        registrationGroup.trim());
    }

    static final String NO_GROUP = "No form";

    private static String group(Pupil pupil) {
        return pupil.registrationGroup == null ? NO_GROUP : pupil.registrationGroup;
    }

    /** 7A before 7B before 10A: shorter names first, then alphabetical. */
    private static final Comparator<String> GROUP_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    static BigDecimal percent(int possible, int attended) {
        return possible == 0 ? null : BigDecimal.valueOf(100L * attended).divide(BigDecimal.valueOf(possible), 1, RoundingMode.HALF_UP);
    }
}

package uk.attendance.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.PostedCalendar;
import uk.attendance.attendance.PostedCalendar.Closure;
import uk.attendance.attendance.PostedCalendar.Term;
import uk.attendance.attendance.PupilRegister;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.Session;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.pupil.SchoolAccess;
import uk.attendance.school.School;
import uk.attendance.security.Caller;


/** Stores the calendars schools post and builds the {@link SchoolCalendar} every measure and rule uses. */
@ApplicationScoped
public class CalendarService {

    /** A nightly post of a year of marks holds the school for minutes; a calendar post waits its turn. */
    private static final int LOCK_WAIT_SECONDS = 900;

    private final SchoolAccess access;
    private final Caller caller;
    private final Clock clock;

    CalendarService(SchoolAccess access, Caller caller, Clock clock) {
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Replaces the school's calendar for the request's academic year; a contradiction changes nothing. The school's
     * pupils are judged again from the start of that year at their next evaluation.
     */
    @Transactional
    public CalendarView put(String schoolId, CalendarRequest request) {
        access.require(schoolId);
        PostedCalendar calendar = CalendarValidator.validate(request);
        School.lockForUpdate(schoolId, LOCK_WAIT_SECONDS);
        String year = calendar.year().label();
        CalendarTerm.deleteYear(schoolId, year);
        CalendarClosure.deleteYear(schoolId, year);
        for (int i = 0; i < calendar.terms().size(); i++) {
            Term term = calendar.terms().get(i);
            CalendarTerm row = new CalendarTerm();
            row.schoolId = schoolId;
            row.academicYear = year;
            row.position = i;
            row.name = term.name();
            row.start = term.start();
            row.end = term.end();
            row.breakStart = term.breakStart();
            row.breakEnd = term.breakEnd();
            row.persist();
        }
        for (Closure closure : calendar.closures()) {
            CalendarClosure row = new CalendarClosure();
            row.schoolId = schoolId;
            row.academicYear = year;
            row.date = closure.date();
            row.am = closure.sessions().contains(Session.AM);
            row.pm = closure.sessions().contains(Session.PM);
            row.reason = closure.reason();
            row.persist();
        }
        PostedYear posted = PostedYear.find(schoolId, year).orElseGet(() -> {
            PostedYear created = new PostedYear();
            created.key = new PostedYear.Key(schoolId, year);
            return created;
        });
        posted.postedAt = Instant.now(clock);
        posted.postedBy = caller.name();
        posted.persist();
        // The year's school days, terms and half terms may all have changed: every pupil evaluated before is judged
        // again from the first day of the year at the next evaluation.
        School.judgeAgainFrom(schoolId, calendar.year().start());
        return CalendarView.of(calendar, posted.postedAt, posted.postedBy);
    }

    /** The posted calendar of {@code academicYear} ("2025/26"; the current year when null); 404 when none was posted. */
    @Transactional
    public CalendarView get(String schoolId, String academicYear) {
        access.require(schoolId);
        AcademicYear year = academicYear == null || academicYear.isBlank() ? AcademicYear.containing(LocalDate.now(clock))
                : AcademicYear.parse(academicYear).orElseThrow(() -> ProblemException.invalid(FieldError.of("academicYear",
                        "academicYear must name a school year as '2025/26', not '" + academicYear + "'")));
        PostedYear posted = PostedYear.find(schoolId, year.label()).orElseThrow(() -> ProblemException.notFound(
                "School '" + schoolId + "' has posted no calendar for " + year.label()
                        + "; its terms and half terms are inferred from the register."));
        PostedCalendar calendar = posted(schoolId, List.of(year)).get(0);
        return CalendarView.of(calendar, posted.postedAt, posted.postedBy);
    }

    /**
     * The school's calendar from {@code from} to {@code to}: the posted calendar of each academic year that has one,
     * school days found in the register for the others. Call inside a transaction.
     */
    public SchoolCalendar schoolCalendar(String schoolId, LocalDate from, LocalDate to) {
        List<AcademicYear> years = new ArrayList<>();
        for (AcademicYear year = AcademicYear.containing(from); !year.start().isAfter(to); year = new AcademicYear(year.startYear() + 1)) {
            years.add(year);
        }
        return SchoolCalendar.of(PupilRegister.schoolDays(schoolId, from, to), posted(schoolId, years));
    }

    /** Whether the school posted a calendar for {@code year}. */
    @Transactional
    public boolean posted(String schoolId, AcademicYear year) {
        return PostedYear.find(schoolId, year.label()).isPresent();
    }

    /** What the school page shows of a year: its posted calendar, or the half terms inferred from the register so far. */
    public record YearOverview(AcademicYear year, Optional<CalendarView> posted, List<SchoolCalendar.HalfTerm> halfTerms,
            int schoolDaysSoFar) {
    }

    @Transactional
    public YearOverview overview(String schoolId, AcademicYear year, LocalDate today) {
        access.require(schoolId);
        LocalDate to = year.end().isAfter(today) ? today : year.end();
        SchoolCalendar calendar = schoolCalendar(schoolId, year.start(), to.isBefore(year.start()) ? year.start() : to);
        Optional<CalendarView> posted = PostedYear.find(schoolId, year.label())
                .map(p -> CalendarView.of(posted(schoolId, List.of(year)).get(0), p.postedAt, p.postedBy));
        List<SchoolCalendar.HalfTerm> halfTerms = calendar.halfTerms().stream().filter(h -> year.contains(h.start())).toList();
        return new YearOverview(year, posted, halfTerms, calendar.schoolDays(year.start(), to).size());
    }

    private static List<PostedCalendar> posted(String schoolId, List<AcademicYear> years) {
        List<String> labels = years.stream().map(AcademicYear::label).toList();
        Map<String, List<CalendarTerm>> terms = CalendarTerm.forYears(schoolId, labels).stream()
                .collect(Collectors.groupingBy(t -> t.academicYear));
        Map<String, List<CalendarClosure>> closures = CalendarClosure.forYears(schoolId, labels).stream()
                .collect(Collectors.groupingBy(c -> c.academicYear));
        List<PostedCalendar> calendars = new ArrayList<>();
        for (AcademicYear year : years) {
            Optional.ofNullable(terms.get(year.label())).ifPresent(yearTerms -> calendars.add(new PostedCalendar(year,
                    yearTerms.stream().map(t -> new Term(t.name, t.start, t.end, t.breakStart, t.breakEnd)).toList(),
                    closures.getOrDefault(year.label(), List.of()).stream().map(CalendarService::closure).toList())));
        }
        return calendars;
    }

    private static Closure closure(CalendarClosure row) {
        Set<Session> sessions = EnumSet.noneOf(Session.class);
        if (row.am) {
            sessions.add(Session.AM);
        }
        if (row.pm) {
            sessions.add(Session.PM);
        }
        return new Closure(row.date, sessions, row.reason);
    }
}

package uk.attendance.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.attendance.attendance.PostedCalendar;
import uk.attendance.attendance.SchoolCalendar.HalfTerm;
import uk.attendance.attendance.Session;

/** A posted calendar as the API answers it: the terms and closures, and the school days and half terms they make. */
public record CalendarView(String academicYear, int schoolDays, List<TermView> terms, List<HalfTermView> halfTerms,
        List<ClosureView> closures, Instant postedAt, String postedBy) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TermView(String name, LocalDate start, LocalDate end, BreakView halfTermBreak) {
    }

    public record BreakView(LocalDate start, LocalDate end) {
    }

    public record HalfTermView(LocalDate start, LocalDate end) {
    }

    public record ClosureView(LocalDate date, List<String> sessions, String reason) {
    }

    static CalendarView of(PostedCalendar calendar, Instant postedAt, String postedBy) {
        return new CalendarView(calendar.year().label(), calendar.schoolDays().size(),
                calendar.terms().stream().map(t -> new TermView(t.name(), t.start(), t.end(),
                        t.hasBreak() ? new BreakView(t.breakStart(), t.breakEnd()) : null)).toList(),
                calendar.halfTerms().stream().map((HalfTerm h) -> new HalfTermView(h.start(), h.end())).toList(),
                calendar.closures().stream().map(c -> new ClosureView(c.date(),
                        c.sessions().stream().sorted().map(Session::name).toList(), c.reason())).toList(),
                postedAt, postedBy);
    }
}

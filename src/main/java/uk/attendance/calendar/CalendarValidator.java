package uk.attendance.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.PostedCalendar;
import uk.attendance.attendance.PostedCalendar.Closure;
import uk.attendance.attendance.PostedCalendar.Term;
import uk.attendance.attendance.Session;
import uk.attendance.calendar.CalendarRequest.BreakRequest;
import uk.attendance.calendar.CalendarRequest.ClosureRequest;
import uk.attendance.calendar.CalendarRequest.TermRequest;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;

/**
 * Checks that a posted calendar agrees with itself (terms inside the academic year and apart, each break
 * inside its term, closures on school days of a term, known sessions) and turns it into a {@link PostedCalendar}.
 * Every contradiction is reported, each naming its field, e.g. {@code terms[1].halfTermBreak.end}.
 */
public final class CalendarValidator {

    static final int MAX_NAME = 100;
    static final int MAX_REASON = 200;

    private final List<FieldError> errors = new ArrayList<>();

    private CalendarValidator() {
    }

    /** The calendar a {@code PUT /api/schools/{id}/calendar} of this request stores; a 400 problem naming each bad field. */
    public static PostedCalendar validate(CalendarRequest request) {
        return new CalendarValidator().check(request);
    }

    private PostedCalendar check(CalendarRequest request) {
        if (request == null) {
            throw ProblemException.invalid(FieldError.of("academicYear", "a calendar needs academicYear, terms and closures"));
        }
        Optional<AcademicYear> year = AcademicYear.parse(request.academicYear());
        if (year.isEmpty()) {
            errors.add(FieldError.of("academicYear", "academicYear must name a school year as '2025/26', not '"
                    + request.academicYear() + "'"));
        }
        List<Term> terms = terms(request.terms(), year.orElse(null));
        List<Closure> closures = closures(request.closures(), terms);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The calendar contradicts itself; nothing was saved.", errors);
        }
        return new PostedCalendar(year.orElseThrow(), terms, closures);
    }

    private List<Term> terms(List<TermRequest> requests, AcademicYear year) {
        if (requests == null || requests.isEmpty()) {
            errors.add(FieldError.of("terms", "a calendar needs at least one term"));
            return List.of();
        }
        List<Term> terms = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String field = "terms[" + i + "]";
            TermRequest request = requests.get(i);
            if (request == null) {
                errors.add(FieldError.of(field, field + " is empty"));
                continue;
            }
            String name = request.name() == null ? "" : request.name().trim();
            if (name.isEmpty() || name.length() > MAX_NAME) {
                errors.add(FieldError.of(field + ".name", field + ".name is required, at most " + MAX_NAME + " characters"));
            }
            LocalDate start = date(field + ".start", request.start());
            LocalDate end = date(field + ".end", request.end());
            if (start == null || end == null) {
                continue;
            }
            if (end.isBefore(start)) {
                errors.add(FieldError.of(field + ".end", field + ".end " + end + " is before its start " + start));
                continue;
            }
            if (year != null && !year.contains(start)) {
                errors.add(FieldError.of(field + ".start", field + ".start " + start + " is outside the academic year "
                        + year.label() + " (" + year.start() + " to " + year.end() + ")"));
                continue;
            }
            if (year != null && !year.contains(end)) {
                errors.add(FieldError.of(field + ".end", field + ".end " + end + " is outside the academic year " + year.label()
                        + " (" + year.start() + " to " + year.end() + ")"));
                continue;
            }
            LocalDate[] halfTermBreak = halfTermBreak(field + ".halfTermBreak", request.halfTermBreak(), start, end);
            terms.add(new Term(name, start, end, halfTermBreak[0], halfTermBreak[1]));
            fields.add(field);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> terms.get(i).start()));
        for (int k = 1; k < order.size(); k++) {
            Term earlier = terms.get(order.get(k - 1));
            Term later = terms.get(order.get(k));
            if (!later.start().isAfter(earlier.end())) {
                String field = fields.get(order.get(k));
                errors.add(FieldError.of(field + ".start", field + ".start " + later.start() + " overlaps the term '"
                        + earlier.name() + "' (" + earlier.start() + " to " + earlier.end() + ")"));
            }
        }
        return order.stream().map(terms::get).toList();
    }

    private LocalDate[] halfTermBreak(String field, BreakRequest request, LocalDate termStart, LocalDate termEnd) {
        if (request == null) {
            return new LocalDate[2];
        }
        LocalDate start = date(field + ".start", request.start());
        LocalDate end = date(field + ".end", request.end());
        if (start == null || end == null) {
            return new LocalDate[2];
        }
        if (end.isBefore(start)) {
            errors.add(FieldError.of(field + ".end", field + ".end " + end + " is before its start " + start));
        } else if (!start.isAfter(termStart)) {
            errors.add(FieldError.of(field + ".start", field + ".start " + start + " is not inside its term, which starts on "
                    + termStart));
        } else if (!end.isBefore(termEnd)) {
            errors.add(FieldError.of(field + ".end", field + ".end " + end + " is not inside its term, which ends on " + termEnd));
        }
        return new LocalDate[] {start, end};
    }

    private List<Closure> closures(List<ClosureRequest> requests, List<Term> terms) {
        if (requests == null) {
            return List.of();
        }
        List<Closure> closures = new ArrayList<>();
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            String field = "closures[" + i + "]";
            ClosureRequest request = requests.get(i);
            if (request == null) {
                errors.add(FieldError.of(field, field + " is empty"));
                continue;
            }
            LocalDate date = date(field + ".date", request.date());
            Set<Session> sessions = sessions(field + ".sessions", request.sessions());
            String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
            if (reason != null && reason.length() > MAX_REASON) {
                errors.add(FieldError.of(field + ".reason", field + ".reason is longer than " + MAX_REASON + " characters"));
            }
            if (date == null || sessions == null) {
                continue;
            }
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                errors.add(FieldError.of(field + ".date", field + ".date " + date + " is a " + date.getDayOfWeek().name().charAt(0)
                        + date.getDayOfWeek().name().substring(1).toLowerCase() + ", when school is closed anyway"));
            } else if (terms.stream().noneMatch(t -> !date.isBefore(t.start()) && !date.isAfter(t.end())
                    && !(t.hasBreak() && !date.isBefore(t.breakStart()) && !date.isAfter(t.breakEnd())))) {
                errors.add(FieldError.of(field + ".date", field + ".date " + date + " is not a day of any term (outside the terms"
                        + " or in a half-term break)"));
            } else if (!dates.add(date)) {
                errors.add(FieldError.of(field + ".date", field + ".date " + date + " is listed twice"));
            } else {
                closures.add(new Closure(date, sessions, reason));
            }
        }
        closures.sort(Comparator.comparing(Closure::date));
        return closures;
    }

    private Set<Session> sessions(String field, List<String> names) {
        if (names == null || names.isEmpty()) {
            errors.add(FieldError.of(field, field + " must list the sessions closed: [\"AM\"], [\"PM\"] or [\"AM\", \"PM\"]"));
            return null;
        }
        Set<Session> sessions = EnumSet.noneOf(Session.class);
        for (String name : names) {
            Session session = name == null ? null : switch (name.trim().toUpperCase()) {
                case "AM" -> Session.AM;
                case "PM" -> Session.PM;
                default -> null;
            };
            if (session == null) {
                errors.add(FieldError.of(field, field + " has an unknown session '" + name + "'; sessions are AM and PM"));
                return null;
            }
            sessions.add(session);
        }
        return sessions;
    }

    private LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            errors.add(FieldError.of(field, field + " is required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (date.getYear() < 1900 || date.getYear() > 2100) {
                errors.add(FieldError.of(field, field + " " + date + " is outside 1900-01-01 to 2100-12-31"));
                return null;
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(FieldError.of(field, field + " must be a date YYYY-MM-DD, not '" + text + "'"));
            return null;
        }
    }
}

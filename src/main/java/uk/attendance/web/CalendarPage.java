package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.calendar.CalendarRequest;
import uk.attendance.calendar.CalendarRequest.BreakRequest;
import uk.attendance.calendar.CalendarRequest.ClosureRequest;
import uk.attendance.calendar.CalendarRequest.TermRequest;
import uk.attendance.calendar.CalendarService;
import uk.attendance.calendar.CalendarService.YearOverview;
import uk.attendance.calendar.CalendarView;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolView;
import uk.attendance.security.Caller;
import uk.attendance.security.Role;

/** A school's calendar for a year: what the ladders use (posted, or inferred from the register), and a form for admins. */
@Path("/schools/{schoolId}/calendar")
@Produces(MediaType.TEXT_HTML)
@WebPage
@RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
public class CalendarPage {

    /** Rows the form offers: three terms, as English schools have. */
    static final int TERM_ROWS = 3;
    private static final List<String> TERM_NAMES = List.of("Autumn", "Spring", "Summer");
    private static final Pattern FIELD = Pattern.compile("^(terms|closures)\\[(\\d+)]\\.?([A-Za-z.]*)");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(SchoolView school, YearOverview overview, Form form, boolean mayEdit, String message);
    }

    /** The form's values, as posted or as stored, and what was wrong with them. */
    public record Form(String academicYear, List<TermRow> terms, String closures, List<ErrorLink> errors) {
    }

    public record TermRow(int index, String name, String start, String end, String breakStart, String breakEnd) {

        /** The term's number as people count, from 1. */
        public int number() {
            return index + 1;
        }
    }

    /** An error with a link to the field it is about. */
    public record ErrorLink(String target, String text) {
    }

    private final SchoolService schools;
    private final CalendarService calendars;
    private final Caller caller;
    private final Clock clock;

    CalendarPage(SchoolService schools, CalendarService calendars, Caller caller, Clock clock) {
        this.schools = schools;
        this.calendars = calendars;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("schoolId") String schoolId, @QueryParam("academicYear") String academicYear,
            @QueryParam("saved") boolean saved) {
        SchoolView school = schools.get(schoolId);
        AcademicYear year = AcademicYear.parse(academicYear).orElse(AcademicYear.containing(LocalDate.now(clock)));
        YearOverview overview = calendars.overview(schoolId, year, LocalDate.now(clock));
        return Templates.calendar(school, overview, form(overview), caller.isAdmin(),
                saved ? "Calendar saved. The next evaluation uses it." : null);
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@PathParam("schoolId") String schoolId, @BeanParam FormFields fields) {
        SchoolView school = schools.get(schoolId);
        Form form = fields.form();
        List<Integer> rows = termRowsUsed(form);
        try {
            CalendarView saved = calendars.put(schoolId, request(form, rows));
            return Response.seeOther(URI.create("/schools/" + schoolId + "/calendar?academicYear="
                    + saved.academicYear().replace("/", "%2F") + "&saved=true")).build();
        } catch (ProblemException e) {
            List<FieldError> errors = e.toProblem().errors() == null ? List.of() : e.toProblem().errors();
            List<ErrorLink> links = errors.isEmpty() ? List.of(new ErrorLink("academicYear", e.getMessage()))
                    : errors.stream().map(error -> link(error, rows)).toList();
            AcademicYear year = AcademicYear.parse(form.academicYear()).orElse(AcademicYear.containing(LocalDate.now(clock)));
            YearOverview overview = calendars.overview(schoolId, year, LocalDate.now(clock));
            return Response.status(400).entity(Templates.calendar(school, overview,
                    new Form(form.academicYear(), form.terms(), form.closures(), links), true, null)).build();
        }
    }

    private static Form form(YearOverview overview) {
        List<TermRow> rows = new ArrayList<>();
        StringBuilder closures = new StringBuilder();
        overview.posted().ifPresent(view -> {
            for (int i = 0; i < view.terms().size(); i++) {
                CalendarView.TermView term = view.terms().get(i);
                rows.add(new TermRow(i, term.name(), text(term.start()), text(term.end()),
                        term.halfTermBreak() == null ? "" : text(term.halfTermBreak().start()),
                        term.halfTermBreak() == null ? "" : text(term.halfTermBreak().end())));
            }
            for (CalendarView.ClosureView closure : view.closures()) {
                closures.append(closure.date()).append(", ").append(String.join(" ", closure.sessions()));
                if (closure.reason() != null) {
                    closures.append(", ").append(closure.reason());
                }
                closures.append('\n');
            }
        });
        for (int i = rows.size(); i < TERM_ROWS; i++) {
            rows.add(new TermRow(i, TERM_NAMES.get(i), "", "", "", ""));
        }
        return new Form(overview.year().label(), rows, closures.toString(), List.of());
    }

    /** The form's fields as posted. */
    public static class FormFields {
        @FormParam("academicYear") String academicYear;
        @FormParam("closures") String closures;
        @FormParam("terms-0-name") String name0;
        @FormParam("terms-0-start") String start0;
        @FormParam("terms-0-end") String end0;
        @FormParam("terms-0-breakStart") String breakStart0;
        @FormParam("terms-0-breakEnd") String breakEnd0;
        @FormParam("terms-1-name") String name1;
        @FormParam("terms-1-start") String start1;
        @FormParam("terms-1-end") String end1;
        @FormParam("terms-1-breakStart") String breakStart1;
        @FormParam("terms-1-breakEnd") String breakEnd1;
        @FormParam("terms-2-name") String name2;
        @FormParam("terms-2-start") String start2;
        @FormParam("terms-2-end") String end2;
        @FormParam("terms-2-breakStart") String breakStart2;
        @FormParam("terms-2-breakEnd") String breakEnd2;

        Form form() {
            return new Form(value(academicYear), List.of(
                    new TermRow(0, value(name0), value(start0), value(end0), value(breakStart0), value(breakEnd0)),
                    new TermRow(1, value(name1), value(start1), value(end1), value(breakStart1), value(breakEnd1)),
                    new TermRow(2, value(name2), value(start2), value(end2), value(breakStart2), value(breakEnd2))),
                    value(closures), List.of());
        }
    }

    /** The form rows that hold a term: a row whose dates are all blank is not one, whatever its name. */
    static List<Integer> termRowsUsed(Form form) {
        return form.terms().stream()
                .filter(row -> !(row.start().isBlank() && row.end().isBlank() && row.breakStart().isBlank() && row.breakEnd().isBlank()))
                .map(TermRow::index).toList();
    }

    /** The API request the form stands for; a closure line is "date, sessions, reason" (sessions blank: the whole day). */
    static CalendarRequest request(Form form, List<Integer> rows) {
        List<TermRequest> terms = rows.stream().map(form.terms()::get)
                .map(row -> new TermRequest(row.name(), row.start(), row.end(),
                        row.breakStart().isBlank() && row.breakEnd().isBlank() ? null : new BreakRequest(row.breakStart(), row.breakEnd())))
                .toList();
        List<ClosureRequest> closures = new ArrayList<>();
        for (String line : form.closures().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",", 3);
            List<String> sessions = parts.length < 2 || parts[1].isBlank() ? List.of("AM", "PM")
                    : Arrays.stream(parts[1].trim().split("[\\s/&]+|\\band\\b")).filter(s -> !s.isBlank()).toList();
            closures.add(new ClosureRequest(parts[0].trim(), sessions, parts.length < 3 ? null : parts[2].trim()));
        }
        return new CalendarRequest(form.academicYear(), terms, closures);
    }

    /** "terms[1].halfTermBreak.end" → a link to that input, in words: "Term 2, half-term break end: …". */
    static ErrorLink link(FieldError error, List<Integer> rows) {
        String field = error.field() == null ? "" : error.field();
        Matcher matcher = FIELD.matcher(field);
        if (!matcher.find()) {
            return new ErrorLink(field.isEmpty() ? "academicYear" : field, error.message());
        }
        int index = Integer.parseInt(matcher.group(2));
        if (matcher.group(1).equals("terms") && index < rows.size()) {
            index = rows.get(index);
        }
        String message = error.message().replaceFirst("^" + Pattern.quote(field) + "\\s*", "");
        if (matcher.group(1).equals("closures")) {
            return new ErrorLink("closures", "Closure line " + (index + 1) + ": " + message);
        }
        String part = switch (matcher.group(3)) {
            case "name" -> "name";
            case "start" -> "start";
            case "end" -> "end";
            case "halfTermBreak.start" -> "breakStart";
            case "halfTermBreak.end" -> "breakEnd";
            default -> "start";
        };
        String words = switch (part) {
            case "breakStart" -> "half-term break start";
            case "breakEnd" -> "half-term break end";
            default -> part;
        };
        return new ErrorLink("terms-" + index + "-" + part, "Term " + (index + 1) + ", " + words + ": " + message);
    }

    private static String value(String value) {
        return value == null ? "" : value.trim();
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}

package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import uk.attendance.action.ActionService;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.calendar.CalendarService;
import uk.attendance.intervention.AgreedTarget;
import uk.attendance.problem.FieldError;
import uk.attendance.action.ActionView;
import uk.attendance.action.BulkDecision;
import uk.attendance.action.DecisionRequest;
import uk.attendance.policy.PolicyRegistry;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.evaluation.EvaluationResult;
import uk.attendance.evaluation.EvaluationService;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolView;
import uk.attendance.security.Role;

/** The attendance lead's morning: the school's review queue, its pupils by band and its weekly attendance. */
@Path("/schools/{schoolId}")
@Produces(MediaType.TEXT_HTML)
@WebPage
@RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
public class SchoolPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance school(SchoolView school, String policyName, String today, SchoolReview.Queue queue,
                WeeklyChart chart, String message, String error, String calendarNote);

        static native TemplateInstance school$queue(SchoolView school, SchoolReview.Queue queue);

        static native TemplateInstance school$more(SchoolView school, SchoolReview.Queue queue);

        static native TemplateInstance school$card(SchoolView school, SchoolReview.Item item, String error, String returnTo);

        static native TemplateInstance overview(SchoolView school, SchoolReview.Overview overview);

        static native TemplateInstance overview$panel(SchoolView school, SchoolReview.Overview overview);
    }

    private final SchoolService schools;
    private final SchoolReview review;
    private final ActionService actions;
    private final EvaluationService evaluation;
    private final PolicyRegistry policies;
    private final LetterPdf letterPdf;
    private final Clock clock;
    private final CalendarService calendars;

    SchoolPage(SchoolService schools, SchoolReview review, ActionService actions, EvaluationService evaluation,
            PolicyRegistry policies, LetterPdf letterPdf, Clock clock, CalendarService calendars) {
        this.calendars = calendars;
        this.letterPdf = letterPdf;
        this.schools = schools;
        this.review = review;
        this.actions = actions;
        this.evaluation = evaluation;
        this.policies = policies;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("schoolId") String schoolId, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("stage") String stage, @QueryParam("raised") Integer raised,
            @QueryParam("decided") Integer decided, @QueryParam("decision") String decision, @HeaderParam("HX-Request") boolean htmx) {
        SchoolView school = schools.get(schoolId);
        SchoolReview.Queue queue = review.queue(schoolId, SchoolReview.Filter.of(status, type, stage), 0);
        if (htmx) {
            return Templates.school$queue(school, queue);
        }
        String message = raised != null
                ? raised == 0 ? "Evaluated: nothing new to do." : "Evaluated: " + raised + (raised == 1 ? " new action." : " new actions.")
                : decided != null ? decided + (decided == 1 ? " action " : " actions ") + Formats.words(decision == null ? "DECIDED" : decision)
                        .toLowerCase() + "." : null;
        return page(school, queue, message, null);
    }

    private TemplateInstance page(SchoolView school, SchoolReview.Queue queue, String message, String error) {
        String policyName = policies.find(school.policy()).map(p -> p.name()).orElse(school.policy());
        return Templates.school(school, policyName, Formats.ukDate(LocalDate.now(clock)), queue, review.chart(school.id()), message, error,
                calendarNote(school.id()));
    }

    /** The target fields of the decision form; none when all are blank. */
    static AgreedTarget.Request target(String percent, String sessions, String reviewOn) {
        if (blank(percent) && blank(sessions) && blank(reviewOn)) {
            return null;
        }
        try {
            return new AgreedTarget.Request(blank(percent) ? null : new BigDecimal(percent.trim().replace("%", "")),
                    blank(sessions) ? null : Integer.valueOf(sessions.trim()), reviewOn);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(FieldError.of(blank(percent) ? "target.maxAbsentSessions" : "target.attendancePercent",
                    "the target must be a number: an attendance % such as 95, or a number of sessions such as 4"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Says when this year's terms and half terms are inferred from the register because no calendar was posted. */
    private String calendarNote(String schoolId) {
        AcademicYear year = AcademicYear.containing(LocalDate.now(clock));
        return calendars.posted(schoolId, year) ? null
                : "No calendar posted for " + year.label() + ": terms and half terms are inferred from the register.";
    }

    /**
     * Decides the ticked actions, or all those matching the queue's filters, with one note and date: all or nothing. Back to
     * the queue saying how many were decided, or the queue again saying why none was.
     */
    @POST
    @Path("/actions/decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decideSelected(@PathParam("schoolId") String schoolId, @FormParam("actions") List<Long> selected,
            @FormParam("allMatching") boolean allMatching, @FormParam("status") String status, @FormParam("type") String type,
            @FormParam("stage") String stage, @FormParam("decision") String decision, @FormParam("note") String note,
            @FormParam("date") String date) {
        SchoolView school = schools.get(schoolId);
        SchoolReview.Filter filter = SchoolReview.Filter.of(status, type, stage);
        List<Long> ids = allMatching ? review.matchingIds(schoolId, filter) : selected == null ? List.of() : selected;
        String error;
        if (ids.isEmpty()) {
            error = "Nothing was decided: tick the actions to decide first.";
        } else {
            try {
                List<ActionView> decided = actions.decideAll(schoolId,
                        ids.stream().map(id -> new BulkDecision(id, decision, note, date)).toList());
                return Response.seeOther(URI.create("/schools/" + schoolId + "?" + filter.query() + "&decided=" + decided.size()
                        + "&decision=" + (decided.isEmpty() ? "" : decided.get(0).status().name()))).build();
            } catch (ProblemException e) {
                var problem = e.toProblem();
                error = problem.errors() == null || problem.errors().isEmpty() ? problem.detail()
                        : "Nothing was decided: " + problem.errors().get(0).message() + ".";
            }
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(page(school, review.queue(schoolId, filter, 0), null, error)).build();
    }

    /** The ticked actions' letters, or those of all the actions matching the filters, as one PDF to print. */
    @GET
    @Path("/letters.pdf")
    @Produces(LetterPdfResource.PDF)
    @Operation(hidden = true)
    public Response letters(@PathParam("schoolId") String schoolId, @QueryParam("actions") List<Long> selected,
            @QueryParam("allMatching") boolean allMatching, @QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("stage") String stage) {
        schools.get(schoolId);
        List<Long> ids = allMatching ? review.matchingIds(schoolId, SchoolReview.Filter.of(status, type, stage))
                : selected == null ? List.of() : selected;
        List<Long> letterIds = letterPdf.lettersAmong(schoolId, ids);
        if (letterIds.isEmpty()) {
            throw ProblemException.invalid(FieldError.of("actions", "none of the selected actions is a letter"));
        }
        return LetterPdfResource.pdfResponse(letterPdf.pdf(schoolId, letterIds),
                "letters-" + schoolId + "-" + LocalDate.now(clock) + ".pdf");
    }

    @GET
    @Path("/queue")
    @Operation(hidden = true)
    public TemplateInstance more(@PathParam("schoolId") String schoolId, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("stage") String stage, @QueryParam("offset") @DefaultValue("0") int offset) {
        SchoolView school = schools.get(schoolId);
        return Templates.school$more(school, review.queue(schoolId, SchoolReview.Filter.of(status, type, stage), offset));
    }

    @GET
    @Path("/overview")
    @Operation(hidden = true)
    public TemplateInstance overview(@PathParam("schoolId") String schoolId, @HeaderParam("HX-Request") boolean htmx) {
        SchoolView school = schools.get(schoolId);
        SchoolReview.Overview overview = review.overview(schoolId);
        return htmx ? Templates.overview$panel(school, overview) : Templates.overview(school, overview);
    }

    /**
     * Accept, dismiss or complete an action from the queue, the pupil page or a printed letter. An htmx request
     * gets the action's card back to swap in place; a plain form post goes back to the page it came from.
     */
    @POST
    @Path("/actions/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("schoolId") String schoolId, @PathParam("id") Long id,
            @FormParam("decision") String decision, @FormParam("note") String note, @FormParam("date") String date,
            @FormParam("parentAttended") String parentAttended, @FormParam("outcome") String outcome,
            @FormParam("targetPercent") String targetPercent, @FormParam("targetMaxAbsentSessions") String targetSessions,
            @FormParam("targetReviewOn") String targetReviewOn,
            @FormParam("returnTo") String returnTo, @HeaderParam("HX-Request") boolean htmx) {
        SchoolView school = schools.get(schoolId);
        // Checked before anything is saved: a decision is never recorded for a request that is then refused.
        String back = safeReturn(schoolId, returnTo);
        Boolean attended = parentAttended == null || parentAttended.isBlank() ? null : Boolean.valueOf(parentAttended);
        ActionView decided;
        String error = null;
        try {
            decided = actions.decide(schoolId, id, new DecisionRequest(decision, note, date, attended, outcome, null,
                    target(targetPercent, targetSessions, targetReviewOn)));
        } catch (ProblemException e) {
            if (!htmx) {
                throw e;
            }
            error = e.toProblem().detail();
            decided = actions.get(schoolId, id);
        }
        if (!htmx) {
            return Response.seeOther(URI.create(back)).build();
        }
        return Response.ok(Templates.school$card(school, review.item(schoolId, decided), error, back)).build();
    }

    /** Runs the school's policy as of today, so completed letters and meetings move the ladder on now. */
    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response evaluate(@PathParam("schoolId") String schoolId) {
        EvaluationResult result = evaluation.evaluateSchool(schoolId, LocalDate.now(clock));
        return Response.seeOther(URI.create("/schools/" + schoolId + "?raised=" + result.actionsRaised())).build();
    }

    /**
     * Only back to one of this school's pages, as a relative path on this site: absent means the school page,
     * anything else (another site, another school, a path that is not a plain URI) is a 400 naming returnTo.
     */
    static String safeReturn(String schoolId, String returnTo) {
        String home = "/schools/" + schoolId;
        if (returnTo == null || returnTo.isBlank()) {
            return home;
        }
        boolean ours = returnTo.equals(home) || returnTo.startsWith(home + "/") || returnTo.startsWith(home + "?")
                || returnTo.startsWith(home + "#");
        boolean plain = !returnTo.contains("//") && !returnTo.contains("\\") && returnTo.length() <= 2000
                && returnTo.chars().noneMatch(c -> c <= ' ' || c == 0x7F);
        if (ours && plain) {
            try {
                URI uri = new URI(returnTo);
                if (uri.getScheme() == null && uri.getRawAuthority() == null) {
                    return returnTo;
                }
            } catch (URISyntaxException e) {
                // refused below
            }
        }
        throw ProblemException.invalid(FieldError.of("returnTo", "returnTo must be a path of this school's pages, such as " + home));
    }

}

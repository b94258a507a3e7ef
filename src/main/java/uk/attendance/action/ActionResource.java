package uk.attendance.action;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.problem.DateInput;
import uk.attendance.rules.EvaluationResult;
import uk.attendance.rules.EvaluationService;
import uk.attendance.security.Caller;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}")
@Tag(name = "Recommended actions")
public class ActionResource {

    private final ActionService actions;
    private final EvaluationService evaluation;
    private final Caller caller;
    private final Clock clock;

    ActionResource(ActionService actions, EvaluationService evaluation, Caller caller, Clock clock) {
        this.actions = actions;
        this.evaluation = evaluation;
        this.caller = caller;
        this.clock = clock;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @POST
    @Path("/evaluate")
    @Operation(summary = "Runs the school's policy over every pupil as of a date (default today) and stores new actions;"
            + " measuresOnly=true (admin only) computes every pupil's measures but fires no rule and stores nothing,"
            + " the benchmark's baseline")
    public EvaluationResult evaluate(@PathParam("schoolId") String schoolId, @QueryParam("asOf") String asOf,
            @QueryParam("measuresOnly") @DefaultValue("false") boolean measuresOnly) {
        if (measuresOnly && !caller.isAdmin()) {
            throw new ForbiddenException("measuresOnly is for admins");
        }
        LocalDate date = DateInput.query("asOf", asOf);
        return evaluation.evaluateSchool(schoolId, date == null ? LocalDate.now(clock) : date, measuresOnly);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @GET
    @Path("/actions")
    @Operation(summary = "Recommended actions, newest first; status, upn and type filters are optional and combine")
    public List<ActionView> list(@PathParam("schoolId") String schoolId, @QueryParam("status") String status,
            @QueryParam("upn") String upn, @QueryParam("type") String type) {
        return actions.list(schoolId, status, upn, type);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/actions/{id}/decision")
    @Operation(summary = "Accept, dismiss or complete an action; completing a letter, meeting or visit records it")
    public ActionView decide(@PathParam("schoolId") String schoolId, @PathParam("id") Long id, DecisionRequest request) {
        return actions.decide(schoolId, id, request);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/actions/decisions")
    @Operation(summary = "Decides many actions at once, all or nothing: one item that cannot be decided answers 400 naming its"
            + " index, and nothing is decided")
    public List<ActionView> decideAll(@PathParam("schoolId") String schoolId, List<BulkDecision> batch) {
        return actions.decideAll(schoolId, batch);
    }
}

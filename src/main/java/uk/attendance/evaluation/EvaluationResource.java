package uk.attendance.evaluation;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.problem.DateInput;
import uk.attendance.security.Caller;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}")
@Tag(name = "Recommended actions")
public class EvaluationResource {

    private final EvaluationService evaluation;
    private final Caller caller;
    private final Clock clock;

    EvaluationResource(EvaluationService evaluation, Caller caller, Clock clock) {
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
}

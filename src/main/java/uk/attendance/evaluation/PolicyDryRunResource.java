package uk.attendance.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.policy.CandidateFiles;
import uk.attendance.policy.PolicyRegistry;
import uk.attendance.policy.ValidationResult;
import uk.attendance.problem.DateInput;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.rules.RuleSource;
import uk.attendance.security.Caller;
import uk.attendance.security.Role;

/**
 * {@code POST /api/policies/{id}/dry-run}: a policy's changed files tried on a school's live data. Here rather than
 * in {@code policy} because its answer is an evaluation.
 */
@Path("/api/policies/{id}/dry-run")
@Tag(name = "Policies")
public class PolicyDryRunResource {

    private final PolicyDryRun dryRun;
    private final PolicyRegistry registry;
    private final Caller caller;
    private final Clock clock;

    PolicyDryRunResource(PolicyDryRun dryRun, PolicyRegistry registry, Caller caller, Clock clock) {
        this.dryRun = dryRun;
        this.registry = registry;
        this.caller = caller;
        this.clock = clock;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compiles changed files and judges a school's live data with them as of a date, storing nothing: "
            + "the actions added, removed and changed against the version in use; 422 with the errors when they do not compile")
    public Response dryRun(@PathParam("id") String id, @QueryParam("school") String school, @QueryParam("asOf") String asOf,
            CandidateFiles body) {
        if (registry.find(id).isEmpty()) {
            throw ProblemException.notFound("No policy '" + id + "'.");
        }
        if (school == null || school.isBlank()) {
            throw ProblemException.invalid(FieldError.of("school", "school is required: the school whose data to try the policy on"));
        }
        if (!caller.maySee(school)) {
            throw ProblemException.forbidden("You are not bound to school '" + school + "'.");
        }
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : DateInput.query("asOf", asOf);
        List<RuleSource> files = (body == null ? new CandidateFiles(null) : body).sources();
        Object result = dryRun.run(id, school, date, files);
        if (result instanceof PolicyDryRun.Rejected rejected) {
            return Response.status(422).entity(new ValidationResult(false, rejected.errors())).build();
        }
        return Response.ok(result).build();
    }
}

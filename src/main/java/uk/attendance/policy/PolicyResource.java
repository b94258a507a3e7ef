package uk.attendance.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.problem.ProblemException;
import uk.attendance.rules.CompileError;
import uk.attendance.rules.RuleSource;
import uk.attendance.security.Caller;
import uk.attendance.security.Role;

@Path("/api/policies")
@Tag(name = "Policies")
public class PolicyResource {

    private final PolicyRegistry registry;
    private final PolicyHistory history;
    private final Caller caller;

    PolicyResource(PolicyRegistry registry, PolicyHistory history, Caller caller) {
        this.registry = registry;
        this.history = history;
        this.caller = caller;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME, Role.LEAD_NAME})
    @GET
    public List<PolicyView> list() {
        return registry.list().stream().map(PolicyView::summary).toList();
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME, Role.LEAD_NAME})
    @GET
    @Path("/{id}")
    public PolicyView get(@PathParam("id") String id) {
        return registry.find(id).map(PolicyView::withFiles)
                .orElseThrow(() -> ProblemException.notFound("No policy '" + id + "'."));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME})
    @POST
    @Path("/{id}/validate")
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Compiles submitted DRL in place of the policy's ladder, without installing it")
    public Response validate(@PathParam("id") String id, String drl) {
        List<CompileError> errors = registry.validate(id, drl);
        return errors.isEmpty()
                ? Response.ok(new ValidationResult(true, null)).build()
                : Response.status(422).entity(new ValidationResult(false, errors)).build();
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME})
    @POST
    @Path("/reload")
    @Operation(summary = "Recompiles every policy folder; one that fails keeps its previous version and reports why")
    public List<PolicyView> reload() {
        return registry.reloadAndJudgeAgain(caller.name()).stream().map(PolicyView::summary).toList();
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME})
    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every version the policy was loaded with, newest first, and who loaded it")
    public List<PolicyHistory.VersionView> versions(@PathParam("id") String id) {
        LoadedPolicy policy = registry.find(id).orElseThrow(() -> ProblemException.notFound("No policy '" + id + "'."));
        return history.versions(id, policy.version());
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME})
    @POST
    @Path("/{id}/versions/{version}/activate")
    @Operation(summary = "Makes an earlier version active again, writing its files back to the policy's folder")
    public Response activate(@PathParam("id") String id, @PathParam("version") String version) {
        return activation(registry.activate(id, version, caller.name()));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME})
    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Makes a new version from changed files: compiled, written to the policy's folder and loaded, "
            + "or 422 with the errors and nothing changed")
    public Response newVersion(@PathParam("id") String id, CandidateFiles body) {
        List<RuleSource> files = body == null ? new CandidateFiles(null).sources() : body.sources();
        return activation(registry.activateFiles(id, files, caller.name()));
    }

    private static Response activation(PolicyRegistry.Activation activation) {
        if (!activation.errors().isEmpty()) {
            return Response.status(422).entity(new ValidationResult(false, activation.errors())).build();
        }
        return Response.ok(PolicyView.summary(activation.policy())).build();
    }
}

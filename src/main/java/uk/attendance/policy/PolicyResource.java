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
import uk.attendance.security.Role;

@Path("/api/policies")
@Tag(name = "Policies")
public class PolicyResource {

    private final PolicyRegistry registry;

    PolicyResource(PolicyRegistry registry) {
        this.registry = registry;
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
        return registry.reloadAndJudgeAgain().stream().map(PolicyView::summary).toList();
    }
}

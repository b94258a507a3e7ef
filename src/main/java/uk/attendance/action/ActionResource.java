package uk.attendance.action;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}")
@Tag(name = "Recommended actions")
public class ActionResource {

    private final ActionService actions;

    ActionResource(ActionService actions) {
        this.actions = actions;
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

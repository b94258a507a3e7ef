package uk.attendance.intervention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}")
@Tag(name = "Interventions")
public class InterventionResource {

    private final InterventionService interventions;

    InterventionResource(InterventionService interventions) {
        this.interventions = interventions;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME, Role.MIS_NAME})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/interventions")
    public Response record(@PathParam("schoolId") String schoolId, InterventionRequest request) {
        return Response.status(Response.Status.CREATED).entity(interventions.record(schoolId, request)).build();
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @GET
    @Path("/pupils/{upn}/interventions")
    public List<InterventionView> list(@PathParam("schoolId") String schoolId, @PathParam("upn") String upn) {
        return interventions.list(schoolId, upn);
    }
}

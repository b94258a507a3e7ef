package uk.attendance.school;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.security.Role;

@Path("/api/schools")
@Tag(name = "Schools")
public class SchoolResource {

    private final SchoolService schools;

    SchoolResource(SchoolService schools) {
        this.schools = schools;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @GET
    public List<SchoolView> list() {
        return schools.list();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{schoolId}")
    public SchoolView put(@PathParam("schoolId") String schoolId, SchoolRequest request) {
        return schools.put(schoolId, request);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME, Role.MIS_NAME})
    @GET
    @Path("/{schoolId}")
    public SchoolView get(@PathParam("schoolId") String schoolId) {
        return schools.get(schoolId);
    }
}

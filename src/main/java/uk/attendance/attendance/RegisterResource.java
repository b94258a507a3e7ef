package uk.attendance.attendance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}/registers")
@Tag(name = "Attendance marks")
public class RegisterResource {

    private final RegisterCheck check;

    RegisterResource(RegisterCheck check) {
        this.check = check;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Path("/verify")
    @Operation(summary = "Rebuild the school's compact registers from its marks and list where the stored ones differ")
    public RegisterReport verify(@PathParam("schoolId") String schoolId) {
        return check.verify(schoolId);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Path("/rebuild")
    @Operation(summary = "Replace the school's compact registers with those rebuilt from its marks")
    public RegisterReport rebuild(@PathParam("schoolId") String schoolId) {
        return check.rebuild(schoolId);
    }
}

package uk.attendance.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}/pupils/{upn}/audit")
@Tag(name = "Pupils")
@RolesAllowed(Role.ADMIN_NAME)
public class AuditResource {

    private final AuditService audit;

    AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Who changed the pupil's details and how (every version, newest first), and who read the record")
    public PupilAudit pupil(@PathParam("schoolId") String schoolId, @PathParam("upn") String upn) {
        return audit.pupil(schoolId, upn);
    }
}

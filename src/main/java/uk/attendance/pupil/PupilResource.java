package uk.attendance.pupil;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}/pupils")
@Tag(name = "Pupils")
public class PupilResource {

    private final PupilService pupils;

    PupilResource(PupilService pupils) {
        this.pupils = pupils;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.MIS_NAME})
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates or updates pupils in bulk; a batch with any bad row changes nothing")
    public UpsertResult upsert(@PathParam("schoolId") String schoolId, List<PupilRequest> batch) {
        return pupils.upsert(schoolId, batch);
    }
}

package uk.attendance.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.problem.DateInput;
import uk.attendance.security.Role;

/** A school's pupils as a lead reviews them: each with the standing, actions and interventions the ladder gave. */
@Path("/api/schools/{schoolId}/pupils")
@Tag(name = "Pupils")
public class PupilRecordResource {

    private final PupilQueries queries;

    PupilRecordResource(PupilQueries queries) {
        this.queries = queries;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @GET
    public List<PupilListItem> list(@PathParam("schoolId") String schoolId) {
        return queries.list(schoolId);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @GET
    @Path("/{upn}")
    @Operation(summary = "A pupil with attendance, band, stage, interventions and actions as of a date (default today)")
    public PupilDetails get(@PathParam("schoolId") String schoolId, @PathParam("upn") String upn, @QueryParam("asOf") String asOf) {
        return queries.details(schoolId, upn, DateInput.query("asOf", asOf));
    }
}

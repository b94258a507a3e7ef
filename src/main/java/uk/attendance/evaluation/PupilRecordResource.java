package uk.attendance.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.problem.DateInput;
import uk.attendance.pupil.PupilFilter;
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
    @Operation(summary = "The school's pupils, one page at a time: search names and UPN (ignoring case), filter by year group,"
            + " registration group, band, persistent absence and open actions, sort by attendance (lowest first) or name")
    public PupilPage list(@PathParam("schoolId") String schoolId, @QueryParam("search") String search,
            @QueryParam("yearGroup") String yearGroup, @QueryParam("registrationGroup") String registrationGroup,
            @QueryParam("band") String band, @QueryParam("persistentlyAbsent") String persistentlyAbsent,
            @QueryParam("hasOpenActions") String hasOpenActions, @QueryParam("sort") String sort, @QueryParam("asOf") String asOf,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        PupilFilter filter = PupilFilter.parse(search, yearGroup, registrationGroup, band, persistentlyAbsent, hasOpenActions, sort,
                limit, offset);
        return queries.list(schoolId, filter, DateInput.query("asOf", asOf));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @GET
    @Path("/{upn}")
    @Operation(summary = "A pupil with attendance, band, stage, interventions and actions as of a date (default today)")
    public PupilDetails get(@PathParam("schoolId") String schoolId, @PathParam("upn") String upn, @QueryParam("asOf") String asOf) {
        return queries.details(schoolId, upn, DateInput.query("asOf", asOf));
    }
}

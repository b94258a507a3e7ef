package uk.attendance.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.attendance.AttendanceService;
import uk.attendance.security.Role;

/** The nightly post: the marks are stored, then the pupils they concern are evaluated. */
@Path("/api/schools/{schoolId}")
@Tag(name = "Attendance marks")
public class NightlyPostResource {

    private final AttendanceService attendance;
    private final EvaluationService evaluation;

    NightlyPostResource(AttendanceService attendance, EvaluationService evaluation) {
        this.attendance = attendance;
        this.evaluation = evaluation;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.MIS_NAME})
    @POST
    @Path("/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The nightly post of register marks, as JSON")
    public AttendancePostResult postJson(@PathParam("schoolId") String schoolId,
            @QueryParam("historicalImport") @DefaultValue("false") boolean historicalImport, InputStream body) {
        return evaluated(schoolId, attendance.postJson(schoolId, body, historicalImport));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.MIS_NAME})
    @POST
    @Path("/attendance")
    @Consumes("text/csv")
    @Operation(summary = "The nightly post of register marks, as CSV with the header upn,date,session,code")
    public AttendancePostResult postCsv(@PathParam("schoolId") String schoolId, @QueryParam("source") String source,
            @QueryParam("historicalImport") @DefaultValue("false") boolean historicalImport, InputStream body) {
        return evaluated(schoolId, attendance.postCsv(schoolId, body, source, historicalImport));
    }

    private AttendancePostResult evaluated(String schoolId, AttendanceService.StoredBatch stored) {
        return new AttendancePostResult(stored.received(), stored.inserted(), stored.amended(), stored.unchanged(),
                evaluation.evaluatePupils(schoolId, stored.pupilIds(), stored.lastDate()));
    }
}

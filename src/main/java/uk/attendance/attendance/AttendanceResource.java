package uk.attendance.attendance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.problem.DateInput;
import uk.attendance.rules.EvaluationService;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}")
@Tag(name = "Attendance marks")
public class AttendanceResource {

    private final AttendanceService attendance;
    private final EvaluationService evaluation;

    AttendanceResource(AttendanceService attendance, EvaluationService evaluation) {
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

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @GET
    @Path("/pupils/{upn}/attendance")
    @Operation(summary = "A pupil's marks, each with every version of it")
    public List<MarkView> marks(@PathParam("schoolId") String schoolId, @PathParam("upn") String upn,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = DateInput.query("from", from);
        LocalDate last = DateInput.query("to", to);
        return attendance.marks(schoolId, upn, first == null ? LocalDate.of(1900, 1, 1) : first, last == null ? LocalDate.of(9999, 12, 31) : last);
    }

    private AttendancePostResult evaluated(String schoolId, AttendanceService.StoredBatch stored) {
        return new AttendancePostResult(stored.received(), stored.inserted(), stored.amended(), stored.unchanged(),
                evaluation.evaluatePupils(schoolId, stored.pupilIds(), stored.lastDate()));
    }
}

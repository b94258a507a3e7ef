package uk.attendance.attendance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.problem.DateInput;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}")
@Tag(name = "Attendance marks")
public class AttendanceResource {

    private final AttendanceService attendance;

    AttendanceResource(AttendanceService attendance) {
        this.attendance = attendance;
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
}

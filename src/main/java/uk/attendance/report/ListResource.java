package uk.attendance.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.problem.DateInput;
import uk.attendance.security.Role;

/** The lists the policies ask for, to print (PDF) or to work on (XLSX). */
@Path("/api/schools/{schoolId}/lists")
@Tag(name = "Lists")
@RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
public class ListResource {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AttendanceLists lists;

    ListResource(AttendanceLists lists) {
        this.lists = lists;
    }

    @GET
    @Path("/class-list.pdf")
    @Produces(PDF)
    @Operation(summary = "The half-termly class list: each form's pupils, highest attendance first over the last half term, coloured"
            + " by band, with an arrow against the half term before; one form (registrationGroup) or all")
    public Response classListPdf(@PathParam("schoolId") String schoolId, @QueryParam("registrationGroup") String group,
            @QueryParam("asOf") String asOf) {
        return file(ListFiles.classListPdf(lists.classList(schoolId, group, DateInput.query("asOf", asOf))), PDF,
                "class-list-" + schoolId + ".pdf");
    }

    @GET
    @Path("/class-list.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The half-termly class list as a spreadsheet, one sheet per form")
    public Response classListXlsx(@PathParam("schoolId") String schoolId, @QueryParam("registrationGroup") String group,
            @QueryParam("asOf") String asOf) {
        return file(ListFiles.classListXlsx(lists.classList(schoolId, group, DateInput.query("asOf", asOf))), XLSX,
                "class-list-" + schoolId + ".xlsx");
    }

    @GET
    @Path("/weekly-summary.pdf")
    @Produces(PDF)
    @Operation(summary = "The weekly attendance summary: each pupil's week and year to date, by year group and form;"
            + " weekOf picks the week (default this week)")
    public Response weeklyPdf(@PathParam("schoolId") String schoolId, @QueryParam("weekOf") String weekOf) {
        return file(ListFiles.weeklyPdf(lists.weekly(schoolId, DateInput.query("weekOf", weekOf))), PDF,
                "weekly-attendance-" + schoolId + ".pdf");
    }

    @GET
    @Path("/weekly-summary.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The weekly attendance summary as a spreadsheet: every pupil on one sheet, each form's totals on another")
    public Response weeklyXlsx(@PathParam("schoolId") String schoolId, @QueryParam("weekOf") String weekOf) {
        return file(ListFiles.weeklyXlsx(lists.weekly(schoolId, DateInput.query("weekOf", weekOf))), XLSX,
                "weekly-attendance-" + schoolId + ".xlsx");
    }

    private static Response file(byte[] content, String type, String name) {
        return Response.ok(content, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}

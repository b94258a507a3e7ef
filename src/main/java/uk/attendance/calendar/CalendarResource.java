package uk.attendance.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}/calendar")
@Tag(name = "School calendar")
public class CalendarResource {

    private final CalendarService calendars;

    CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.MIS_NAME})
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public CalendarView put(@PathParam("schoolId") String schoolId, CalendarRequest request) {
        return calendars.put(schoolId, request);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME, Role.MIS_NAME})
    @GET
    public CalendarView get(@PathParam("schoolId") String schoolId, @QueryParam("academicYear") String academicYear) {
        return calendars.get(schoolId, academicYear);
    }
}

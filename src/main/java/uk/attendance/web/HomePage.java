package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolView;
import uk.attendance.security.Caller;
import uk.attendance.security.Role;

/** Where signing in lands: a lead's schools (straight to the school when there is one), or the policies. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@WebPage
@RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME, Role.AUTHOR_NAME})
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<SchoolView> schools);
    }

    private final SchoolService schools;
    private final Caller caller;

    HomePage(SchoolService schools, Caller caller) {
        this.schools = schools;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        if (!caller.reviewsSchools()) {
            return Response.seeOther(URI.create("/policies")).build();
        }
        List<SchoolView> visible = schools.list();
        if (visible.size() == 1 && !caller.isAdmin()) {
            return Response.seeOther(URI.create("/schools/" + visible.get(0).id())).build();
        }
        return Response.ok(Templates.home(visible)).build();
    }
}

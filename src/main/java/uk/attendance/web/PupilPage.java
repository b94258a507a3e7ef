package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import uk.attendance.audit.AuditService;
import uk.attendance.audit.PupilAudit;
import uk.attendance.school.SchoolService;
import uk.attendance.security.Caller;
import uk.attendance.security.Role;
import uk.attendance.school.SchoolView;

/** One pupil: the figures, a weekly chart, every session on a calendar, the stage reached and what happened when. */
@Path("/schools/{schoolId}/pupils/{upn}")
@Produces(MediaType.TEXT_HTML)
@WebPage
@RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
public class PupilPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pupil(SchoolView school, PupilRecord.View view, String returnTo, PupilAudit audit);
    }

    private final SchoolService schools;
    private final PupilRecord records;
    private final AuditService audit;
    private final Caller caller;

    PupilPage(SchoolService schools, PupilRecord records, AuditService audit, Caller caller) {
        this.schools = schools;
        this.records = records;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("schoolId") String schoolId, @PathParam("upn") String upn) {
        SchoolView school = schools.get(schoolId);
        PupilRecord.View view = records.view(schoolId, upn);
        // Admins see the record's history: who changed the details and who read them.
        PupilAudit history = caller.isAdmin() ? audit.pupil(schoolId, view.pupil().upn()) : null;
        return Templates.pupil(school, view, "/schools/" + schoolId + "/pupils/" + view.pupil().upn(), history);
    }

}

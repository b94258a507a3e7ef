package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import uk.attendance.pupil.PupilChoices;
import uk.attendance.pupil.PupilFilter;
import uk.attendance.evaluation.PupilPage;
import uk.attendance.evaluation.PupilQueries;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolView;
import uk.attendance.security.Role;

/** The school's pupils: find one by name or UPN, or list them by year, form, band or attendance, a page at a time. */
@Path("/schools/{schoolId}/pupils")
@Produces(MediaType.TEXT_HTML)
@WebPage
@RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
public class PupilListPage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pupils(SchoolView school, Form form, PupilChoices choices, PupilPage page, Paging paging);
    }

    /** What was asked for, echoed back into the form. */
    public record Form(String search, Integer yearGroup, String registrationGroup, String band, boolean persistentlyAbsent,
            boolean hasOpenActions, String sort) {

        String query() {
            List<String> parts = new ArrayList<>();
            add(parts, "search", search);
            add(parts, "yearGroup", yearGroup == null ? null : yearGroup.toString());
            add(parts, "registrationGroup", registrationGroup);
            add(parts, "band", band);
            add(parts, "persistentlyAbsent", persistentlyAbsent ? "true" : null);
            add(parts, "hasOpenActions", hasOpenActions ? "true" : null);
            add(parts, "sort", sort);
            return String.join("&", parts);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** Which rows are shown, and links to the pages before and after. */
    public record Paging(long from, long to, long total, String previous, String next) {
    }

    private final SchoolService schools;
    private final PupilQueries pupils;

    PupilListPage(SchoolService schools, PupilQueries pupils) {
        this.schools = schools;
        this.pupils = pupils;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("schoolId") String schoolId, @QueryParam("search") String search,
            @QueryParam("yearGroup") String yearGroup, @QueryParam("registrationGroup") String registrationGroup,
            @QueryParam("band") String band, @QueryParam("persistentlyAbsent") String persistentlyAbsent,
            @QueryParam("hasOpenActions") String hasOpenActions, @QueryParam("sort") String sort, @QueryParam("offset") String offset) {
        SchoolView school = schools.get(schoolId);
        PupilFilter filter = PupilFilter.parse(search, yearGroup, registrationGroup, band, persistentlyAbsent, hasOpenActions, sort,
                String.valueOf(PAGE_SIZE), offset);
        Form form = new Form(filter.search(), filter.yearGroup(), filter.registrationGroup(), filter.band(),
                Boolean.TRUE.equals(filter.persistentlyAbsent()), Boolean.TRUE.equals(filter.hasOpenActions()),
                filter.sort().name().toLowerCase());
        PupilPage page = pupils.list(schoolId, filter, null);
        String base = "/schools/" + schoolId + "/pupils?" + form.query() + "&offset=";
        long from = page.items().isEmpty() ? 0 : filter.offset() + 1;
        long to = filter.offset() + page.items().size();
        Paging paging = new Paging(from, to, page.total(),
                filter.offset() > 0 ? base + Math.max(0, filter.offset() - PAGE_SIZE) : null,
                to < page.total() ? base + to : null);
        return Templates.pupils(school, form, pupils.choices(schoolId), page, paging);
    }
}

package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import uk.attendance.action.ActionService;
import uk.attendance.action.ActionView;
import uk.attendance.problem.ProblemException;
import uk.attendance.evaluation.PupilDetails;
import uk.attendance.evaluation.PupilQueries;
import uk.attendance.school.SchoolService;
import uk.attendance.security.Role;
import uk.attendance.school.SchoolView;

/**
 * A letter action's letter, ready to print, written from the policy's template with today's figures. The lead
 * prints it, posts it and records it as sent here, which completes the action and records the letter.
 */
@Path("/schools/{schoolId}/actions/{id}/letter")
@Produces(MediaType.TEXT_HTML)
@WebPage
@RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
public class LetterPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance letter(SchoolView school, SchoolReview.Item item, Letters.Rendered letter, String returnTo);
    }

    private final SchoolService schools;
    private final ActionService actions;
    private final PupilQueries pupils;
    private final SchoolReview review;
    private final Letters letters;
    private final Clock clock;

    LetterPage(SchoolService schools, ActionService actions, PupilQueries pupils, SchoolReview review, Letters letters, Clock clock) {
        this.schools = schools;
        this.actions = actions;
        this.pupils = pupils;
        this.review = review;
        this.letters = letters;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("schoolId") String schoolId, @PathParam("id") Long id) {
        SchoolView school = schools.get(schoolId);
        ActionView action = actions.get(schoolId, id);
        if (!letters.isLetter(action)) {
            throw ProblemException.notFound("Action " + id + " (" + action.title() + ") is not a letter.");
        }
        LocalDate today = LocalDate.now(clock);
        PupilDetails pupil = pupils.details(schoolId, action.upn(), today);
        Letters.Rendered letter = letters.render(action, model(school, pupil, action, today));
        return Templates.letter(school, review.item(schoolId, action), letter, "/schools/" + schoolId + "/actions/" + id + "/letter");
    }

    private LetterModel model(SchoolView school, PupilDetails pupil, ActionView action, LocalDate today) {
        return letters.model(school, new LetterModel.Pupil(pupil.givenName(), pupil.familyName(),
                        pupil.givenName() + " " + pupil.familyName(), pupil.upn(), Formats.yearGroup(pupil.yearGroup()),
                        Formats.ukDate(pupil.dateOfBirth())),
                pupil.parents().stream().map(PupilDetails.ParentView::name).toList(), pupil.attendance(), action, today);
    }
}

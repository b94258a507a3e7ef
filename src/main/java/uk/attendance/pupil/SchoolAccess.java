package uk.attendance.pupil;

import jakarta.enterprise.context.ApplicationScoped;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.school.School;
import uk.attendance.security.SchoolScopeFilter;

/**
 * Loads the school (and pupil) a request names, or answers 404. Whether the caller may see the
 * school at all was decided before the resource ran, by {@link SchoolScopeFilter}.
 */
@ApplicationScoped
public class SchoolAccess {

    public School require(String schoolId) {
        return School.require(schoolId);
    }

    /** A pupil of a school the caller may see; 400 for a malformed UPN, 404 for one the school does not have. */
    public Pupil requirePupil(String schoolId, String upn) {
        require(schoolId);
        String normalised = Upn.normalise(upn);
        Upn.problem(normalised).ifPresent(problem -> {
            throw ProblemException.invalid(FieldError.of("upn", problem));
        });
        return Pupil.findByUpn(schoolId, normalised)
                .orElseThrow(() -> ProblemException.notFound("No pupil with UPN '" + upn + "' in school '" + schoolId + "'."));
    }
}

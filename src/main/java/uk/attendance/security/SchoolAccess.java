package uk.attendance.security;

import jakarta.enterprise.context.ApplicationScoped;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.pupil.Pupil;
import uk.attendance.pupil.Upn;
import uk.attendance.school.School;

/**
 * Loads the school (and pupil) a request names, or answers 404. Whether the caller may see the
 * school at all was decided before the resource ran, by {@link SchoolScopeFilter}.
 */
@ApplicationScoped
public class SchoolAccess {

    public School require(String schoolId) {
        School.idProblem(schoolId).ifPresent(problem -> {
            throw ProblemException.invalid(FieldError.of("schoolId", problem));
        });
        School school = School.findById(schoolId);
        if (school == null) {
            throw ProblemException.notFound("No school '" + schoolId + "'.");
        }
        return school;
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

package uk.attendance.security;

import jakarta.enterprise.context.ApplicationScoped;
import uk.attendance.problem.ProblemException;
import uk.attendance.school.School;

/** The one gate every school-scoped request passes: the school must exist and be the caller's. */
@ApplicationScoped
public class SchoolAccess {

    public School require(String schoolId) {
        School school = School.findById(schoolId);
        if (school == null) {
            throw ProblemException.notFound("No school '" + schoolId + "'.");
        }
        return school;
    }
}

package uk.attendance.school;

import jakarta.enterprise.context.ApplicationScoped;
import uk.attendance.security.KnownSchools;

/** The schools table as security sees it. */
@ApplicationScoped
public class Schools implements KnownSchools {

    @Override
    public void require(String schoolId) {
        School.require(schoolId);
    }

    @Override
    public boolean exists(String schoolId) {
        return School.findById(schoolId) != null;
    }
}

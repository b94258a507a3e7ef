package uk.attendance.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.attendance.action.ActionView;
import uk.attendance.attendance.AttendanceSummary;
import uk.attendance.intervention.InterventionView;

/** A pupil as an attendance lead sees them, as of a date; {@code registrationGroup} (form or class) is null when the MIS sent none. */
public record PupilDetails(String upn, String givenName, String familyName, LocalDate dateOfBirth, int yearGroup, String registrationGroup,
        Set<String> characteristics, List<ParentView> parents, boolean compulsorySchoolAge, AttendanceSummary attendance,
        String band, String stage, List<InterventionView> interventions, List<ActionView> actions) {

    public record ParentView(String parentId, String name) {
    }
}

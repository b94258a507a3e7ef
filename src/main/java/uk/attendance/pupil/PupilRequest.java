package uk.attendance.pupil;

import java.util.List;

/**
 * One pupil in a bulk upsert. Dates and year groups arrive as the MIS sends them and are checked
 * row by row, so a bad row is reported by its index instead of failing the whole body's parse.
 * {@code registrationGroup} (the form or class, e.g. "7B") is optional; sending none clears it.
 */
public record PupilRequest(String upn, String givenName, String familyName, String dateOfBirth, Object yearGroup,
        List<String> characteristics, List<ParentRequest> parents, String registrationGroup) {

    public record ParentRequest(String parentId, String name) {
    }
}

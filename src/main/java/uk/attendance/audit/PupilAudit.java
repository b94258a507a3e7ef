package uk.attendance.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Who changed a pupil's details and how, and who read the pupil's record: for admins. */
public record PupilAudit(String schoolId, String upn, List<Change> changes, List<Read> reads) {

    /** A version of the details; {@code changed} names each field that differs from the version before. */
    public record Change(Instant recordedAt, String recordedBy, List<FieldChange> changed, Details details) {
    }

    public record FieldChange(String field, Object from, Object to) {
    }

    public record Details(String givenName, String familyName, LocalDate dateOfBirth, int yearGroup,
            List<String> characteristics, List<Map<String, String>> parents) {
    }

    public record Read(Instant readAt, String readBy, String what) {
    }
}

package uk.attendance.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A register mark with every version of it, oldest first: the original entry, then each amendment. */
public record MarkView(LocalDate date, Session session, String code, List<Version> history) {

    public record Version(String code, Instant changedAt, String changedBy, String reason) {
    }
}

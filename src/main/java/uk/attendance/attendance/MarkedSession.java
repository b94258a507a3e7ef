package uk.attendance.attendance;

import java.time.LocalDate;
import java.util.Objects;

/** One register entry of one pupil: the code given for a session on a date. */
public record MarkedSession(LocalDate date, Session session, AttendanceCode code) {

    public MarkedSession {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(code, "code");
    }
}

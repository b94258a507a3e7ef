package uk.attendance.demo;

import java.time.LocalDate;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.Session;

/** One register entry: the code a pupil got for one session of one school day. */
public record DemoMark(String upn, LocalDate date, Session session, AttendanceCode code) {
}

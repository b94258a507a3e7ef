package uk.attendance.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.MarkView;
import uk.attendance.attendance.SessionMark;
import uk.attendance.security.SchoolAccess;

/** The figures behind the pages' charts, for the academic year up to a date. */
@ApplicationScoped
public class AttendanceCharts {

    private final SchoolAccess access;

    AttendanceCharts(SchoolAccess access) {
        this.access = access;
    }

    /** The whole school's attendance week by week, from one count of sessions per date and code. */
    @Transactional
    public List<WeeklyAttendance.Week> schoolWeeks(String schoolId, LocalDate asOf) {
        access.require(schoolId);
        List<WeeklyAttendance.CodeCount> counts = SessionMark.getEntityManager()
                .createQuery("select m.date, m.code, count(m) from SessionMark m where m.schoolId = ?1"
                        + " and m.date >= ?2 and m.date <= ?3 group by m.date, m.code", Object[].class)
                .setParameter(1, schoolId)
                .setParameter(2, AcademicYear.containing(asOf).start())
                .setParameter(3, asOf)
                .getResultStream()
                .map(row -> new WeeklyAttendance.CodeCount((LocalDate) row[0], AttendanceCode.ofMark((String) row[1]), (Long) row[2]))
                .toList();
        return WeeklyAttendance.of(counts);
    }

    /** A pupil's attendance week by week, from their register. */
    public static List<WeeklyAttendance.Week> pupilWeeks(List<MarkView> marks) {
        return WeeklyAttendance.of(marks.stream()
                .map(m -> new WeeklyAttendance.CodeCount(m.date(), AttendanceCode.ofMark(m.code()), 1))
                .toList());
    }

    /** A pupil's register as a calendar of sessions, the months from {@code from} to {@code to}. */
    public static SessionCalendar pupilCalendar(List<MarkView> marks, LocalDate from, LocalDate to) {
        return SessionCalendar.of(marks.stream()
                .map(m -> new SessionCalendar.Entry(m.date(), m.session(), AttendanceCode.ofMark(m.code()), m.history().size() > 1))
                .toList(), from, to);
    }
}

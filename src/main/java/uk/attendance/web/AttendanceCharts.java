package uk.attendance.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.SessionMark;
import uk.attendance.pupil.SchoolAccess;

/** The whole school's weekly attendance for the school page's chart, for the academic year up to a date. */
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
}

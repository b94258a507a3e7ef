package uk.attendance.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.PupilRegister;
import uk.attendance.security.SchoolAccess;

/** The whole school's weekly attendance for the school page's chart, for the academic year up to a date. */
@ApplicationScoped
public class AttendanceCharts {

    private final SchoolAccess access;

    AttendanceCharts(SchoolAccess access) {
        this.access = access;
    }

    /** The whole school's attendance week by week, counted from its pupils' compact registers. */
    @Transactional
    public List<WeeklyAttendance.Week> schoolWeeks(String schoolId, LocalDate asOf) {
        access.require(schoolId);
        return WeeklyAttendance.of(PupilRegister.schoolCodeCounts(schoolId, AcademicYear.containing(asOf).start(), asOf).stream()
                .map(count -> new WeeklyAttendance.CodeCount(count.date(), count.code(), count.sessions()))
                .toList());
    }
}

package uk.attendance.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** A term of a school's posted calendar, with its half-term break. */
@Entity
@Table(name = "calendar_term")
public class CalendarTerm extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_term_seq")
    @SequenceGenerator(name = "calendar_term_seq", sequenceName = "calendar_term_seq", allocationSize = 50)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public String schoolId;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    /** The term's place in the posted list, so the calendar reads back as it was posted. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    @Column(name = "start_date", nullable = false)
    public LocalDate start;

    @Column(name = "end_date", nullable = false)
    public LocalDate end;

    @Column(name = "break_start")
    public LocalDate breakStart;

    @Column(name = "break_end")
    public LocalDate breakEnd;

    static List<CalendarTerm> forYears(String schoolId, Collection<String> academicYears) {
        return list("schoolId = ?1 and academicYear in ?2 order by academicYear, position", schoolId, academicYears);
    }

    static long deleteYear(String schoolId, String academicYear) {
        return delete("schoolId = ?1 and academicYear = ?2", schoolId, academicYear);
    }
}

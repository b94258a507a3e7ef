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

/** A day, or one session of it, on which the school is closed: an INSET day, a polling day, snow. */
@Entity
@Table(name = "calendar_closure")
public class CalendarClosure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_closure_seq")
    @SequenceGenerator(name = "calendar_closure_seq", sequenceName = "calendar_closure_seq", allocationSize = 50)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public String schoolId;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Column(name = "closure_date", nullable = false)
    public LocalDate date;

    @Column(nullable = false)
    public boolean am;

    @Column(nullable = false)
    public boolean pm;

    public String reason;

    static List<CalendarClosure> forYears(String schoolId, Collection<String> academicYears) {
        return list("schoolId = ?1 and academicYear in ?2 order by date", schoolId, academicYears);
    }

    static long deleteYear(String schoolId, String academicYear) {
        return delete("schoolId = ?1 and academicYear = ?2", schoolId, academicYear);
    }
}

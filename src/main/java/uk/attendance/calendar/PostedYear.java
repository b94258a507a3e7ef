package uk.attendance.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** That a school posted its calendar for an academic year, when and by whom. */
@Entity
@Table(name = "school_calendar")
public class PostedYear extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "school_id")
        public String schoolId;

        @Column(name = "academic_year")
        public String academicYear;

        public Key() {
        }

        Key(String schoolId, String academicYear) {
            this.schoolId = schoolId;
            this.academicYear = academicYear;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(schoolId, key.schoolId) && Objects.equals(academicYear, key.academicYear);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolId, academicYear);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Column(name = "posted_by", nullable = false)
    public String postedBy;

    static Optional<PostedYear> find(String schoolId, String academicYear) {
        return findByIdOptional(new Key(schoolId, academicYear));
    }
}

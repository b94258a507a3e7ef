package uk.attendance.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Someone read a pupil's record: through the API or a page, who, when and what. */
@Entity
@Table(name = "pupil_read")
public class PupilRead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public String schoolId;

    @Column(nullable = false)
    public String upn;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;

    @Column(name = "read_by", nullable = false)
    public String readBy;

    @Column(nullable = false)
    public String what;

    /** The newest first, at most {@code limit}. */
    public static List<PupilRead> recent(String schoolId, String upn, int limit) {
        return find("schoolId = ?1 and upn = ?2 order by readAt desc, id desc", schoolId, upn).page(0, limit).list();
    }
}

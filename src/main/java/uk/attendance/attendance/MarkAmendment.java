package uk.attendance.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** A change to a register mark: kept for the register's lifetime, never edited or deleted. */
@Entity
@Table(name = "mark_amendment")
public class MarkAmendment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mark_amendment_seq")
    @SequenceGenerator(name = "mark_amendment_seq", sequenceName = "mark_amendment_seq", allocationSize = 50)
    public Long id;

    @Column(name = "session_mark_id", nullable = false)
    public Long sessionMarkId;

    @Column(name = "old_code", nullable = false)
    public String oldCode;

    @Column(name = "new_code", nullable = false)
    public String newCode;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(nullable = false)
    public String reason;

    public static List<MarkAmendment> forMarks(Collection<Long> sessionMarkIds) {
        if (sessionMarkIds.isEmpty()) {
            return List.of();
        }
        return list("sessionMarkId in ?1 order by changedAt, id", sessionMarkIds);
    }

    /** The dates of the pupil's marks amended after {@code since} (ever, when null), dated from {@code from}, in order. */
    public static List<LocalDate> amendedDates(long pupilId, Instant since, LocalDate from) {
        var query = getEntityManager().createQuery("select distinct m.date from SessionMark m, MarkAmendment a"
                        + " where a.sessionMarkId = m.id and m.pupilId = :pupil and m.date >= :from"
                        + (since == null ? "" : " and a.changedAt > :since") + " order by m.date", LocalDate.class)
                .setParameter("pupil", pupilId).setParameter("from", from);
        if (since != null) {
            query.setParameter("since", since);
        }
        return query.getResultList();
    }
}

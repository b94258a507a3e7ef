package uk.attendance.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current mark for one pupil, date and session: the legal record. Written in bulk by {@link MarkWriter};
 * the original entry's time, caller and source stay here, and every change is a {@link MarkAmendment}.
 * Evaluations read the same marks from the compact {@link PupilRegister} derived from these rows.
 */
@Entity
@Table(name = "session_mark")
public class SessionMark extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_mark_seq")
    @SequenceGenerator(name = "session_mark_seq", sequenceName = "session_mark_seq", allocationSize = 50)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public String schoolId;

    @Column(name = "pupil_id", nullable = false)
    public Long pupilId;

    @Column(name = "mark_date", nullable = false)
    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2, columnDefinition = "char(2)")
    public Session session;

    @Column(nullable = false, length = 2)
    public String code;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(nullable = false)
    public String source;

    public static List<SessionMark> forPupil(Long pupilId, LocalDate from, LocalDate to) {
        return list("pupilId = ?1 and date >= ?2 and date <= ?3 order by date, session", pupilId, from, to);
    }
}

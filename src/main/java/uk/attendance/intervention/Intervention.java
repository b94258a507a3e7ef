package uk.attendance.intervention;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@Entity
@Table(name = "intervention")
public class Intervention extends PanacheEntityBase {

    /** A penalty notice with this outcome was withdrawn and does not count towards the cap. */
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intervention_seq")
    @SequenceGenerator(name = "intervention_seq", sequenceName = "intervention_seq", allocationSize = 50)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public String schoolId;

    @Column(name = "pupil_id", nullable = false)
    public Long pupilId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterventionKind kind;

    /** For a letter, which one (AT1, STAGE_1, PATHWAY_1...). */
    public String type;

    @Column(name = "intervention_date", nullable = false)
    public LocalDate date;

    @Column(name = "parent_ref")
    public String parentId;

    @Column(name = "parent_attended")
    public Boolean parentAttended;

    public String outcome;

    public String note;

    /** For an ATTENDANCE_TARGET, the target agreed with the family (see {@link AgreedTarget}). */
    @Column(name = "target_attendance_percent")
    public BigDecimal targetAttendancePercent;

    @Column(name = "target_max_absent_sessions")
    public Integer targetMaxAbsentSessions;

    @Column(name = "target_review_on")
    public LocalDate targetReviewOn;

    /** The target this intervention carries, or null. */
    public AgreedTarget target() {
        return AgreedTarget.of(this);
    }

    /** Records {@code target} on this intervention (an ATTENDANCE_TARGET). */
    public void agree(AgreedTarget target) {
        target.applyTo(this);
    }

    /** The recommended action whose completion recorded this, if any. */
    @Column(name = "action_id")
    public Long actionId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static List<Intervention> forPupil(Long pupilId) {
        return list("pupilId = ?1 order by date, id", pupilId);
    }

    /** Interventions of these pupils dated on or before {@code asOf}. */
    public static List<Intervention> forPupils(Collection<Long> pupilIds, LocalDate asOf) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        return list("pupilId in ?1 and date <= ?2 order by date, id", pupilIds, asOf);
    }
}

package uk.attendance.action;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A next step the rules recommended for a pupil, with the reason and the clause behind it. */
@Entity
@Table(name = "recommended_action")
public class RecommendedAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recommended_action_seq")
    @SequenceGenerator(name = "recommended_action_seq", sequenceName = "recommended_action_seq", allocationSize = 50)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public String schoolId;

    @Column(name = "pupil_id", nullable = false)
    public Long pupilId;

    @Column(nullable = false, length = 13, columnDefinition = "char(13)")
    public String upn;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String title;

    public String stage;

    @Column(nullable = false)
    public String policy;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "rule_name", nullable = false)
    public String rule;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(nullable = false, columnDefinition = "text")
    public String clause;

    /** The academic year, or the half term for a ladder step that repeats. */
    @Column(nullable = false)
    public String period;

    /** The day of the evaluation that raised it. */
    @Column(name = "raised_on", nullable = false)
    public LocalDate raisedOn;

    /** The first school day, within its period, on which its condition held. */
    @Column(name = "condition_met_on", nullable = false)
    public LocalDate conditionMetOn;

    /** Accepted, but amended marks mean its condition held on no day. */
    @Column(name = "basis_changed", nullable = false)
    public boolean basisChanged;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status;

    @Column(name = "parent_ids")
    public String parentIds;

    /** What completing the action records as an intervention, e.g. LETTER / AT1. */
    @Column(name = "records_kind")
    public String recordsKind;

    @Column(name = "records_type")
    public String recordsType;

    @OneToMany(mappedBy = "action", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("decidedAt, id")
    public List<ActionDecision> decisions = new ArrayList<>();

    public List<String> parentIdList() {
        return parentIds == null || parentIds.isEmpty() ? List.of() : Arrays.asList(parentIds.split(","));
    }

    public Optional<ActionDecision> latestDecision() {
        return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
    }

    /**
     * Sets the status only if it is still {@code expected}, taking the row's lock: the number of rows
     * changed (0 when another transaction decided the action first).
     */
    public static int moveStatus(Long id, ActionStatus expected, ActionStatus next) {
        return update("status = ?1 where id = ?2 and status = ?3", next, id, expected);
    }

    public static Optional<RecommendedAction> findInSchool(String schoolId, Long id) {
        return find("schoolId = ?1 and id = ?2", schoolId, id).firstResultOptional();
    }

    /** The pupils' actions with their decisions loaded, in one query. */
    public static List<RecommendedAction> forPupilsWithDecisions(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        return list("select a from RecommendedAction a left join fetch a.decisions where a.pupilId in ?1", pupilIds);
    }

    public static List<RecommendedAction> forPupil(Long pupilId) {
        return list("pupilId = ?1 order by raisedOn desc, id desc", pupilId);
    }

    /** Filters are optional and combine; newest first. */
    public static List<RecommendedAction> search(String schoolId, ActionStatus status, Long pupilId, String type) {
        StringBuilder query = new StringBuilder("schoolId = :school");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("school", schoolId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (pupilId != null) {
            query.append(" and pupilId = :pupil");
            params.and("pupil", pupilId);
        }
        if (type != null) {
            query.append(" and type = :type");
            params.and("type", type);
        }
        query.append(" order by raisedOn desc, id desc");
        return list(query.toString(), params);
    }
}

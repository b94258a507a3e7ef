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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.attendance.db.IdList;

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

    /** The parents a penalty-notice action names: a JSON array, since an MIS's parent id may contain a comma. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "parent_ids")
    public List<String> parentIds;

    /** What completing the action records as an intervention, e.g. LETTER / AT1. */
    @Column(name = "records_kind")
    public String recordsKind;

    @Column(name = "records_type")
    public String recordsType;

    /** The values the rule's conditions read on the first day its condition held; null for actions raised before they were kept. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "because")
    public List<MatchedValue> because;

    @OneToMany(mappedBy = "action", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("decidedAt, id")
    public List<ActionDecision> decisions = new ArrayList<>();

    public List<String> parentIdList() {
        return parentIds == null ? List.of() : parentIds;
    }

    public List<MatchedValue> becauseList() {
        return because == null ? List.of() : because;
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

    /**
     * The pupils' actions as an evaluation judges them: detached copies holding what the rules and the store read (type,
     * period, status, dates, policy, whether its basis changed, and the decisions' status and date), read with one plain
     * query rather than hydrated with their texts and JSON. Not for showing or changing: change an action through
     * {@link #findById}.
     */
    public static List<RecommendedAction> detachedHistoryForPupils(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        String in = IdList.placeholders(pupilIds.size());
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Map<Long, RecommendedAction> actions = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT a.id, a.school_id, a.pupil_id, a.upn, a.type, a.policy,"
                    + " a.period, a.raised_on, a.condition_met_on, a.basis_changed, a.status, d.id, d.decision, d.decision_date, d.decided_at"
                    + " FROM recommended_action a LEFT JOIN action_decision d ON d.action_id = a.id"
                    + " WHERE a.pupil_id IN " + in + " ORDER BY a.id, d.decided_at, d.id")) {
                IdList.bind(select, 1, pupilIds);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        RecommendedAction action = actions.get(rows.getLong(1));
                        if (action == null) {
                            action = new RecommendedAction();
                            action.id = rows.getLong(1);
                            action.schoolId = rows.getString(2);
                            action.pupilId = rows.getLong(3);
                            action.upn = rows.getString(4);
                            action.type = rows.getString(5);
                            action.policy = rows.getString(6);
                            action.period = rows.getString(7);
                            action.raisedOn = rows.getObject(8, LocalDate.class);
                            action.conditionMetOn = rows.getObject(9, LocalDate.class);
                            action.basisChanged = rows.getBoolean(10);
                            action.status = ActionStatus.valueOf(rows.getString(11));
                            actions.put(action.id, action);
                        }
                        rows.getLong(12);
                        if (!rows.wasNull()) {
                            ActionDecision decision = new ActionDecision();
                            decision.id = rows.getLong(12);
                            decision.action = action;
                            decision.decision = ActionStatus.valueOf(rows.getString(13));
                            decision.date = rows.getObject(14, LocalDate.class);
                            decision.decidedAt = rows.getTimestamp(15).toInstant();
                            action.decisions.add(decision);
                        }
                    }
                }
            }
            return List.copyOf(actions.values());
        });
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

    /** How many of the school's actions have each status. */
    public static Map<ActionStatus, Long> countByStatus(String schoolId) {
        Map<ActionStatus, Long> counts = new EnumMap<>(ActionStatus.class);
        getEntityManager().createQuery("select a.status, count(a) from RecommendedAction a where a.schoolId = ?1 group by a.status",
                        Object[].class)
                .setParameter(1, schoolId).getResultStream()
                .forEach(row -> counts.put((ActionStatus) row[0], (Long) row[1]));
        return counts;
    }

    /** How many actions with one of the statuses there are of each type and title: [type, title, count]. */
    public static List<Object[]> countByTypeAndTitle(String schoolId, Collection<ActionStatus> statuses) {
        return getEntityManager().createQuery("select a.type, a.title, count(a) from RecommendedAction a"
                        + " where a.schoolId = ?1 and a.status in ?2 group by a.type, a.title", Object[].class)
                .setParameter(1, schoolId).setParameter(2, statuses).getResultList();
    }

    /** How many actions with one of the statuses (and the type, when given) there are at each stage. */
    public static Map<String, Long> countByStage(String schoolId, Collection<ActionStatus> statuses, String type) {
        Map<String, Long> counts = new TreeMap<>();
        getEntityManager().createQuery("select a.stage, count(a) from RecommendedAction a where a.schoolId = ?1 and a.status in ?2"
                        + " and a.stage is not null and (?3 is null or a.type = ?3) group by a.stage", Object[].class)
                .setParameter(1, schoolId).setParameter(2, statuses).setParameter(3, type).getResultStream()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    private static final String MATCHING = " from RecommendedAction a where a.schoolId = :school and a.status in :statuses"
            + " and (:type is null or a.type = :type) and (:stage is null or a.stage = :stage)";

    /** How many actions the queue's filter matches. */
    public static long countMatching(String schoolId, Collection<ActionStatus> statuses, String type, String stage) {
        return getEntityManager().createQuery("select count(a)" + MATCHING, Long.class)
                .setParameter("school", schoolId).setParameter("statuses", statuses).setParameter("type", type)
                .setParameter("stage", stage).getSingleResult();
    }

    /** The ids of every action the filter matches, newest first: "all N matching these filters". */
    public static List<Long> idsMatching(String schoolId, Collection<ActionStatus> statuses, String type, String stage) {
        return getEntityManager().createQuery("select a.id" + MATCHING + " order by a.raisedOn desc, a.id desc", Long.class)
                .setParameter("school", schoolId).setParameter("statuses", statuses).setParameter("type", type)
                .setParameter("stage", stage).getResultList();
    }

    /** One page of the matching actions, newest first, with their decisions. */
    public static List<RecommendedAction> pageMatching(String schoolId, Collection<ActionStatus> statuses, String type, String stage,
            int offset, int limit) {
        List<Long> ids = getEntityManager().createQuery("select a.id" + MATCHING + " order by a.raisedOn desc, a.id desc", Long.class)
                .setParameter("school", schoolId).setParameter("statuses", statuses).setParameter("type", type)
                .setParameter("stage", stage).setFirstResult(offset).setMaxResults(limit).getResultList();
        return withDecisions(ids);
    }

    /** The actions with their decisions loaded, in the order of {@code ids}. */
    public static List<RecommendedAction> withDecisions(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, RecommendedAction> byId = RecommendedAction.<RecommendedAction>list(
                        "select distinct a from RecommendedAction a left join fetch a.decisions where a.id in ?1", ids).stream()
                .collect(Collectors.toMap(a -> a.id, a -> a));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}

package uk.attendance.pupil;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far a pupil's school days have been judged, and the earliest day whose facts changed since
 * (a new or amended mark, an intervention, a decision). The next evaluation judges every school day
 * from the earlier of the two. A pupil without a row has never been evaluated.
 */
@Entity
@Table(name = "pupil_evaluation")
public class PupilEvaluation extends PanacheEntityBase {

    /** Callers add the pupils it applies to ("AND pupil_id ..."), hence the parentheses. */
    private static final String LOWER = "UPDATE pupil_evaluation SET dirty_from = LEAST(COALESCE(dirty_from, ?), ?)"
            + " WHERE (dirty_from IS NULL OR dirty_from > ?)";

    @Id
    @Column(name = "pupil_id")
    public Long pupilId;

    @Column(name = "evaluated_to", nullable = false)
    public LocalDate evaluatedTo;

    @Column(name = "dirty_from")
    public LocalDate dirtyFrom;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    /** The first day the next evaluation must judge, or empty when the pupil has never been evaluated. */
    public LocalDate judgeFrom() {
        LocalDate next = evaluatedTo.plusDays(1);
        return dirtyFrom != null && dirtyFrom.isBefore(next) ? dirtyFrom : next;
    }

    public static Map<Long, PupilEvaluation> forPupils(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        return PupilEvaluation.<PupilEvaluation>list("pupilId in ?1", pupilIds).stream()
                .collect(Collectors.toMap(e -> e.pupilId, e -> e));
    }

    /** The rules of these policies changed: every pupil of a school on one of them is judged again from the start of the year. */
    public static void judgeAgainForPolicies(Collection<String> policyIds) {
        getEntityManager().createNativeQuery("UPDATE pupil_evaluation e JOIN pupil p ON p.id = e.pupil_id JOIN school s ON s.id = p.school_id"
                        + " SET e.dirty_from = :from WHERE s.policy IN (:policies)")
                .setParameter("from", LocalDate.of(1900, 1, 1)).setParameter("policies", policyIds).executeUpdate();
    }

    /** The pupil's facts changed from {@code date}: the next evaluation judges again from there. */
    public static void judgeAgainFrom(long pupilId, LocalDate date) {
        getEntityManager().createNativeQuery(LOWER + " AND pupil_id = ?")
                .setParameter(1, date).setParameter(2, date).setParameter(3, date).setParameter(4, pupilId)
                .executeUpdate();
    }

    /** As {@link #judgeAgainFrom(long, LocalDate)} for many pupils, on a JDBC connection inside the writer's transaction. */
    public static void judgeAgainFrom(Connection connection, Map<Long, LocalDate> earliestChangeByPupil) throws SQLException {
        Map<LocalDate, List<Long>> byDate = new TreeMap<>(earliestChangeByPupil.entrySet().stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList()))));
        for (Map.Entry<LocalDate, List<Long>> entry : byDate.entrySet()) {
            String ids = entry.getValue().stream().map(String::valueOf).collect(Collectors.joining(","));
            try (PreparedStatement update = connection.prepareStatement(LOWER + " AND pupil_id IN (" + ids + ")")) {
                Date date = Date.valueOf(entry.getKey());
                update.setDate(1, date);
                update.setDate(2, date);
                update.setDate(3, date);
                update.executeUpdate();
            }
        }
    }

    /** A pupil judged, with the dirty date the evaluation read (null: none). */
    public record Judged(long pupilId, LocalDate dirtyRead) {
    }

    /**
     * Records that the pupils' days were judged up to {@code evaluatedTo} (or later, as before), in one statement per
     * distinct dirty date read (one or two on a nightly run). A change recorded while the evaluation ran (the dirty
     * date is no longer the one it read) is kept, so the next evaluation judges it.
     */
    public static void judged(Collection<Judged> pupils, LocalDate evaluatedTo, Instant at) {
        Map<Optional<LocalDate>, List<Long>> groups = pupils.stream().collect(Collectors.groupingBy(
                j -> Optional.ofNullable(j.dirtyRead()), Collectors.mapping(Judged::pupilId, Collectors.toList())));
        for (Map.Entry<Optional<LocalDate>, List<Long>> group : groups.entrySet()) {
            String unchanged = group.getKey().map(read -> "dirty_from = '" + read + "'").orElse("dirty_from IS NULL");
            String rows = group.getValue().stream().map(id -> "(" + id + ", ?1, NULL, ?2)").collect(Collectors.joining(","));
            getEntityManager().createNativeQuery("INSERT INTO pupil_evaluation (pupil_id, evaluated_to, dirty_from, evaluated_at)"
                            + " VALUES " + rows + " ON DUPLICATE KEY UPDATE evaluated_to = GREATEST(evaluated_to, ?1),"
                            + " dirty_from = CASE WHEN " + unchanged + " THEN NULL ELSE dirty_from END, evaluated_at = ?2")
                    .setParameter(1, evaluatedTo).setParameter(2, Timestamp.from(at))
                    .executeUpdate();
        }
    }
}

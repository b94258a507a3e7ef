package uk.attendance.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");

    /** The slug from the URL, e.g. {@code st-clares}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** Names a folder in the policies directory. */
    @Column(nullable = false)
    public String policy;

    /** Conditions met only before this day raise no action (a school onboarding mid-year); null: the start of the academic year. */
    @Column(name = "actions_from")
    public LocalDate actionsFrom;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Holds the school's row until the transaction ends, so that whatever writes a school's register or
     * actions (a nightly post, an evaluation) takes its turn. Called first in a transaction, so everything
     * it reads afterwards includes what the previous holder committed.
     */
    public static void lockForUpdate(String id, int waitSeconds) {
        getEntityManager().createNativeQuery("SELECT id FROM school WHERE id = ?1 FOR UPDATE WAIT " + waitSeconds)
                .setParameter(1, id).getResultList();
    }

    /** Every pupil of the school evaluated before is judged again from {@code date} at the next evaluation. */
    public static void judgeAgainFrom(String id, LocalDate date) {
        getEntityManager().createNativeQuery("UPDATE pupil_evaluation SET dirty_from = ?1 WHERE (dirty_from IS NULL OR dirty_from > ?1)"
                        + " AND pupil_id IN (SELECT p.id FROM pupil p WHERE p.school_id = ?2)")
                .setParameter(1, date).setParameter(2, id).executeUpdate();
    }

    /** Why {@code id} cannot be a school id; empty when it can. */
    public static Optional<String> idProblem(String id) {
        return id != null && SLUG.matcher(id).matches() ? Optional.empty()
                : Optional.of("a school id is 1 to 64 characters of a-z, 0-9 and '-', not '" + id + "'");
    }
}

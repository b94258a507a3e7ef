package uk.attendance.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One sign-in to the pages. The browser's encrypted cookie carries a random secret whose hash is this row's id;
 * the session lasts while the row is not ended and its user is not disabled.
 */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    public static final String SIGNED_OUT = "signed out";
    public static final String DISABLED = "user disabled";
    public static final String PASSWORD_CHANGED = "password changed";

    @Id
    public String id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_why")
    public String endedWhy;

    public static Optional<UserSession> findOpen(String id) {
        return find("id = ?1 and endedAt is null", id).firstResultOptional();
    }

    /** Ends every open session of the user; answers how many. */
    public static int endAll(Long userId, Instant at, String why) {
        return update("endedAt = ?1, endedWhy = ?2 where userId = ?3 and endedAt is null", at, why, userId);
    }
}

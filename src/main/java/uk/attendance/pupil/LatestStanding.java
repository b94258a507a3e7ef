package uk.attendance.pupil;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * A pupil's attendance and band as their latest evaluation found them: what the pupils list filters and sorts
 * by in SQL. Each evaluation overwrites the rows of the pupils it evaluated.
 */
@Entity
@Table(name = "pupil_standing")
public class LatestStanding extends PanacheEntityBase {

    @Id
    @Column(name = "pupil_id")
    public Long pupilId;

    @Column(name = "school_id", nullable = false)
    public String schoolId;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(name = "possible_sessions", nullable = false)
    public int possibleSessions;

    @Column(name = "attended_sessions", nullable = false)
    public int attendedSessions;

    /** Computed by the database from the counts; null without a possible session. */
    @Column(name = "attendance_percent", insertable = false, updatable = false)
    public Double attendancePercent;

    @Column(name = "persistently_absent", nullable = false)
    public boolean persistentlyAbsent;

    public String band;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    /** One pupil's figures as an evaluation computed them. */
    public record Figures(long pupilId, int possibleSessions, int attendedSessions, boolean persistentlyAbsent, String band) {
    }

    /** Attendance rounded to one decimal place from the whole-number counts, as the attendance summary shows it. */
    public static BigDecimal displayedPercent(int possibleSessions, int attendedSessions) {
        return possibleSessions == 0 ? null
                : BigDecimal.valueOf(100L * attendedSessions).divide(BigDecimal.valueOf(possibleSessions), 1, RoundingMode.HALF_UP);
    }

    /** Writes the evaluated pupils' rows in one statement, replacing what an earlier evaluation wrote. */
    public static void record(String schoolId, LocalDate asOf, Map<Long, Figures> byPupil, Instant now) {
        Collection<Figures> figures = byPupil.values();
        if (figures.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO pupil_standing (pupil_id, school_id, as_of, possible_sessions, "
                + "attended_sessions, persistently_absent, band, evaluated_at) VALUES ");
        int i = 0;
        for (Figures ignored : figures) {
            sql.append(i++ == 0 ? "" : ",").append("(?,?,?,?,?,?,NULLIF(?, ''),?)");
        }
        sql.append(" ON DUPLICATE KEY UPDATE as_of = VALUES(as_of), possible_sessions = VALUES(possible_sessions),"
                + " attended_sessions = VALUES(attended_sessions), persistently_absent = VALUES(persistently_absent), band = VALUES(band), evaluated_at = VALUES(evaluated_at)");
        var query = getEntityManager().createNativeQuery(sql.toString());
        int p = 1;
        Timestamp at = Timestamp.from(now);
        for (Figures f : figures) {
            query.setParameter(p++, f.pupilId());
            query.setParameter(p++, schoolId);
            query.setParameter(p++, asOf);
            query.setParameter(p++, f.possibleSessions());
            query.setParameter(p++, f.attendedSessions());
            query.setParameter(p++, f.persistentlyAbsent());
            query.setParameter(p++, f.band() == null ? "" : f.band()); // no band: NULL
            query.setParameter(p++, at);
        }
        query.executeUpdate();
    }
}

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The current mark for one pupil, date and session. Written in bulk by {@link MarkWriter};
 * the original entry's time, caller and source stay here, and every change is a {@link MarkAmendment}.
 */
@Entity
@Table(name = "session_mark")
public class SessionMark extends PanacheEntityBase {

    /** MariaDB's TO_DAYS('1970-01-01'): its day numbers count from year 0, LocalDate's from 1970. */
    private static final long TO_DAYS_OF_EPOCH = 719_528;

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

    /**
     * The pupils' marks in a date range, by pupil. An evaluation reads a school's whole year,
     * hundreds of thousands of marks: read with plain JDBC as values (the date as a day number), they cost a
     * fraction of what entities or Hibernate's row handling cost, and the covering index
     * ix_session_mark_pupil_code answers the query without touching the table.
     */
    public static Map<Long, List<MarkedSession>> forPupils(Collection<Long> pupilIds, LocalDate from, LocalDate to) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT pupil_id, TO_DAYS(mark_date), session, code FROM session_mark"
                + " WHERE pupil_id IN (" + String.join(",", Collections.nCopies(pupilIds.size(), "?")) + ")"
                + " AND mark_date BETWEEN ? AND ?";
        return getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            Map<Long, List<MarkedSession>> byPupil = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int parameter = 1;
                for (Long id : pupilIds) {
                    select.setLong(parameter++, id);
                }
                select.setObject(parameter++, from);
                select.setObject(parameter, to);
                try (ResultSet rows = select.executeQuery()) {
                    List<MarkedSession> current = null;
                    long currentPupil = -1;
                    while (rows.next()) {
                        long pupil = rows.getLong(1);
                        if (current == null || pupil != currentPupil) {
                            currentPupil = pupil;
                            current = byPupil.computeIfAbsent(pupil, id -> new ArrayList<>());
                        }
                        current.add(new MarkedSession(LocalDate.ofEpochDay(rows.getLong(2) - TO_DAYS_OF_EPOCH),
                                Session.valueOf(rows.getString(3)), AttendanceCode.ofMark(rows.getString(4))));
                    }
                }
            }
            return byPupil;
        });
    }

    /** Dates on which the school held at least one session: its calendar of school days. */
    public static List<LocalDate> schoolDays(String schoolId, LocalDate from, LocalDate to) {
        return getEntityManager()
                .createQuery("select distinct m.date from SessionMark m where m.schoolId = ?1"
                        + " and m.date >= ?2 and m.date <= ?3 and m.code <> ?4 order by m.date", LocalDate.class)
                .setParameter(1, schoolId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, AttendanceCode.CLOSED.mark())
                .getResultList();
    }
}

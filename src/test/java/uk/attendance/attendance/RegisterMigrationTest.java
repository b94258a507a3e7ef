package uk.attendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V51__Pupil_registers_from_marks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A database holding marks from before the compact register gets its compact rows when it is migrated. */
@QuarkusTest
class RegisterMigrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void theServiceRanTheJavaMigrationAtStart() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT type, success FROM flyway_schema_history WHERE version = '51'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("JDBC");
            assertThat(row.getBoolean(2)).isTrue();
        }
    }

    @Test
    void migratingADatabaseWithMarksBuildsEachPupilsYearFromThem() throws SQLException {
        String url = scratchDatabase();
        Flyway before = flyway(url).target("5").cleanDisabled(false).load();
        before.clean();
        before.migrate();
        try (Connection connection = DriverManager.getConnection(url, "root", ""); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO school VALUES ('old', 'Old school', 'coopers', NOW(), NOW())");
            sql.execute("INSERT INTO pupil VALUES (7, 'old', 'A123456789012', 'A', 'B', '2012-01-01', 9, NOW(), NOW())");
            sql.execute("INSERT INTO session_mark VALUES (1, 'old', 7, '2025-09-02', 'AM', '/', NOW(), 'x', 'y'),"
                    + " (2, 'old', 7, '2025-09-02', 'PM', 'Y1', NOW(), 'x', 'y'), (3, 'old', 7, '2025-07-18', 'PM', 'N', NOW(), 'x', 'y'),"
                    + " (4, 'old', 7, '2025-09-05', 'AM', '#', NOW(), 'x', 'y')");

            flyway(url).load().migrate();

            assertThat(rows(sql, "SELECT CONCAT(academic_year, ' ', sessions) FROM pupil_register ORDER BY academic_year"))
                    .containsExactly("2024 " + "-".repeat(CompactRegister.position(java.time.LocalDate.of(2025, 7, 18), Session.PM)) + "N",
                            "2025 --/1----#");
            assertThat(rows(sql, "SELECT day FROM register_day WHERE school_id = 'old' ORDER BY day"))
                    .containsExactly("2025-07-18", "2025-09-02");
        }
    }

    /** The SQL migrations from the sources, and the Java one given directly rather than found by scanning. */
    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "root", "").locations("filesystem:src/main/resources/db/migration")
                .javaMigrations(new V51__Pupil_registers_from_marks());
    }

    /** A database of its own beside the suite's, on the same server. */
    private String scratchDatabase() throws SQLException {
        String name = uk.attendance.MariaDbTestResource.DATABASE + "_migration";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE IF NOT EXISTS " + name);
        }
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return url.replaceFirst("(jdbc:mariadb://[^/]+/)[^?]*", "$1" + name);
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

package uk.attendance.attendance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.attendance.TableCounts;
import uk.attendance.TestData;

/**
 * The database connection dies half-way through a nightly post: the caller is told nothing was stored,
 * nothing was, and the same post then succeeds.
 */
@QuarkusTest
class FailedPostTest {

    private static final int PUPILS = 100;

    @Inject
    DataSource dataSource;

    @Test
    void aPostWhoseConnectionIsKilledHalfWayStoresNothing() throws Exception {
        String school = TestData.school("coopers");
        List<String> upns = new ArrayList<>();
        List<Map<String, Object>> pupils = new ArrayList<>();
        for (int i = 0; i < PUPILS; i++) {
            upns.add(TestData.upn(500 + i));
            pupils.add(pupil(upns.get(i), "2012-03-04", 9));
        }
        TestData.pupils(school, pupils.toArray(Map[]::new));
        // One acknowledged mark, which the big post amends after inserting everything else.
        post(school, "upn,date,session,code\n" + upns.get(0) + ",2025-09-01,AM,N\n").statusCode(200).body("inserted", equalTo(1));
        String term = term(upns);
        int marks = (int) term.lines().count() - 1;
        TableCounts before = TableCounts.of(dataSource);

        try (Connection blocker = dataSource.getConnection()) {
            // Holding the acknowledged mark stops the post at its amendment, with every insert already sent.
            blocker.setAutoCommit(false);
            lockMark(blocker, school);
            CompletableFuture<ValidatableResponse> failed = CompletableFuture.supplyAsync(() -> post(school, term));
            long postConnection = awaitStatement(blocker, "UPDATE session_mark%", failed);
            assertThat(uncommittedInserts(blocker, postConnection)).as("rows the post had written").isGreaterThan(marks / 2);
            try (Statement kill = blocker.createStatement()) {
                kill.execute("KILL CONNECTION " + postConnection);
            }
            failed.get().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("No marks were stored")).body("detail", containsString("post it again"));
            blocker.rollback();
        }

        assertThat(TableCounts.of(dataSource)).isEqualTo(before);
        given().get("/api/schools/{id}/pupils/{upn}/attendance", school, upns.get(0)).then().body("code", equalTo(List.of("N")));
        post(school, term).statusCode(200).body("received", equalTo(marks)).body("inserted", equalTo(marks - 1))
                .body("amended", equalTo(1));
    }

    /** Every weekday of the autumn half term for every pupil, the first session amended from N to O. */
    private static String term(List<String> upns) {
        StringBuilder csv = new StringBuilder("upn,date,session,code\n");
        for (String upn : upns) {
            for (LocalDate day = LocalDate.of(2025, 9, 1); day.isBefore(LocalDate.of(2025, 10, 25)); day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() <= 5) {
                    csv.append(upn).append(',').append(day).append(",AM,").append(day.getDayOfMonth() == 1 ? "O" : "/").append('\n');
                    csv.append(upn).append(',').append(day).append(",PM,\\\n");
                }
            }
        }
        return csv.toString();
    }

    private static ValidatableResponse post(String school, String csv) {
        return given().contentType("text/csv").body(csv).post("/api/schools/{id}/attendance", school).then();
    }

    /** Locks the school's one mark by its key alone, so that inserts beside it do not wait. */
    private static void lockMark(Connection connection, String school) throws SQLException {
        long id;
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM session_mark WHERE school_id = ?")) {
            find.setString(1, school);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM session_mark WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, id);
            lock.executeQuery().close();
        }
    }

    /** The id of the connection running a statement like {@code pattern} on this database. */
    private static long awaitStatement(Connection connection, String pattern, CompletableFuture<?> request) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE ?")) {
            find.setString(1, pattern);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rows = find.executeQuery()) {
                    if (rows.next()) {
                        return rows.getLong(1);
                    }
                }
                assertThat(request).as("the post ended before it reached " + pattern).isNotDone();
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no statement like " + pattern + " within 60 s");
    }

    private static long uncommittedInserts(Connection connection, long connectionId) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(
                "SELECT trx_rows_modified FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = ?")) {
            rows.setLong(1, connectionId);
            try (ResultSet result = rows.executeQuery()) {
                assertThat(result.next()).as("the post's open transaction").isTrue();
                return result.getLong(1);
            }
        }
    }
}

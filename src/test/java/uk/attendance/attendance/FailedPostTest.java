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
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.attendance.DbSessions;
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
        String term = TestData.presentEveryWeekday(upns, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 24));
        int marks = (int) term.lines().count() - 1;
        TableCounts before = TableCounts.of(dataSource);

        try (Connection blocker = dataSource.getConnection()) {
            // Holding the acknowledged mark stops the post at its amendment, with every insert already sent.
            blocker.setAutoCommit(false);
            DbSessions.lockMark(blocker, school, upns.get(0), "2025-09-01", "AM");
            CompletableFuture<ValidatableResponse> failed = CompletableFuture.supplyAsync(() -> post(school, term));
            long postConnection = DbSessions.awaitStatement(blocker, "UPDATE session_mark%", Duration.ofSeconds(60));
            assertThat(DbSessions.uncommittedRows(blocker, postConnection)).as("rows the post had written").isGreaterThan(marks / 2);
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

    private static ValidatableResponse post(String school, String csv) {
        return given().contentType("text/csv").body(csv).post("/api/schools/{id}/attendance", school).then();
    }

    /** Locks the school's one mark by its key alone, so that inserts beside it do not wait. */
}

package uk.attendance.action;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.attendance.TableCounts;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/**
 * Two leads (or one double click) deciding the same action at the same moment: one decision is
 * recorded, with its interventions once; the other request gets 409 and records nothing.
 */
@QuarkusTest
class ConcurrentDecisionTest {

    private static final int ROUNDS = 6;

    @Inject
    DataSource dataSource;

    @Test
    void ofTwoRacingDecisionsOneIsRecordedOnceAndTheOtherGets409() throws Exception {
        String school = TestData.school("coopers");
        List<String> upns = new ArrayList<>();
        List<Map<String, String>> marks = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            String upn = TestData.upn(700 + i);
            upns.add(upn);
            TestData.pupils(school, pupil(upn, "2011-10-04", 9));
            for (LocalDate d = LocalDate.of(2025, 9, 8); !d.isAfter(LocalDate.of(2025, 9, 19)); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    boolean off = d.getDayOfWeek() == DayOfWeek.MONDAY;
                    marks.add(mark(upn, d.toString(), "AM", off ? "O" : "/"));
                    marks.add(mark(upn, d.toString(), "PM", off ? "O" : "\\"));
                }
            }
        }
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks)).post("/api/schools/{id}/attendance", school)
                .then().statusCode(200);
        TestUsers.Person lead = TestUsers.lead(school);
        TestUsers.Person other = TestUsers.lead(school);
        ExecutorService leads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String upn = upns.get(round);
                Number actionId = given().queryParam("upn", upn).queryParam("type", "AT1_LETTER").queryParam("status", "OPEN")
                        .get("/api/schools/{id}/actions", school).then().statusCode(200).extract().path("[0].id");
                // Even rounds: a double click completing the letter; odd rounds: one lead completes, the other dismisses.
                String secondDecision = round % 2 == 0 ? "COMPLETED" : "DISMISSED";
                TableCounts before = TableCounts.of(dataSource);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Response> first = leads.submit(() -> {
                    together.await();
                    return decide(lead, school, actionId, "COMPLETED");
                });
                Future<Response> second = leads.submit(() -> {
                    together.await();
                    return decide(other, school, actionId, secondDecision);
                });
                List<Response> answers = List.of(first.get(), second.get());
                TableCounts after = TableCounts.of(dataSource);

                assertThat(answers).extracting(Response::statusCode).as("round %d", round).containsExactlyInAnyOrder(200, 409);
                Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
                assertThat(refused.contentType()).startsWith("application/problem+json");
                String winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().path("status");
                assertThat(after.get("action_decision") - before.get("action_decision")).isEqualTo(1);
                assertThat(after.get("intervention") - before.get("intervention")).isEqualTo(winner.equals("COMPLETED") ? 1 : 0);
                assertThat(given().queryParam("upn", upn).queryParam("type", "AT1_LETTER").get("/api/schools/{id}/actions", school)
                        .then().statusCode(200).extract().jsonPath().getList("status")).containsExactly(winner);
            }
        } finally {
            leads.shutdownNow();
        }
    }

    private static Response decide(TestUsers.Person lead, String school, Number actionId, String decision) {
        return lead.given().contentType(ContentType.JSON).body(Map.of("decision", decision, "date", "2025-09-19"))
                .post("/api/schools/{id}/actions/{action}/decision", school, actionId);
    }
}

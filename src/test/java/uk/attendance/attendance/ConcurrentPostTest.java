package uk.attendance.attendance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.attendance.TableCounts;
import uk.attendance.TestData;

/**
 * Two nightly posts for one school arriving at once (an MIS retrying a post it thinks timed out, or two
 * exports overlapping) store every mark and every amendment exactly once and raise each action once.
 */
@QuarkusTest
class ConcurrentPostTest {

    private static final int PUPILS = 150;
    private static final int ROUNDS = 5;

    @Inject
    DataSource dataSource;

    @Test
    void theSameBatchPostedTwiceAtOnceIsStoredOnce() throws Exception {
        String school = TestData.school("coopers");
        List<String> upns = new ArrayList<>();
        List<Map<String, Object>> pupils = new ArrayList<>();
        for (int i = 0; i < PUPILS; i++) {
            upns.add(TestData.upn(300 + i));
            pupils.add(pupil(upns.get(i), "2012-03-04", 9));
        }
        TestData.pupils(school, pupils.toArray(Map[]::new));
        ExecutorService posters = Executors.newFixedThreadPool(2);
        Random random = new Random(4);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                LocalDate monday = LocalDate.of(2025, 9, 8).plusWeeks(2L * round);
                post(school, week(upns, monday, "/", "\\"));
                // Every pupil's first week amended to unauthorised absence, and a new week of presence.
                List<Map<String, String>> corrected = week(upns, monday, "O", "O");
                List<Map<String, String>> fresh = week(upns, monday.plusWeeks(1), "/", "\\");
                List<Map<String, String>> marks = new ArrayList<>(corrected);
                marks.addAll(fresh);
                List<Map<String, String>> reordered = new ArrayList<>(marks);
                Collections.shuffle(reordered, random);

                TableCounts before = TableCounts.of(dataSource);
                CountDownLatch start = new CountDownLatch(1);
                Future<JsonPath> first = posters.submit(() -> {
                    start.await();
                    return post(school, marks);
                });
                Future<JsonPath> second = posters.submit(() -> {
                    start.await();
                    return post(school, reordered);
                });
                start.countDown();
                JsonPath a = first.get();
                JsonPath b = second.get();
                TableCounts after = TableCounts.of(dataSource);

                assertThat(a.getInt("inserted") + b.getInt("inserted")).as("round %d inserted", round).isEqualTo(fresh.size());
                assertThat(a.getInt("amended") + b.getInt("amended")).as("round %d amended", round).isEqualTo(corrected.size());
                assertThat(a.getInt("unchanged") + b.getInt("unchanged")).as("round %d unchanged", round).isEqualTo(marks.size());
                assertThat(after.get("session_mark") - before.get("session_mark")).as("round %d marks", round).isEqualTo(fresh.size());
                assertThat(after.get("mark_amendment") - before.get("mark_amendment")).as("round %d amendments", round)
                        .isEqualTo(corrected.size());
                int raised = a.getInt("evaluation.actionsRaised") + b.getInt("evaluation.actionsRaised");
                assertThat(after.get("recommended_action") - before.get("recommended_action")).as("round %d actions", round)
                        .isEqualTo(raised);
                if (round == 0) {
                    // Ten unauthorised sessions: each pupil meets the national penalty-notice threshold, once.
                    assertThat(raised).isGreaterThanOrEqualTo(PUPILS);
                }
            }
        } finally {
            posters.shutdownNow();
        }
        given().queryParam("type", "CONSIDER_PENALTY_NOTICE").get("/api/schools/{id}/actions", school).then()
                .statusCode(200).body("size()", equalTo(PUPILS));
    }

    private static List<Map<String, String>> week(List<String> upns, LocalDate monday, String am, String pm) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (String upn : upns) {
            for (int day = 0; day < 5; day++) {
                marks.add(mark(upn, monday.plusDays(day).toString(), "AM", am));
                marks.add(mark(upn, monday.plusDays(day).toString(), "PM", pm));
            }
        }
        return marks;
    }

    private static JsonPath post(String school, List<Map<String, String>> marks) {
        return given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200).extract().jsonPath();
    }
}

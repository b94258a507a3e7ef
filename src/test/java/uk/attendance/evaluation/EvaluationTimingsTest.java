package uk.attendance.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/** Where an evaluation's time went, and the measures-only evaluation the benchmark compares it with. */
@QuarkusTest
class EvaluationTimingsTest {

    private static final List<String> PHASES = List.of("loadFactsMs", "computeMeasuresMs", "fireRulesMs", "storeActionsMs");

    private static void post(String school, List<Map<String, String>> marks) {
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200)
                .body("evaluation.timings.totalMs", greaterThanOrEqualTo(0));
    }

    /** Present every weekday from {@code from} to {@code to}. */
    private static List<Map<String, String>> present(String upn, LocalDate from, LocalDate to) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                marks.add(mark(upn, d.toString(), "AM", "/"));
                marks.add(mark(upn, d.toString(), "PM", "\\"));
            }
        }
        return marks;
    }

    @Test
    void anEvaluationSaysWhereItsTimeWent() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(300);
        TestData.pupils(school, pupil(upn, "2015-03-02", 5));
        post(school, present(upn, LocalDate.of(2025, 9, 8), LocalDate.of(2025, 9, 19)));

        Map<String, Integer> timings = given().queryParam("asOf", "2025-09-19").post("/api/schools/{id}/evaluate", school)
                .then().statusCode(200)
                .body("pupilsEvaluated", equalTo(1))
                .extract().jsonPath().getMap("timings", String.class, Integer.class);
        assertThat(timings).containsKeys(PHASES.toArray(String[]::new)).containsKey("totalMs");
        assertThat(timings.values()).allSatisfy(ms -> assertThat(ms).isNotNegative());
        // Each phase is rounded down to a millisecond on its own.
        assertThat(timings.get("totalMs") + PHASES.size()).isGreaterThanOrEqualTo(PHASES.stream().mapToInt(timings::get).sum());
    }

    @Test
    void measuresOnlyEvaluatesEveryPupilButFiresNoRuleAndStoresNothing() {
        String school = TestData.school("st-dunstans");
        String unresolved = TestData.upn(301);
        String present = TestData.upn(302);
        TestData.pupils(school, pupil(unresolved, "2015-03-02", 5), pupil(present, "2015-04-02", 5));
        // An N code, then two weeks in which only the other pupil's marks arrive: as of the end of them the N is
        // more than 5 school days old, but no post has evaluated its pupil since.
        post(school, List.of(mark(unresolved, "2025-09-08", "AM", "N"), mark(unresolved, "2025-09-08", "PM", "\\")));
        post(school, present(present, LocalDate.of(2025, 9, 8), LocalDate.of(2025, 9, 19)));
        given().queryParam("upn", unresolved).get("/api/schools/{id}/actions", school).then().statusCode(200).body("", empty());

        given().queryParam("asOf", "2025-09-19").queryParam("measuresOnly", true).post("/api/schools/{id}/evaluate", school)
                .then().statusCode(200)
                .body("pupilsEvaluated", equalTo(2))
                .body("actionsRaised", equalTo(0))
                .body("actions", empty())
                .body("timings.fireRulesMs", equalTo(0))
                .body("timings.storeActionsMs", equalTo(0));
        given().queryParam("upn", unresolved).get("/api/schools/{id}/actions", school).then().statusCode(200).body("", empty());

        given().queryParam("asOf", "2025-09-19").post("/api/schools/{id}/evaluate", school).then().statusCode(200)
                .body("actions.type", hasItem("RESOLVE_N_CODE"));
    }

    @Test
    void measuresOnlyIsForAdminsALeadMayOnlyEvaluate() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        lead.given().queryParam("asOf", "2025-09-19").queryParam("measuresOnly", true).post("/api/schools/{id}/evaluate", school)
                .then().statusCode(403);
        lead.given().queryParam("asOf", "2025-09-19").post("/api/schools/{id}/evaluate", school).then().statusCode(200);
    }
}

package uk.attendance.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;

/** Deciding many actions at once: all of them, or none when one item is bad. */
@QuarkusTest
class BulkDecisionTest {

    private String school;
    private final List<String> upns = List.of(TestData.upn(401), TestData.upn(402), TestData.upn(403));
    private List<Integer> at1;

    @BeforeEach
    void threeAt1Letters() {
        school = TestData.school("coopers");
        List<Map<String, String>> marks = new ArrayList<>();
        for (String upn : upns) {
            TestData.pupils(school, TestData.pupil(upn, "2011-10-04", 9));
            for (LocalDate d = LocalDate.of(2025, 9, 8); !d.isAfter(LocalDate.of(2025, 9, 19)); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    String code = d.getDayOfWeek().getValue() == 1 ? "I" : "/";
                    marks.add(TestData.mark(upn, d.toString(), "AM", code));
                    marks.add(TestData.mark(upn, d.toString(), "PM", code));
                }
            }
        }
        given().contentType(ContentType.JSON).body(TestData.batch("SIMS nightly", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
        at1 = given().queryParam("type", "AT1_LETTER").get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("", hasSize(3)).extract().jsonPath().getList("id", Integer.class);
    }

    private static Map<String, Object> completed(Object id) {
        return Map.of("id", id, "decision", "COMPLETED", "note", "Posted first class", "date", "2025-09-22");
    }

    @Test
    void completingLettersAtOnceRecordsEachLetterWithTheSharedNoteAndDate() {
        given().contentType(ContentType.JSON).body(at1.stream().map(BulkDecisionTest::completed).toList())
                .post("/api/schools/{id}/actions/decisions", school).then().statusCode(200)
                .body("id", contains(at1.toArray()))
                .body("status", everyItem(equalTo("COMPLETED")))
                .body("note", everyItem(equalTo("Posted first class")));
        for (String upn : upns) {
            given().get("/api/schools/{id}/pupils/{upn}/interventions", school, upn).then().statusCode(200)
                    .body("findAll { it.kind == 'LETTER' }.type", contains("AT1"))
                    .body("findAll { it.kind == 'LETTER' }.date", contains("2025-09-22"));
        }
    }

    @Test
    void oneBadItemDecidesNothingAndIsNamedByItsIndex() {
        List<Map<String, Object>> batch = new ArrayList<>(List.of(completed(at1.get(0)),
                Map.of("id", 99999999, "decision", "COMPLETED"), Map.of("id", at1.get(2), "decision", "SENT")));
        given().contentType(ContentType.JSON).body(batch).post("/api/schools/{id}/actions/decisions", school).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.index", contains(1, 2))
                .body("errors.field", contains("id", "decision"))
                .body("errors[0].message", containsString("99999999"));
        given().queryParam("type", "AT1_LETTER").get("/api/schools/{id}/actions", school).then()
                .body("status", everyItem(equalTo("OPEN")));
        given().get("/api/schools/{id}/pupils/{upn}/interventions", school, upns.get(0)).then().body("", hasSize(0));
    }

    @Test
    void anActionAlreadyDecidedOrListedTwiceRefusesTheBatch() {
        given().contentType(ContentType.JSON).body(List.of(completed(at1.get(1))))
                .post("/api/schools/{id}/actions/decisions", school).then().statusCode(200);
        given().contentType(ContentType.JSON).body(List.of(completed(at1.get(0)), completed(at1.get(1))))
                .post("/api/schools/{id}/actions/decisions", school).then().statusCode(400)
                .body("errors.index", contains(1))
                .body("errors[0].message", containsString("already COMPLETED"));
        given().contentType(ContentType.JSON).body(List.of(completed(at1.get(0)), completed(at1.get(0))))
                .post("/api/schools/{id}/actions/decisions", school).then().statusCode(400)
                .body("errors.index", contains(1));
        given().queryParam("upn", upns.get(0)).queryParam("type", "AT1_LETTER").get("/api/schools/{id}/actions", school).then()
                .body("[0].status", equalTo("OPEN"));
    }

    @Test
    void anotherSchoolsActionIsNotFoundInThisOne() {
        String other = TestData.school("coopers");
        given().contentType(ContentType.JSON).body(List.of(completed(at1.get(0))))
                .post("/api/schools/{id}/actions/decisions", other).then().statusCode(400)
                .body("errors[0].index", equalTo(0)).body("errors[0].field", equalTo("id"));
    }
}

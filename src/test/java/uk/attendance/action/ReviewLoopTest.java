package uk.attendance.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/** The whole loop through REST on the Coopers ladder: marks → action → completed by a lead → next stage. */
@QuarkusTest
class ReviewLoopTest {

    private static final String AT1_RULE = "Coopers: Cause for concern level 1 — AT1 letter";
    private static final String AT2_RULE = "Coopers: Cause for concern level 2 — AT2 letter";

    /** Weekdays from {@code from} to {@code to}; every Monday the pupil is off ill, so attendance sits at 80%. */
    private static List<Map<String, String>> weeksWithMondaysOff(String upn, LocalDate from, LocalDate to) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            boolean off = d.getDayOfWeek() == DayOfWeek.MONDAY;
            marks.add(mark(upn, d.toString(), "AM", off ? "I" : "/"));
            marks.add(mark(upn, d.toString(), "PM", off ? "I" : "\\"));
        }
        return marks;
    }

    private static void post(String school, List<Map<String, String>> marks) {
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
    }

    @Test
    void aCompletedAt1LetterMovesThePupilToAt2AfterItsMonitoringPeriod() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(100);
        TestData.pupils(school, pupil(upn, "2011-10-04", 9));

        // Two weeks at 80%: straight below 94%, but the ladder starts with AT1. Every day is judged: the condition
        // first held on the first Monday, when the pupil was off ill.
        post(school, weeksWithMondaysOff(upn, LocalDate.of(2025, 9, 8), LocalDate.of(2025, 9, 19)));
        given().queryParam("upn", upn).get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("type", hasItem("AT1_LETTER"))
                .body("type", not(hasItem("AT2_LETTER")));
        Map<String, Object> at1 = given().queryParam("upn", upn).queryParam("type", "AT1_LETTER").queryParam("status", "OPEN")
                .get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].rule", equalTo(AT1_RULE))
                .body("[0].policy", equalTo("coopers"))
                .body("[0].reason", containsString("On 8 September 2025: Attendance 0.0% this year"))
                .body("[0].conditionMetOn", equalTo("2025-09-08"))
                .body("[0].clause", containsString("97%"))
                .body("[0].raisedOn", equalTo("2025-09-19"))
                .body("[0]", hasKey("decidedBy"))
                .body("[0].decidedBy", nullValue())
                .extract().jsonPath().getMap("[0]");
        Number at1Id = (Number) at1.get("id");

        // Evaluating again with the same facts raises nothing new.
        given().queryParam("asOf", "2025-09-19").post("/api/schools/{id}/evaluate", school).then().statusCode(200)
                .body("actionsRaised", equalTo(0)).body("actions", empty());

        // The school's attendance lead sends the letter; completing the action records it.
        TestUsers.Person lead = TestUsers.lead(school);
        lead.given().contentType(ContentType.JSON).body(Map.of("decision", "COMPLETED", "date", "2025-09-19", "note", "Posted first class"))
                .post("/api/schools/{id}/actions/{action}/decision", school, at1Id).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decidedBy", equalTo(lead.username()))
                .body("note", equalTo("Posted first class"));
        given().get("/api/schools/{id}/pupils/{upn}/interventions", school, upn).then().statusCode(200)
                .body("kind", contains("LETTER")).body("type", contains("AT1")).body("date", contains("2025-09-19"));

        // A decision is never edited afterwards.
        given().contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED"))
                .post("/api/schools/{id}/actions/{action}/decision", school, at1Id).then().statusCode(409)
                .contentType("application/problem+json");

        // Nineteen school days after the letter, still at 80%: the 4-week monitoring period has not passed.
        post(school, weeksWithMondaysOff(upn, LocalDate.of(2025, 9, 22), LocalDate.of(2025, 10, 16)));
        given().queryParam("upn", upn).queryParam("type", "AT2_LETTER").get("/api/schools/{id}/actions", school).then()
                .body("", empty());

        // The twentieth school day: no improvement since the AT1 letter, and below 94%.
        post(school, weeksWithMondaysOff(upn, LocalDate.of(2025, 10, 17), LocalDate.of(2025, 10, 17)));
        given().queryParam("upn", upn).queryParam("type", "AT2_LETTER").get("/api/schools/{id}/actions", school).then()
                .body("", hasSize(1))
                .body("[0].rule", equalTo(AT2_RULE))
                .body("[0].raisedOn", equalTo("2025-10-17"))
                .body("[0].conditionMetOn", equalTo("2025-10-17"))
                .body("[0].status", equalTo("OPEN"));

        // asOf uses only what was known then: as of the 16th the AT2 stage had not been reached.
        given().queryParam("asOf", "2025-10-16").get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("actions.type", hasItem("AT1_LETTER"))
                .body("actions.type", not(hasItem("AT2_LETTER")))
                .body("band", equalTo("Cause for concern level 2"))
                .body("interventions.type", contains("AT1"));
    }

    @Test
    void actionsAreListedNewestFirstAndFilterByStatus() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(101);
        TestData.pupils(school, pupil(upn, "2011-10-04", 9));
        post(school, weeksWithMondaysOff(upn, LocalDate.of(2025, 9, 8), LocalDate.of(2025, 9, 19)));
        List<Number> ids = given().get("/api/schools/{id}/actions", school).then().statusCode(200).extract().jsonPath().getList("id");
        given().contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED", "note", "Known medical condition"))
                .post("/api/schools/{id}/actions/{action}/decision", school, ids.get(0)).then().statusCode(200);
        given().queryParam("status", "DISMISSED").get("/api/schools/{id}/actions", school).then()
                .body("id", contains(ids.get(0).intValue())).body("[0].decisions", hasSize(1));
        given().queryParam("status", "OPEN").get("/api/schools/{id}/actions", school).then()
                .body("status", everyItem(equalTo("OPEN")));
        given().queryParam("status", "MAYBE").get("/api/schools/{id}/actions", school).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void aPenaltyNoticeActionKeepsParentIdsThatContainACommaAndCompletingItRecordsANoticeForEach() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(102);
        Map<String, Object> withCommas = new HashMap<>(pupil(upn, "2011-10-04", 9));
        withCommas.put("parents", List.of(Map.of("parentId", "SMITH, J", "name", "Parent One"),
                Map.of("parentId", "SMITH, K", "name", "Parent Two")));
        TestData.pupils(school, withCommas);
        post(school, TestData.unauthorisedWeek(upn));

        Number id = given().queryParam("upn", upn).queryParam("type", "CONSIDER_PENALTY_NOTICE")
                .get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("[0].parentIds", contains("SMITH, J", "SMITH, K")).extract().path("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("decision", "COMPLETED", "date", "2025-09-19", "note", "Issued by the LA"))
                .post("/api/schools/{id}/actions/{action}/decision", school, id).then().statusCode(200);
        given().get("/api/schools/{id}/pupils/{upn}/interventions", school, upn).then().statusCode(200)
                .body("findAll { it.kind == 'PENALTY_NOTICE' }.parentId", contains("SMITH, J", "SMITH, K"));
    }
}

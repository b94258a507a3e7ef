package uk.attendance.pupil;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;

/** The pupils list: search, filters, order and paging, with attendance and band from the latest evaluation. */
@QuarkusTest
class PupilListTest {

    private String school;
    private final String amara = TestData.upn(301);
    private final String ben = TestData.upn(302);
    private final String cara = TestData.upn(303);
    private final String dev = TestData.upn(304);

    private static Map<String, Object> pupil(String upn, String given, String family, int year, String group) {
        Map<String, Object> pupil = new HashMap<>(TestData.pupil(upn, "2011-10-04", year));
        pupil.put("givenName", given);
        pupil.put("familyName", family);
        if (group != null) {
            pupil.put("registrationGroup", group);
        }
        return pupil;
    }

    /** Weekdays 8–19 September 2025; the pupil misses {@code daysOff} of the week's days (Monday first) to illness. */
    private static List<Map<String, String>> twoWeeks(String upn, int daysOff) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 9, 8); !d.isAfter(LocalDate.of(2025, 9, 19)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            boolean off = d.getDayOfWeek().getValue() <= daysOff;
            marks.add(TestData.mark(upn, d.toString(), "AM", off ? "I" : "/"));
            marks.add(TestData.mark(upn, d.toString(), "PM", off ? "I" : "/"));
        }
        return marks;
    }

    @BeforeEach
    void roll() {
        school = TestData.school("coopers");
        TestData.pupils(school, pupil(amara, "Amara", "Okafor", 9, "9A"), pupil(ben, "Ben", "Ali", 9, "9B"),
                pupil(cara, "Cara", "Smith", 10, "10A"), pupil(dev, "Dev", "Alison", 9, "9A"));
        List<Map<String, String>> marks = new ArrayList<>();
        marks.addAll(twoWeeks(amara, 0));   // 100%
        marks.addAll(twoWeeks(ben, 1));     // 80%: AT1 letter
        marks.addAll(twoWeeks(cara, 2));    // 60%: AT1 letter
        // Dev has no marks yet.
        given().contentType(ContentType.JSON).body(TestData.batch("SIMS nightly", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
    }

    @Test
    void searchMatchesGivenNameFamilyNameOrUpnIgnoringCase() {
        given().queryParam("search", "ALI").get("/api/schools/{id}/pupils", school).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.familyName", contains("Ali", "Alison"));
        given().queryParam("search", "amara").get("/api/schools/{id}/pupils", school).then()
                .body("items.upn", contains(amara));
        given().queryParam("search", cara.substring(0, 12).toLowerCase()).get("/api/schools/{id}/pupils", school).then()
                .body("items.upn", contains(cara));
        given().queryParam("search", "ben ali").get("/api/schools/{id}/pupils", school).then()
                .body("items.upn", contains(ben));
        given().queryParam("search", "%").get("/api/schools/{id}/pupils", school).then().body("total", equalTo(0));
    }

    @Test
    void sortByAttendancePutsTheLowestFirstAndThePupilWithoutMarksLast() {
        given().queryParam("sort", "attendance").get("/api/schools/{id}/pupils", school).then().statusCode(200)
                .body("items.upn", contains(cara, ben, amara, dev))
                .body("items[0].attendancePercent", equalTo(60.0f))
                .body("items[0].band", equalTo("Cause for concern level 2"))
                .body("items[0].openActions", equalTo(openActions(cara)))
                .body("items[0].persistentlyAbsent", equalTo(true))
                .body("items[0].registrationGroup", equalTo("10A"))
                .body("items[2].attendancePercent", equalTo(100.0f))
                .body("items[2].openActions", equalTo(openActions(amara)))
                .body("items[3].attendancePercent", nullValue())
                .body("items[3].openActions", equalTo(0));
    }

    private int openActions(String upn) {
        return given().queryParam("upn", upn).queryParam("status", "OPEN").get("/api/schools/{id}/actions", school).then()
                .statusCode(200).extract().jsonPath().getList("").size();
    }

    @Test
    void filtersCombineAndPagesComeFromTheDatabase() {
        given().queryParam("yearGroup", "9").queryParam("registrationGroup", "9A").get("/api/schools/{id}/pupils", school).then()
                .body("items.upn", contains(dev, amara));
        given().queryParam("persistentlyAbsent", "true").queryParam("sort", "attendance").get("/api/schools/{id}/pupils", school)
                .then().body("items.upn", contains(cara, ben));
        given().queryParam("hasOpenActions", "false").get("/api/schools/{id}/pupils", school).then()
                .body("items.upn", contains(dev));
        given().queryParam("band", "cause for concern level 2").queryParam("sort", "name").get("/api/schools/{id}/pupils", school)
                .then().body("items.upn", contains(ben, cara));
        given().queryParam("limit", "2").queryParam("offset", "2").get("/api/schools/{id}/pupils", school).then()
                .body("total", equalTo(4))
                .body("items.familyName", contains("Okafor", "Smith"));
    }

    @Test
    void asOfAnEarlierDateGivesTheFiguresOfThatDate() {
        // By Monday 8 September Ben had missed that one day: 0%.
        given().queryParam("asOf", "2025-09-08").queryParam("search", "Ben").get("/api/schools/{id}/pupils", school).then()
                .body("items[0].attendancePercent", equalTo(0.0f));
    }

    @Test
    void aBadParameterIsNamed() {
        given().queryParam("sort", "age").get("/api/schools/{id}/pupils", school).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        given().queryParam("limit", "0").get("/api/schools/{id}/pupils", school).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("persistentlyAbsent", "maybe").get("/api/schools/{id}/pupils", school).then().statusCode(400)
                .body("errors[0].field", equalTo("persistentlyAbsent"));
    }

    @Test
    void aLongRegistrationGroupIsRefusedByRow() {
        Map<String, Object> row = pupil(TestData.upn(305), "Eve", "Long", 9, "x".repeat(33));
        given().contentType(ContentType.JSON).body(List.of(row)).put("/api/schools/{id}/pupils", school).then().statusCode(400)
                .body("errors[0].index", equalTo(0)).body("errors[0].field", equalTo("registrationGroup"));
        given().get("/api/schools/{id}/pupils/{upn}", school, TestData.upn(305)).then().statusCode(404);
    }
}

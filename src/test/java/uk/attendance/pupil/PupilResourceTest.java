package uk.attendance.pupil;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;

@QuarkusTest
class PupilResourceTest {

    @Test
    void upsertCreatesThenUpdatesAndKeepsParents() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(10);
        Map<String, Object> inNine = new java.util.HashMap<>(pupil(upn, "2012-03-04", 9));
        inNine.put("registrationGroup", "9B");
        given().contentType(ContentType.JSON).body(List.of(inNine))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(0));
        given().get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200).body("registrationGroup", equalTo("9B"));
        Map<String, Object> moved = new java.util.HashMap<>(pupil(upn, "2012-03-04", 10));
        moved.put("parents", List.of(Map.of("parentId", "P2", "name", "Parent Two")));
        moved.put("registrationGroup", " 10C ");
        given().contentType(ContentType.JSON).body(List.of(moved))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1));
        given().queryParam("asOf", "2025-10-01").get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("yearGroup", equalTo(10))
                .body("registrationGroup", equalTo("10C"))
                .body("parents.parentId", contains("P2"))
                .body("characteristics", contains("FSM"))
                .body("compulsorySchoolAge", equalTo(true));
    }

    @Test
    void parentIdsDifferingOnlyInCaseAreTwoParents() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(12);
        Map<String, Object> twoParents = new java.util.HashMap<>(pupil(upn, "2012-03-04", 9));
        twoParents.put("parents", List.of(Map.of("parentId", "p1", "name", "Parent One"), Map.of("parentId", "P1", "name", "Parent Two")));
        given().contentType(ContentType.JSON).body(List.of(twoParents))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200).body("created", equalTo(1));
        given().get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("parents.parentId", containsInAnyOrder("p1", "P1"));
    }

    @Test
    void aBadPupilBatchNamesEachBadRowAndSavesNothing() {
        String school = TestData.school("coopers");
        String good = TestData.upn(11);
        Map<String, Object> wrongCheckLetter = new java.util.HashMap<>(pupil("A801200005001", "2012-03-04", 9));
        Map<String, Object> noName = new java.util.HashMap<>(pupil(TestData.upn(12), "2012-03-04", 9));
        noName.remove("givenName");
        Map<String, Object> badYear = new java.util.HashMap<>(pupil(TestData.upn(13), "2012-03-04", 9));
        badYear.put("yearGroup", "Y20");
        given().contentType(ContentType.JSON).body(List.of(pupil(good, "2012-03-04", 9), wrongCheckLetter, noName, badYear))
                .put("/api/schools/{id}/pupils", school).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.index", contains(1, 2, 3))
                .body("errors.field", contains("upn", "givenName", "yearGroup"))
                .body("errors[0].message", containsString("check letter should be 'B'"));
        given().get("/api/schools/{id}/pupils/{upn}", school, good).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * Ten school days, 8–19 September 2025, with a closure on the 15th:
     * possible 20 − 2 (#) = 18; present 9 (incl. one L); attending activity 1 (V); authorised 2 (I, I);
     * unauthorised 6 (O, U, G, G, N, O). Attendance 10/18 = 55.6%, absence 8/18 = 44.4%, 4 days absent,
     * PA (8 ≥ 1.8), not SA (8 < 9); late L + U = 2; absent on the 18th and 19th → a run of 2.
     */
    @Test
    void theSummaryMatchesHandComputedDfeFigures() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(20);
        TestData.pupils(school, pupil(upn, "2012-03-04", 9));
        String[][] days = {{"2025-09-08", "/", "\\"}, {"2025-09-09", "/", "\\"}, {"2025-09-10", "I", "I"},
                {"2025-09-11", "O", "L"}, {"2025-09-12", "U", "\\"}, {"2025-09-15", "#", "#"}, {"2025-09-16", "V", "\\"},
                {"2025-09-17", "/", "\\"}, {"2025-09-18", "G", "G"}, {"2025-09-19", "N", "O"}};
        List<Map<String, String>> marks = new ArrayList<>();
        for (String[] day : days) {
            marks.add(mark(upn, day[0], "AM", day[1]));
            marks.add(mark(upn, day[0], "PM", day[2]));
        }
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);

        given().queryParam("asOf", "2025-09-19").get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("attendance.asOf", equalTo("2025-09-19"))
                .body("attendance.possibleSessions", equalTo(18))
                .body("attendance.presentSessions", equalTo(9))
                .body("attendance.approvedActivitySessions", equalTo(1))
                .body("attendance.authorisedAbsenceSessions", equalTo(2))
                .body("attendance.unauthorisedAbsenceSessions", equalTo(6))
                .body("attendance.attendancePercent", equalTo(55.6f))
                .body("attendance.absencePercent", equalTo(44.4f))
                .body("attendance.daysAbsent", equalTo(4.0f))
                .body("attendance.persistentlyAbsent", equalTo(true))
                .body("attendance.severelyAbsent", equalTo(false))
                .body("attendance.unauthorisedSessionsLast10SchoolWeeks", equalTo(6))
                .body("attendance.consecutiveAbsenceSchoolDays", equalTo(2))
                .body("attendance.lateSessions", equalTo(2));

        // As it stood on the 12th: 10 possible, 6 attended; absent on the 10th, 11th and 12th.
        given().queryParam("asOf", "2025-09-12").get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("attendance.possibleSessions", equalTo(10))
                .body("attendance.attendancePercent", equalTo(60.0f))
                .body("attendance.consecutiveAbsenceSchoolDays", equalTo(3))
                .body("attendance.unauthorisedSessionsLast10SchoolWeeks", equalTo(2));
    }

    @Test
    void unknownPupilsAndSchoolsAreNotFound() {
        String school = TestData.school("coopers");
        given().get("/api/schools/{id}/pupils/{upn}", school, TestData.upn(30)).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(TestData.upn(30)));
        given().get("/api/schools/{id}/pupils/{upn}", "no-such-school", TestData.upn(30)).then().statusCode(404);
    }

    @Test
    void pupilsAreListedForTheSchool() {
        String school = TestData.school("coopers");
        TestData.pupils(school, pupil(TestData.upn(40), "2012-03-04", 9));
        given().get("/api/schools/{id}/pupils", school).then().statusCode(200)
                .body("total", equalTo(1)).body("items.upn", hasItem(TestData.upn(40)));
    }
}

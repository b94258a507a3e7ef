package uk.attendance.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

@QuarkusTest
class CalendarResourceTest {

    /** Autumn 2025 with October half term and an INSET day; spring and summer 2026. */
    static Map<String, Object> calendar2025(List<Map<String, Object>> closures) {
        return Map.of("academicYear", "2025/26",
                "terms", List.of(
                        term("Autumn", "2025-09-03", "2025-12-19", "2025-10-27", "2025-10-31"),
                        term("Spring", "2026-01-05", "2026-03-27", "2026-02-16", "2026-02-20"),
                        term("Summer", "2026-04-13", "2026-07-22", "2026-05-25", "2026-05-29")),
                "closures", closures);
    }

    static Map<String, Object> term(String name, String start, String end, String breakStart, String breakEnd) {
        return Map.of("name", name, "start", start, "end", end, "halfTermBreak", Map.of("start", breakStart, "end", breakEnd));
    }

    static Map<String, Object> closure(String date, List<String> sessions, String reason) {
        return Map.of("date", date, "sessions", sessions, "reason", reason);
    }

    @Test
    void aPostedCalendarGivesTheSchoolDaysAndHalfTermsAndReadsBack() {
        String school = TestData.school("trust-template");
        given().contentType(ContentType.JSON)
                .body(calendar2025(List.of(closure("2025-11-14", List.of("AM", "PM"), "INSET day"),
                        closure("2026-05-07", List.of("PM"), "Polling station"))))
                .put("/api/schools/{id}/calendar", school).then().statusCode(200)
                .body("academicYear", equalTo("2025/26"))
                // Autumn: 72 weekdays from 3 Sep to 19 Dec, less the half-term week and the INSET day.
                // Spring: 60 weekdays less 5 = 55. Summer: 73 weekdays less 5 = 68. The polling-day afternoon keeps its morning.
                .body("schoolDays", equalTo(72 + 55 + 68))
                .body("terms.name", contains("Autumn", "Spring", "Summer"))
                .body("terms[0].halfTermBreak.start", equalTo("2025-10-27"))
                .body("halfTerms.start", contains("2025-09-03", "2025-11-03", "2026-01-05", "2026-02-23", "2026-04-13", "2026-06-01"))
                .body("halfTerms.end", contains("2025-10-24", "2025-12-19", "2026-02-13", "2026-03-27", "2026-05-22", "2026-07-22"))
                .body("closures.date", contains("2025-11-14", "2026-05-07"))
                .body("closures[0].sessions", contains("AM", "PM"))
                .body("closures[0].reason", equalTo("INSET day"))
                .body("closures[1].sessions", contains("PM"));
        given().queryParam("academicYear", "2025/26").get("/api/schools/{id}/calendar", school).then().statusCode(200)
                .body("schoolDays", equalTo(195))
                .body("halfTerms.size()", equalTo(6))
                .body("closures.reason", contains("INSET day", "Polling station"));
    }

    @Test
    void postingAgainReplacesTheYear() {
        String school = TestData.school("trust-template");
        given().contentType(ContentType.JSON).body(calendar2025(List.of(closure("2025-11-14", List.of("AM", "PM"), "INSET day"))))
                .put("/api/schools/{id}/calendar", school).then().statusCode(200);
        given().contentType(ContentType.JSON).body(calendar2025(List.of(closure("2025-11-17", List.of("AM", "PM"), "INSET day"))))
                .put("/api/schools/{id}/calendar", school).then().statusCode(200);
        given().queryParam("academicYear", "2025/26").get("/api/schools/{id}/calendar", school).then().statusCode(200)
                .body("closures.date", contains("2025-11-17"))
                .body("terms.size()", equalTo(3));
    }

    @Test
    void theSchoolsMisTokenMayPostItsCalendarALeadMayOnlyReadIt() {
        String school = TestData.school("trust-template");
        String token = TestUsers.misToken(school, "Arbor");
        TestUsers.asMis(token).contentType(ContentType.JSON).body(calendar2025(List.of()))
                .put("/api/schools/{id}/calendar", school).then().statusCode(200).body("postedBy", not(equalTo("admin")));
        TestUsers.Person lead = TestUsers.lead(school);
        lead.given().contentType(ContentType.JSON).body(calendar2025(List.of()))
                .put("/api/schools/{id}/calendar", school).then().statusCode(403);
        lead.given().queryParam("academicYear", "2025/26").get("/api/schools/{id}/calendar", school).then().statusCode(200)
                .body("schoolDays", equalTo(196));
    }

    @Test
    void aYearWithoutACalendarIsNotFoundAndSaysTheRegisterIsUsed() {
        String school = TestData.school("trust-template");
        given().queryParam("academicYear", "2024/25").get("/api/schools/{id}/calendar", school).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("inferred from the register"));
        given().queryParam("academicYear", "2024-25").get("/api/schools/{id}/calendar", school).then().statusCode(400)
                .body("errors.field", contains("academicYear"));
    }

    @Test
    void aCalendarThatContradictsItselfIsRefusedNamingEachFieldAndChangesNothing() {
        String school = TestData.school("trust-template");
        given().contentType(ContentType.JSON).body(calendar2025(List.of(closure("2025-11-14", List.of("AM", "PM"), "INSET day"))))
                .put("/api/schools/{id}/calendar", school).then().statusCode(200);
        Map<String, Object> bad = new HashMap<>();
        bad.put("academicYear", "2025/26");
        bad.put("terms", List.of(
                term("Autumn", "2025-09-03", "2025-12-19", "2025-12-15", "2026-01-02"),   // break outside its term
                term("Spring", "2025-12-01", "2026-03-27", "2026-02-16", "2026-02-20"),   // overlaps autumn
                Map.of("name", "Summer", "start", "2026-07-22", "end", "2026-04-13")));     // ends before it starts
        bad.put("closures", List.of(
                closure("2025-11-15", List.of("AM"), "Saturday"),
                closure("2026-04-01", List.of("AM", "PM"), "Easter holiday"),
                closure("2025-11-14", List.of("EVENING"), "INSET day")));
        given().contentType(ContentType.JSON).body(bad).put("/api/schools/{id}/calendar", school).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("terms[0].halfTermBreak.end", "terms[1].start", "terms[2].end",
                        "closures[0].date", "closures[1].date", "closures[2].sessions"));
        Map<String, Object> wrongYear = new HashMap<>(calendar2025(List.of()));
        wrongYear.put("academicYear", "2024/25");
        given().contentType(ContentType.JSON).body(wrongYear).put("/api/schools/{id}/calendar", school).then().statusCode(400)
                .body("errors.field", hasItem("terms[0].start"));
        given().queryParam("academicYear", "2025/26").get("/api/schools/{id}/calendar", school).then().statusCode(200)
                .body("closures.date", contains("2025-11-14"));
    }

    /**
     * Trust template 6.4, "more than 10 school days in one term", at a school closed for the week after October half
     * term (building works). From the register alone the two empty weeks look like the end of a term, so the
     * autumn absences are split; with the calendar posted the term is whole. 11 days fire, 10 do not.
     */
    @Test
    void termsComeFromThePostedCalendarNotFromGapsInTheRegister() {
        String rule = "Trust template: 6.4 — absent more than 10 school days this term, ask for a signed letter";
        List<Map<String, Object>> worksWeek = new ArrayList<>();
        for (String day : List.of("2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-07")) {
            worksWeek.add(closure(day, List.of("AM", "PM"), "Building works"));
        }
        String posted = TestData.school("trust-template");
        given().contentType(ContentType.JSON).body(calendar2025(worksWeek)).put("/api/schools/{id}/calendar", posted)
                .then().statusCode(200);
        String inferred = TestData.school("trust-template");
        for (String school : List.of(posted, inferred)) {
            TestData.pupils(school, pupil(TestData.upn(1), "2016-03-04", 4), pupil(TestData.upn(2), "2016-03-04", 4));
            // Pupil 1: ill on 6 days before half term and 5 after the closure (11); pupil 2: 6 and 4 (10).
            postRegister(school, TestData.upn(1), Set.of("2025-10-16", "2025-10-17", "2025-10-20", "2025-10-21", "2025-10-22",
                    "2025-10-23", "2025-11-10", "2025-11-11", "2025-11-12", "2025-11-13", "2025-11-14"));
            postRegister(school, TestData.upn(2), Set.of("2025-10-16", "2025-10-17", "2025-10-20", "2025-10-21", "2025-10-22",
                    "2025-10-23", "2025-11-10", "2025-11-11", "2025-11-12", "2025-11-13"));
        }
        given().queryParam("type", "REQUEST_SIGNED_LETTER").get("/api/schools/{id}/actions", posted).then().statusCode(200)
                .body("findAll { it.rule == '" + rule + "' }.upn", contains(TestData.upn(1)));
        given().queryParam("type", "REQUEST_SIGNED_LETTER").get("/api/schools/{id}/actions", inferred).then().statusCode(200)
                .body("findAll { it.rule == '" + rule + "' }", org.hamcrest.Matchers.empty());
    }

    /**
     * A calendar posted after the pupils' days were judged changes the terms those days were judged with: the next
     * evaluation judges the year again (the pupils' "evaluated up to" is lowered to the start of the year), so the
     * signed letter the inferred terms hid is raised, dated the day its condition first held on the posted terms.
     */
    @Test
    void aCalendarPostedLaterJudgesTheYearAgain() {
        String rule = "Trust template: 6.4 — absent more than 10 school days this term, ask for a signed letter";
        String school = TestData.school("trust-template");
        TestData.pupils(school, pupil(TestData.upn(1), "2016-03-04", 4));
        postRegister(school, TestData.upn(1), Set.of("2025-10-16", "2025-10-17", "2025-10-20", "2025-10-21", "2025-10-22",
                "2025-10-23", "2025-11-10", "2025-11-11", "2025-11-12", "2025-11-13", "2025-11-14"));
        given().queryParam("asOf", "2025-11-21").post("/api/schools/{id}/evaluate", school).then().statusCode(200);
        given().queryParam("type", "REQUEST_SIGNED_LETTER").get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("findAll { it.rule == '" + rule + "' }", org.hamcrest.Matchers.empty());

        List<Map<String, Object>> worksWeek = new ArrayList<>();
        for (String day : List.of("2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-07")) {
            worksWeek.add(closure(day, List.of("AM", "PM"), "Building works"));
        }
        given().contentType(ContentType.JSON).body(calendar2025(worksWeek)).put("/api/schools/{id}/calendar", school)
                .then().statusCode(200);
        given().queryParam("asOf", "2025-11-21").post("/api/schools/{id}/evaluate", school).then().statusCode(200);
        given().queryParam("type", "REQUEST_SIGNED_LETTER").get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("findAll { it.rule == '" + rule + "' }.conditionMetOn", contains("2025-11-14"));
    }

    /** Every weekday 3 Sep – 21 Nov 2025 outside the half-term and works weeks, present except illness on {@code ill}. */
    private static void postRegister(String school, String upn, Set<String> ill) {
        StringBuilder csv = new StringBuilder("upn,date,session,code\n");
        for (LocalDate day = LocalDate.of(2025, 9, 3); !day.isAfter(LocalDate.of(2025, 11, 21)); day = day.plusDays(1)) {
            boolean closed = !day.isBefore(LocalDate.of(2025, 10, 27)) && !day.isAfter(LocalDate.of(2025, 11, 7));
            if (day.getDayOfWeek().getValue() > 5 || closed) {
                continue;
            }
            boolean isIll = ill.contains(day.toString());
            csv.append(upn).append(',').append(day).append(",AM,").append(isIll ? "I" : "/").append('\n');
            csv.append(upn).append(',').append(day).append(",PM,").append(isIll ? "I" : "\\").append('\n');
        }
        given().contentType("text/csv").body(csv.toString()).post("/api/schools/{id}/attendance", school).then().statusCode(200);
    }
}

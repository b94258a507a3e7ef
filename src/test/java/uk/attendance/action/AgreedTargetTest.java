package uk.attendance.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;

/**
 * Targets agreed with the family: a decision can carry one, it is recorded as an ATTENDANCE_TARGET intervention, and
 * the trust template's steps 10 and 11 ("targets met" / "targets not met" after the target-setting meeting) judge
 * attendance since the meeting against it rather than against the policy's 96%.
 */
@QuarkusTest
class AgreedTargetTest {

    private static final LocalDate MEETING = LocalDate.of(2025, 10, 3);

    /**
     * Four weeks present, the target-setting meeting on Friday 3 October, then ten school days with one day off ill:
     * 18 of 20 sessions since the meeting, 90%. Year to date 58 of 60, above every trust threshold.
     */
    private static String registerWithTarget(String school, int serial, Double targetPercent) {
        String upn = TestData.upn(serial);
        TestData.pupils(school, pupil(upn, "2016-03-04", 4));
        StringBuilder csv = new StringBuilder("upn,date,session,code\n");
        for (LocalDate day = LocalDate.of(2025, 9, 8); !day.isAfter(LocalDate.of(2025, 10, 17)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                boolean ill = day.equals(LocalDate.of(2025, 10, 14));
                csv.append(upn).append(',').append(day).append(",AM,").append(ill ? "I" : "/").append('\n');
                csv.append(upn).append(',').append(day).append(",PM,").append(ill ? "I" : "\\").append('\n');
            }
        }
        given().contentType("text/csv").body(csv.toString()).post("/api/schools/{id}/attendance", school).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("upn", upn, "kind", "MEETING", "type", "PARENT_MEETING",
                "date", MEETING.toString(), "parentAttended", true)).post("/api/schools/{id}/interventions", school)
                .then().statusCode(201);
        if (targetPercent != null) {
            given().contentType(ContentType.JSON).body(Map.of("upn", upn, "kind", "ATTENDANCE_TARGET", "date", MEETING.toString(),
                    "target", Map.of("attendancePercent", targetPercent, "reviewOn", "2025-10-17")))
                    .post("/api/schools/{id}/interventions", school).then().statusCode(201)
                    .body("target.attendancePercent", equalTo(targetPercent.floatValue()))
                    .body("target.reviewOn", equalTo("2025-10-17"));
        }
        return upn;
    }

    @Test
    void improvedIsJudgedAgainstTheAgreedTargetAndAgainstThePolicyDefaultOnlyWithoutOne() {
        String school = TestData.school("trust-template");
        String metAtTarget = registerWithTarget(school, 1, 90.0);
        String justBelowTarget = registerWithTarget(school, 2, 90.5);
        String noTarget = registerWithTarget(school, 3, null);
        given().queryParam("asOf", "2025-10-17").post("/api/schools/{id}/evaluate", school).then().statusCode(200);

        given().queryParam("upn", metAtTarget).get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("type", hasItem("CONGRATULATION_LETTER"))
                .body("type", not(hasItem("LA_REFERRAL")))
                .body("find { it.type == 'CONGRATULATION_LETTER' }.reason",
                        containsString("the target agreed on 2025-10-03 (attendance of at least 90.0%"));
        given().queryParam("upn", justBelowTarget).get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("type", hasItem("LA_REFERRAL"))
                .body("type", not(hasItem("CONGRATULATION_LETTER")))
                .body("find { it.type == 'LA_REFERRAL' }.reason", containsString("below the target agreed on 2025-10-03"));
        given().queryParam("upn", noTarget).get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("type", hasItem("LA_REFERRAL"))
                .body("find { it.type == 'LA_REFERRAL' }.reason", containsString("below 96%"));
    }

    @Test
    void aDecisionCarriesTheTargetAsAnAttendanceTargetInterventionAndABadOneRecordsNothing() {
        String school = TestData.school("trust-template");
        String upn = registerWithTarget(school, 4, null);
        given().queryParam("asOf", "2025-10-17").post("/api/schools/{id}/evaluate", school).then().statusCode(200);
        Number id = given().queryParam("upn", upn).queryParam("type", "LA_REFERRAL").get("/api/schools/{id}/actions", school)
                .then().statusCode(200).extract().path("[0].id");

        Map<String, Object> badTarget = new HashMap<>(Map.of("decision", "ACCEPTED", "date", "2025-10-20",
                "target", Map.of("attendancePercent", 96.0, "maxAbsentSessions", 4, "reviewOn", "2025-10-01")));
        given().contentType(ContentType.JSON).body(badTarget).post("/api/schools/{id}/actions/{a}/decision", school, id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("target.attendancePercent", "target.reviewOn"));
        given().contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED",
                "target", Map.of("maxAbsentSessions", 4, "reviewOn", "2025-12-01")))
                .post("/api/schools/{id}/actions/{a}/decision", school, id).then().statusCode(400)
                .body("errors.field", contains("target"));
        given().get("/api/schools/{id}/pupils/{upn}/interventions", school, upn).then().statusCode(200)
                .body("findAll { it.kind == 'ATTENDANCE_TARGET' }", empty());

        given().contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED", "date", "2025-10-20",
                "target", Map.of("maxAbsentSessions", 4, "reviewOn", "2025-12-01")))
                .post("/api/schools/{id}/actions/{a}/decision", school, id).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().get("/api/schools/{id}/pupils/{upn}/interventions", school, upn).then().statusCode(200)
                .body("findAll { it.kind == 'ATTENDANCE_TARGET' }.type", contains("LA_REFERRAL"))
                .body("find { it.kind == 'ATTENDANCE_TARGET' }.date", equalTo("2025-10-20"))
                .body("find { it.kind == 'ATTENDANCE_TARGET' }.target.maxAbsentSessions", equalTo(4))
                .body("find { it.kind == 'ATTENDANCE_TARGET' }.target.reviewOn", equalTo("2025-12-01"));
    }
}

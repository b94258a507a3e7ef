package uk.attendance.intervention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;

@QuarkusTest
class InterventionResourceTest {

    @Test
    void interventionsAreRecordedAndListedInDateOrder() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(50);
        TestData.pupils(school, pupil(upn, "2012-03-04", 9));
        given().contentType(ContentType.JSON)
                .body(Map.of("upn", upn, "kind", "MEETING", "date", "2025-10-02", "parentId", "P1", "parentAttended", false,
                        "outcome", "PN_MONITORING"))
                .post("/api/schools/{id}/interventions", school).then().statusCode(201)
                .body("id", notNullValue()).body("kind", equalTo("MEETING")).body("parentAttended", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("upn", upn, "kind", "LETTER", "type", "AT1", "date", "2025-09-20"))
                .post("/api/schools/{id}/interventions", school).then().statusCode(201);
        given().get("/api/schools/{id}/pupils/{upn}/interventions", school, upn).then().statusCode(200)
                .body("kind", contains("LETTER", "MEETING"))
                .body("type", contains("AT1", null))
                .body("[1].outcome", equalTo("PN_MONITORING"));
    }

    @Test
    void aPenaltyNoticeNeedsAParentOfThePupil() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(51);
        TestData.pupils(school, pupil(upn, "2012-03-04", 9));
        given().contentType(ContentType.JSON).body(Map.of("upn", upn, "kind", "PENALTY_NOTICE", "date", "2025-10-02"))
                .post("/api/schools/{id}/interventions", school).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("parentId"));
        given().contentType(ContentType.JSON).body(Map.of("upn", upn, "kind", "PENALTY_NOTICE", "date", "2025-10-02", "parentId", "P9"))
                .post("/api/schools/{id}/interventions", school).then().statusCode(400).body("errors.field", contains("parentId"));
    }
}

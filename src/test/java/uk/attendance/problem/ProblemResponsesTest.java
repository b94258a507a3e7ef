package uk.attendance.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;

/** Whatever goes wrong, the caller gets application/problem+json naming what to fix. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void aBodyOfTheWrongShapeIsAProblem() {
        String school = TestData.school("coopers");
        given().contentType(ContentType.JSON).body("{}").put("/api/schools/{id}/pupils", school).then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("not valid JSON"));
    }

    @Test
    void aFieldOfTheWrongTypeNamesItsRowAndField() {
        String school = TestData.school("coopers");
        given().contentType(ContentType.JSON)
                .body("[{\"upn\":\"B801200005001\",\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2017-01-01\","
                        + "\"yearGroup\":3,\"characteristics\":\"FSM\"}]")
                .put("/api/schools/{id}/pupils", school).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].index", equalTo(0)).body("errors[0].field", equalTo("characteristics"));
    }

    @Test
    void truncatedJsonIsAProblem() {
        String school = TestData.school("coopers");
        given().contentType(ContentType.JSON).body("{\"upn\": ").post("/api/schools/{id}/interventions", school).then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("not valid JSON"));
    }

    @Test
    void aBadDateParameterIsNamed() {
        String school = TestData.school("coopers");
        given().queryParam("asOf", "2025-13-01").post("/api/schools/{id}/evaluate", school).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        given().queryParam("asOf", "2099-01-01").post("/api/schools/{id}/evaluate", school).then()
                .statusCode(400).body("errors[0].field", equalTo("asOf")).body("errors[0].message", containsString("future"));
    }

    @Test
    void anUnknownPathIsAProblem() {
        given().get("/api/nowhere").then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}

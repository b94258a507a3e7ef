package uk.attendance.attendance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;

/** Registers are kept: nothing deletes a school's pupils, their marks or the marks' history. */
@QuarkusTest
class RegisterRetentionTest {

    @Test
    void noEndpointDeletesASchoolAPupilOrAMark() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        assertThat(paths).containsKeys("/api/schools/{schoolId}", "/api/schools/{schoolId}/attendance",
                "/api/schools/{schoolId}/pupils/{upn}/attendance");
        paths.forEach((path, operations) -> {
            if (path.equals("/api/schools/{schoolId}") || path.startsWith("/api/schools/{schoolId}/pupils")
                    || path.startsWith("/api/schools/{schoolId}/attendance")) {
                assertThat(operations).as(path).doesNotContainKey("delete");
            }
        });
    }

    @Test
    void marksAndTheirHistoryOutliveDeleteRequestsLaterPostsAndPupilUpdates() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(90);
        String other = TestData.upn(91);
        TestData.pupils(school, pupil(upn, "2012-03-04", 9), pupil(other, "2012-03-04", 9));
        post(school, List.of(mark(upn, "2025-09-08", "AM", "N"), mark(upn, "2025-09-08", "PM", "\\")));
        post(school, List.of(mark(upn, "2025-09-08", "AM", "I")));

        for (String path : List.of("/api/schools/{id}", "/api/schools/{id}/pupils", "/api/schools/{id}/pupils/{upn}",
                "/api/schools/{id}/pupils/{upn}/attendance", "/api/schools/{id}/attendance")) {
            given().delete(path.replace("{id}", school).replace("{upn}", upn)).then().statusCode(anyOf(equalTo(404), equalTo(405)))
                    .contentType("application/problem+json");
        }
        // A later post and a pupil list that leave this pupil out are not instructions to forget them.
        TestData.pupils(school, pupil(other, "2012-03-04", 10));
        post(school, List.of(mark(other, "2025-09-09", "AM", "/")));

        given().get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then().statusCode(200)
                .body("code", contains("I", "\\"))
                .body("[0].history.code", contains("N", "I"))
                .body("[1].history.code", contains("\\"));
        given().get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200).body("upn", equalTo(upn));
    }

    private static void post(String school, List<Map<String, String>> marks) {
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks)).post("/api/schools/{id}/attendance", school)
                .then().statusCode(200);
    }
}

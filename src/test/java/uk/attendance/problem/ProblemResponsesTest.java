package uk.attendance.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.attendance.TableCounts;
import uk.attendance.TestData;

/** Whatever goes wrong, the caller gets application/problem+json naming what to fix, and nothing is stored. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String WRONG_CHECK_LETTER = "A801200005001";

    @Inject
    DataSource dataSource;

    private String school;
    private final String upn = TestData.upn(60);
    private TableCounts before;

    @BeforeEach
    void schoolWithAPupil() {
        school = TestData.school("coopers");
        TestData.pupils(school, pupil(upn, "2012-03-04", 9));
        before = TableCounts.of(dataSource);
    }

    @AfterEach
    void nothingChanged() {
        assertThat(TableCounts.of(dataSource)).isEqualTo(before);
    }

    private ValidatableResponse send(String method, String path, String contentType, String body) {
        return given().contentType(contentType).body(body).request(method, path.replace("{school}", school)).then()
                .contentType(Problem.MEDIA_TYPE);
    }

    static Stream<Arguments> malformedJson() {
        return Stream.of(
                Arguments.of("PUT", "/api/schools/{school}", "{\"name\": \"Oakfield\",\n \"policy\": }"),
                Arguments.of("PUT", "/api/schools/{school}/pupils", "[{\"upn\": \"B801200005001\",\n \"givenName\": \"Sam\" \"familyName\": \"T\"}]"),
                Arguments.of("POST", "/api/schools/{school}/attendance", "{\"source\": \"SIMS nightly\",\n \"marks\": [{\"upn\": }]}"),
                Arguments.of("POST", "/api/schools/{school}/interventions", "{\"upn\": \"B801200005001\",\n \"kind\": LETTER}"),
                Arguments.of("POST", "/api/schools/{school}/actions/1/decision", "{\"decision\": \"ACCEPTED\",\n \"note\": 'sent'}"),
                Arguments.of("POST", "/api/schools/{school}/tokens", "{\"name\": \"SIMS\"\n \"school\": 1}"),
                Arguments.of("POST", "/api/users", "{\"username\": \"lead-1\",\n \"roles\": [lead]}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedJson")
    void malformedJsonIsRefusedWithWhereItBreaks(String method, String path, String body) {
        send(method, path, "application/json", body).statusCode(400)
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"))
                .body("detail", containsString("line 2"));
    }

    static Stream<Arguments> wrongContentType() {
        return Stream.of(
                Arguments.of("PUT", "/api/schools/{school}", "application/xml", "<school><name>Oakfield</name></school>"),
                Arguments.of("PUT", "/api/schools/{school}/pupils", "text/csv", "upn,givenName\nB801200005001,Sam\n"),
                Arguments.of("POST", "/api/schools/{school}/attendance", "application/xml", "<marks/>"),
                Arguments.of("POST", "/api/schools/{school}/interventions", "text/plain", "home visit"),
                Arguments.of("POST", "/api/schools/{school}/actions/1/decision", "application/x-www-form-urlencoded", "decision=ACCEPTED"),
                Arguments.of("POST", "/api/policies/coopers/validate", "application/json", "{}"),
                Arguments.of("POST", "/api/schools/{school}/tokens", "text/plain", "SIMS"),
                Arguments.of("POST", "/api/users", "application/xml", "<user><username>lead-1</username></user>"));
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("wrongContentType")
    void aBodyOfAnUnacceptedContentTypeIs415NamingIt(String method, String path, String contentType, String body) {
        send(method, path, contentType, body).statusCode(415)
                .body("status", equalTo(415))
                .body("errors[0].field", equalTo("Content-Type"))
                .body("detail", containsString("'" + contentType))
                .body("detail", containsString("application/json"));
    }

    @Test
    void aBodyOfTheWrongShapeIsAProblem() {
        send("PUT", "/api/schools/{school}/pupils", "application/json", "{}").statusCode(400)
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void aFieldOfTheWrongTypeNamesItsRowAndField() {
        send("PUT", "/api/schools/{school}/pupils", "application/json",
                "[{\"upn\":\"B801200005001\",\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2017-01-01\","
                        + "\"yearGroup\":3,\"characteristics\":\"FSM\"}]").statusCode(400)
                .body("errors[0].index", equalTo(0)).body("errors[0].field", equalTo("characteristics"));
    }

    static Stream<Arguments> badSchoolIds() {
        return Stream.of(Arguments.of("Oakfield"), Arguments.of("oak_field"), Arguments.of("ö-akfield"), Arguments.of("a".repeat(65)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSchoolIds")
    void aSchoolIdOutsideTheSlugRuleIsNamed(String schoolId) {
        given().contentType(ContentType.JSON).body(Map.of("name", "Oakfield", "policy", "coopers")).put("/api/schools/{id}", schoolId)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", equalTo(List.of("schoolId")))
                .body("errors[0].message", containsString("a-z, 0-9 and '-'"));
        given().get("/api/schools/{id}/pupils", schoolId).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("schoolId"));
    }

    @Test
    void aUpnWithAWrongCheckLetterIsNamedWherePupilsAreLookedUp() {
        given().get("/api/schools/{id}/pupils/{upn}", school, WRONG_CHECK_LETTER).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("upn")).body("errors[0].message", containsString("check letter should be 'B'"));
        given().contentType(ContentType.JSON).body(Map.of("upn", WRONG_CHECK_LETTER, "kind", "LETTER", "type", "AT1", "date", "2025-10-01"))
                .post("/api/schools/{id}/interventions", school).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("upn")).body("errors[0].message", containsString("check letter"));
    }

    static Stream<Arguments> badInterventions() {
        String upn = TestData.upn(60);
        return Stream.of(
                Arguments.of(Map.of("upn", upn, "kind", "SMOKE_SIGNAL", "date", "2025-10-02"), "kind", "kind must be LETTER, MEETING"),
                Arguments.of(Map.of("upn", upn, "kind", "HOME_VISIT", "date", "2025-02-30"), "date", "YYYY-MM-DD"),
                Arguments.of(Map.of("upn", upn, "kind", "HOME_VISIT", "date", "02/10/2025"), "date", "YYYY-MM-DD"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badInterventions")
    void aBadInterventionNamesTheField(Map<String, String> body, String field, String message) {
        given().contentType(ContentType.JSON).body(body).post("/api/schools/{id}/interventions", school).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors", hasSize(1)).body("errors[0].field", equalTo(field)).body("errors[0].message", containsString(message));
    }

    @Test
    void aBadDateOfBirthNamesItsRow() {
        Map<String, Object> bad = new HashMap<>(pupil(TestData.upn(61), "2012-13-01", 9));
        given().contentType(ContentType.JSON).body(List.of(pupil(TestData.upn(62), "2012-03-04", 9), bad))
                .put("/api/schools/{id}/pupils", school).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("dateOfBirth"))
                .body("errors[0].message", containsString("'2012-13-01'"));
    }

    @Test
    void anUnknownDecisionOrABadDecisionDateIsNamed() {
        long action = openAction();
        given().contentType(ContentType.JSON).body(Map.of("decision", "POSTPONED"))
                .post("/api/schools/{id}/actions/{action}/decision", school, action).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("decision")).body("errors[0].message", containsString("'POSTPONED'"));
        given().contentType(ContentType.JSON).body(Map.of("decision", "COMPLETED", "date", "yesterday"))
                .post("/api/schools/{id}/actions/{action}/decision", school, action).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("date"));
    }

    private long openAction() {
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", TestData.unauthorisedWeek(upn)))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
        long id = given().queryParam("type", "CONSIDER_PENALTY_NOTICE").get("/api/schools/{id}/actions", school).then()
                .statusCode(200).body("", hasSize(1)).extract().jsonPath().getLong("[0].id");
        before = TableCounts.of(dataSource);
        return id;
    }

    @Test
    void aBadDateParameterIsNamed() {
        given().queryParam("asOf", "2025-13-01").post("/api/schools/{id}/evaluate", school).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("asOf"));
        given().queryParam("asOf", "2099-01-01").post("/api/schools/{id}/evaluate", school).then()
                .statusCode(400).body("errors[0].field", equalTo("asOf")).body("errors[0].message", containsString("future"));
        given().queryParam("from", "2025-09-31").get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("from"));
    }

    @Test
    void anUnknownPathIsAProblem() {
        given().get("/api/nowhere").then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", equalTo(404));
    }
}

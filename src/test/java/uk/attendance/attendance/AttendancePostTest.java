package uk.attendance.attendance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.attendance.TableCounts;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

@QuarkusTest
class AttendancePostTest {

    @Inject
    DataSource dataSource;

    private String school;
    private final String upn = TestData.upn(1);
    private final String other = TestData.upn(2);

    @BeforeEach
    void school() {
        school = TestData.school("coopers");
        TestData.pupils(school, pupil(upn, "2012-03-04", 9), pupil(other, "2012-05-06", 9));
    }

    private io.restassured.response.ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/schools/{id}/attendance", school).then();
    }

    private List<Map<String, String>> week() {
        return List.of(mark(upn, "2025-09-08", "AM", "/"), mark(upn, "2025-09-08", "PM", "\\"),
                mark(upn, "2025-09-09", "AM", "I"), mark(upn, "2025-09-09", "PM", "I"),
                mark(other, "2025-09-08", "AM", "/"), mark(other, "2025-09-08", "PM", "O"));
    }

    @Test
    void storesABatchOnceAndReportsEveryRowUnchangedTheSecondTime() {
        post(batch("SIMS nightly", week())).statusCode(200)
                .body("received", equalTo(6)).body("inserted", equalTo(6))
                .body("amended", equalTo(0)).body("unchanged", equalTo(0))
                .body("evaluation.asOf", equalTo("2025-09-09"));
        post(batch("SIMS nightly", week())).statusCode(200)
                .body("received", equalTo(6)).body("inserted", equalTo(0))
                .body("amended", equalTo(0)).body("unchanged", equalTo(6));
        given().get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then().statusCode(200).body("", hasSize(4));
    }

    @Test
    void aChangedCodeIsAnAmendmentKeptInTheMarksHistory() {
        post(batch("SIMS nightly", week())).statusCode(200);
        String token = TestUsers.misToken(school, "SIMS");
        TestUsers.asMis(token).contentType(ContentType.JSON).body(batch("Office correction", List.of(mark(upn, "2025-09-09", "AM", "M"))))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200)
                .body("inserted", equalTo(0)).body("amended", equalTo(1)).body("unchanged", equalTo(0));

        given().queryParam("from", "2025-09-09").queryParam("to", "2025-09-09")
                .get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].session", equalTo("AM"))
                .body("[0].code", equalTo("M"))
                .body("[0].history.code", contains("I", "M"))
                .body("[0].history.reason", contains("SIMS nightly", "Office correction"))
                .body("[0].history[0].changedBy", equalTo("admin"))
                .body("[0].history[1].changedBy", equalTo("mis:" + school + "/SIMS"))
                .body("[1].history.code", contains("I"));
    }

    @Test
    void aBadBatchListsEveryBadRowAndStoresNothing() {
        List<Map<String, String>> marks = List.of(
                mark(upn, "2025-09-10", "AM", "/"),                        // 0 good
                mark(TestData.upn(999), "2025-09-10", "AM", "/"),          // 1 unknown pupil
                mark(upn, "2025-09-10", "PM", "H2"),                       // 2 unknown code
                mark(upn, "2025-09-11", "EVE", "/"),                       // 3 bad session
                mark(upn, "2099-01-05", "AM", "/"),                        // 4 future date
                mark(upn, "2025-09-10", "AM", "O"),                        // 5 conflicts with row 0
                Map.of("upn", upn, "session", "AM", "code", "/"));         // 6 missing date
        post(batch("SIMS nightly", marks)).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("detail", containsString("No marks were stored"))
                .body("errors.index", contains(1, 2, 3, 4, 5, 6))
                .body("errors.field", contains("upn", "code", "session", "date", "code", "date"))
                .body("errors[1].message", equalTo("unknown attendance code 'H2'"))
                .body("errors[4].message", containsString("row 0"));
        given().get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then().statusCode(200).body("", empty());
    }

    static Stream<Arguments> badRows() {
        String upn = TestData.upn(1);
        return Stream.of(
                Arguments.of("unknown pupil", mark(TestData.upn(998), "2025-09-10", "AM", "/"), "upn", "no pupil with UPN"),
                Arguments.of("wrong check letter", mark("A801200005001", "2025-09-10", "AM", "/"), "upn", "check letter should be 'B'"),
                Arguments.of("unknown code", mark(upn, "2025-09-10", "AM", "H2"), "code", "unknown attendance code 'H2'"),
                Arguments.of("bad session", mark(upn, "2025-09-10", "MIDDAY", "/"), "session", "AM or PM"),
                Arguments.of("future date", mark(upn, "2099-09-10", "AM", "/"), "date", "in the future"),
                Arguments.of("bad date", mark(upn, "10/09/2025", "AM", "/"), "date", "YYYY-MM-DD"),
                Arguments.of("missing upn", Map.of("date", "2025-09-10", "session", "AM", "code", "/"), "upn", "required"),
                Arguments.of("missing code", Map.of("upn", upn, "date", "2025-09-10", "session", "AM"), "code", "required"),
                Arguments.of("missing session", Map.of("upn", upn, "date", "2025-09-10", "code", "/"), "session", "required"),
                Arguments.of("conflicting duplicate", mark(upn, "2025-09-08", "AM", "O"), "code", "row 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void eachKindOfBadRowIsNamedAndNothingIsStored(String kind, Map<String, String> bad, String field, String message) {
        TableCounts before = TableCounts.of(dataSource);
        post(batch("SIMS nightly", List.of(mark(upn, "2025-09-08", "AM", "/"), bad))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
        assertThat(TableCounts.of(dataSource)).isEqualTo(before);
    }

    @Test
    void theSameMarkTwiceInOneBatchIsStoredOnce() {
        post(batch("SIMS nightly", List.of(mark(upn, "2025-09-10", "AM", "/"), mark(upn, "2025-09-10", "AM", "/"))))
                .statusCode(200).body("received", equalTo(2)).body("inserted", equalTo(1)).body("unchanged", equalTo(1));
    }

    @Test
    void csvIsAcceptedAndItsBadRowsAreCountedWithoutTheHeader() {
        String csv = "upn,date,session,code\n" + upn + ",2025-09-10,AM,/\n" + upn + ",2025-09-10,PM,Q9\n";
        given().contentType("text/csv").body(csv).post("/api/schools/{id}/attendance", school).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.index", contains(1)).body("errors.field", contains("code"));

        String good = "upn,date,session,code\n" + upn + ",2025-09-10,AM,/\n" + upn + ",2025-09-10,PM,\\\n";
        given().contentType("text/csv").queryParam("source", "Arbor export").body(good)
                .post("/api/schools/{id}/attendance", school).then()
                .statusCode(200).body("inserted", equalTo(2));
        given().get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then()
                .body("code", contains("/", "\\")).body("[0].history[0].reason", equalTo("Arbor export"));
    }

    @Test
    void withdrawnCodesAreAcceptedOnlyInAHistoricalImport() {
        List<Map<String, String>> old = List.of(mark(upn, "2023-05-10", "AM", "H"));
        post(batch("2023 import", old)).statusCode(400).body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("withdrawn"));
        given().contentType(ContentType.JSON).queryParam("historicalImport", true).body(batch("2023 import", old))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200).body("inserted", equalTo(1));
    }

    @Test
    void anUnknownSchoolIsNotFound() {
        given().contentType(ContentType.JSON).body(batch("x", week())).post("/api/schools/{id}/attendance", "no-such-school")
                .then().statusCode(404).contentType("application/problem+json");
    }
}

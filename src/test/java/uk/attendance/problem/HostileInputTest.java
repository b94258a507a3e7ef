package uk.attendance.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.attendance.TableCounts;
import uk.attendance.TestData;

/**
 * Issue 10's hostile input: dates outside 1900–2100, a note of 100,000 characters, a source too long to
 * keep, and control characters in names and free text. Each is a 400 naming the field, and stores nothing.
 */
@QuarkusTest
class HostileInputTest {

    private static final List<String> FAR_DATES = List.of("-5000-09-08", "-0001-09-08", "0000-09-08", "1899-12-31", "2101-01-01",
            "+999999999-12-31");
    private static final String NUL = "\u0000";
    private static final String RIGHT_TO_LEFT_OVERRIDE = "\u202E";

    @Inject
    DataSource dataSource;

    private static ValidatableResponse refused(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
    }

    private static String schoolWithPupil(String upn) {
        String school = TestData.school("coopers");
        TestData.pupils(school, pupil(upn, "2014-02-03", 6));
        return school;
    }

    @Test
    void markDatesOutside1900To2100AreRefusedNamingTheRowAndField() {
        String upn = TestData.upn(801);
        String school = schoolWithPupil(upn);
        TableCounts before = TableCounts.of(dataSource);
        for (String date : FAR_DATES) {
            refused(given().contentType(ContentType.JSON)
                    .body(batch("SIMS nightly", List.of(mark(upn, "2025-09-08", "AM", "/"), mark(upn, date, "AM", "/"))))
                    .post("/api/schools/{id}/attendance", school).then(), "date")
                    .body("errors[0].index", equalTo(1));
            refused(given().contentType("text/csv").body("upn,date,session,code\n" + upn + "," + date + ",AM,/\n")
                    .post("/api/schools/{id}/attendance", school).then(), "date");
        }
        assertThat(TableCounts.of(dataSource)).isEqualTo(before);
    }

    @Test
    void datesOutside1900To2100InQueriesAndBodiesAreRefusedNamingTheField() {
        String upn = TestData.upn(802);
        String school = schoolWithPupil(upn);
        for (String date : FAR_DATES) {
            refused(given().queryParam("asOf", date).get("/api/schools/{id}/pupils/{upn}", school, upn).then(), "asOf");
            refused(given().queryParam("asOf", date).post("/api/schools/{id}/evaluate", school).then(), "asOf");
            refused(given().queryParam("from", date).get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then(), "from");
            refused(given().queryParam("to", date).get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then(), "to");
            refused(given().contentType(ContentType.JSON).body(List.of(pupil(TestData.upn(803), date, 6)))
                    .put("/api/schools/{id}/pupils", school).then(), "dateOfBirth");
            refused(given().contentType(ContentType.JSON).body(Map.of("upn", upn, "kind", "MEETING", "date", date))
                    .post("/api/schools/{id}/interventions", school).then(), "date");
        }
        // The edges themselves are dates.
        given().contentType(ContentType.JSON).body(List.of(pupil(TestData.upn(803), "1900-01-01", 6)))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200);
        given().queryParam("from", "1900-01-01").queryParam("to", "2100-12-31")
                .get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then().statusCode(200);
    }

    @Test
    void aDecisionWithAFarDateOrAHugeNoteIsRefusedAndRecordsNothing() {
        String upn = TestData.upn(804);
        String school = schoolWithPupil(upn);
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", TestData.unauthorisedWeek(upn)))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
        Number action = given().queryParam("upn", upn).get("/api/schools/{id}/actions", school).then().statusCode(200)
                .extract().path("[0].id");
        TableCounts before = TableCounts.of(dataSource);

        for (String date : FAR_DATES) {
            refused(given().contentType(ContentType.JSON).body(Map.of("decision", "COMPLETED", "date", date))
                    .post("/api/schools/{id}/actions/{action}/decision", school, action).then(), "date");
        }
        refused(given().contentType(ContentType.JSON).body(Map.of("decision", "COMPLETED", "note", "x".repeat(100_000)))
                .post("/api/schools/{id}/actions/{action}/decision", school, action).then(), "note")
                .body("detail", containsString(String.valueOf(TextInput.NOTE_MAX)));
        refused(given().contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED", "note", "Seen " + RIGHT_TO_LEFT_OVERRIDE + "txt.exe"))
                .post("/api/schools/{id}/actions/{action}/decision", school, action).then(), "note");
        assertThat(TableCounts.of(dataSource)).isEqualTo(before);

        given().contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED", "note", "Two lines\nare fine. " + "x".repeat(1900)))
                .post("/api/schools/{id}/actions/{action}/decision", school, action).then().statusCode(200);
    }

    @Test
    void aNoteOf100000CharactersOnAnInterventionIsRefusedNamingNote() {
        String upn = TestData.upn(805);
        String school = schoolWithPupil(upn);
        refused(given().contentType(ContentType.JSON)
                .body(Map.of("upn", upn, "kind", "MEETING", "date", "2025-09-10", "note", "x".repeat(100_000)))
                .post("/api/schools/{id}/interventions", school).then(), "note");
        refused(given().contentType(ContentType.JSON)
                .body(Map.of("upn", upn, "kind", "MEETING", "date", "2025-09-10", "outcome", "AGREED" + NUL))
                .post("/api/schools/{id}/interventions", school).then(), "outcome");
    }

    @Test
    void aSourceOver200CharactersIsA400NamingSourceNotA503() {
        String upn = TestData.upn(806);
        String school = schoolWithPupil(upn);
        TableCounts before = TableCounts.of(dataSource);
        String longSource = "S".repeat(201);
        refused(given().contentType(ContentType.JSON).body(batch(longSource, List.of(mark(upn, "2025-09-08", "AM", "/"))))
                .post("/api/schools/{id}/attendance", school).then(), "source");
        refused(given().contentType("text/csv").queryParam("source", longSource).body("upn,date,session,code\n" + upn + ",2025-09-08,AM,/\n")
                .post("/api/schools/{id}/attendance", school).then(), "source");
        refused(given().contentType(ContentType.JSON).body(batch("SIMS" + NUL, List.of(mark(upn, "2025-09-08", "AM", "/"))))
                .post("/api/schools/{id}/attendance", school).then(), "source");
        assertThat(TableCounts.of(dataSource)).isEqualTo(before);

        given().contentType(ContentType.JSON).body(batch("S".repeat(200), List.of(mark(upn, "2025-09-08", "AM", "/"))))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
    }

    @Test
    void controlCharactersInNamesAreRefusedNamingTheField() {
        String school = TestData.school("coopers");
        TableCounts before = TableCounts.of(dataSource);
        for (String bad : List.of(NUL, RIGHT_TO_LEFT_OVERRIDE, "\u0007", "\n", "\u2066")) {
            Map<String, Object> named = new HashMap<>(pupil(TestData.upn(807), "2014-02-03", 6));
            named.put("givenName", "Sam" + bad + "my");
            refused(given().contentType(ContentType.JSON).body(List.of(named)).put("/api/schools/{id}/pupils", school).then(), "givenName");

            Map<String, Object> parented = new HashMap<>(pupil(TestData.upn(807), "2014-02-03", 6));
            parented.put("parents", List.of(Map.of("parentId", "P1", "name", "Alex" + bad + "Taylor")));
            refused(given().contentType(ContentType.JSON).body(List.of(parented)).put("/api/schools/{id}/pupils", school).then(),
                    "parents[0].name");

            refused(given().contentType(ContentType.JSON).body(Map.of("name", "Oak" + bad + "field", "policy", "coopers"))
                    .put("/api/schools/{id}", school).then(), "name");
            refused(given().contentType(ContentType.JSON).body(Map.of("name", "SI" + bad + "MS"))
                    .post("/api/schools/{id}/tokens", school).then(), "name");
        }
        assertThat(TableCounts.of(dataSource)).isEqualTo(before);
    }
}

package uk.attendance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What MIS systems send: names in any script, text that looks like SQL, and fields this service does not know. */
@QuarkusTest
class MisInputTest {

    private static final String SCHOOL_NAME = "St Mary's & St John's C of E (VA); DROP TABLE school;--";
    private static final String GIVEN_NAME = "Zoë-Siân 😀 \u0063\u0327";
    private static final String FAMILY_NAME = "O'Brien-Nguyễn 李 محمد Żółć";
    private static final String PARENT_NAME = "Robert'); DROP TABLE pupil;-- \"Bobby\" \\ Tables";
    private static final String SOURCE = "Bromcom 'nightly'; DELETE FROM session_mark WHERE 1=1;--";
    private static final String NOTE = "Met Mrs D'Arcy; she said \"ça va\" — OR '1'='1' /* 🙂 */";

    @Test
    void namesInAnyScriptApostrophesAndSqlLookingTextAreStoredAndReturnedAsSent() {
        String school = "mis-text-" + System.nanoTime() % 100000;
        String upn = TestData.upn(80);
        given().contentType(ContentType.JSON).body(Map.of("name", SCHOOL_NAME, "policy", "coopers"))
                .put("/api/schools/{id}", school).then().statusCode(200).body("name", equalTo(SCHOOL_NAME));
        given().contentType(ContentType.JSON).body(List.of(Map.of("upn", upn, "givenName", GIVEN_NAME, "familyName", FAMILY_NAME,
                        "dateOfBirth", "2012-03-04", "yearGroup", 9, "parents", List.of(Map.of("parentId", "P1", "name", PARENT_NAME)))))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200);
        given().contentType(ContentType.JSON).body(TestData.batch(SOURCE, TestData.unauthorisedWeek(upn)))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("upn", upn, "kind", "HOME_VISIT", "date", "2025-09-15", "note", NOTE))
                .post("/api/schools/{id}/interventions", school).then().statusCode(201).body("note", equalTo(NOTE));
        long action = given().get("/api/schools/{id}/actions", school).then().statusCode(200)
                .extract().jsonPath().getLong("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED", "note", NOTE))
                .post("/api/schools/{id}/actions/{action}/decision", school, action).then().statusCode(200);

        given().get("/api/schools/{id}", school).then().body("name", equalTo(SCHOOL_NAME));
        given().queryParam("asOf", "2025-09-15").get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("givenName", equalTo(GIVEN_NAME))
                .body("familyName", equalTo(FAMILY_NAME))
                .body("parents.name", contains(PARENT_NAME))
                .body("interventions.note", contains(NOTE));
        given().get("/api/schools/{id}/pupils", school).then().body("items.familyName", contains(FAMILY_NAME));
        given().get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then()
                .body("", hasSize(10)).body("[0].history[0].reason", equalTo(SOURCE));
        given().queryParam("status", "ACCEPTED").get("/api/schools/{id}/actions", school).then()
                .body("id", contains((int) action)).body("[0].note", equalTo(NOTE));
    }

    @Test
    void fieldsThisServiceDoesNotKnowAreIgnored() {
        String school = "mis-extra-" + System.nanoTime() % 100000;
        String upn = TestData.upn(81);
        given().contentType(ContentType.JSON).body(Map.of("name", "Oakfield", "policy", "coopers", "urn", 123456,
                        "address", Map.of("postcode", "OX1 1AA")))
                .put("/api/schools/{id}", school).then().statusCode(200);
        given().contentType(ContentType.JSON).body(List.of(Map.of("upn", upn, "givenName", "Sam", "familyName", "Taylor",
                        "dateOfBirth", "2012-03-04", "yearGroup", 9, "misId", "SIMS-4411", "house", Map.of("name", "Kestrel"),
                        "parents", List.of(Map.of("parentId", "P1", "name", "Alex Taylor", "telephone", "01865 000000")))))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200).body("created", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("source", "SIMS nightly", "exportedAt", "2025-09-08T23:00:00Z",
                        "marks", List.of(Map.of("upn", upn, "date", "2025-09-08", "session", "AM", "code", "L", "minutesLate", 7,
                                "comment", Map.of("by", "form tutor")))))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200).body("inserted", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("upn", upn, "kind", "LETTER", "type", "AT1", "date", "2025-09-09",
                        "template", Map.of("id", 7)))
                .post("/api/schools/{id}/interventions", school).then().statusCode(201);

        given().queryParam("asOf", "2025-09-09").get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("parents.name", contains("Alex Taylor"))
                .body("attendance.lateSessions", equalTo(1))
                .body("interventions.type", contains("AT1"));
    }
}

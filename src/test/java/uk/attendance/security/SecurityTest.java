package uk.attendance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

@QuarkusTest
class SecurityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void withoutCredentialsTheAnswerIsAProblemThatSaysHowToSignIn() {
        given().auth().none().get("/api/schools").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void aLeadListsOnlyTheirOwnSchoolsAndAnAdminListsEvery() {
        String mine = TestData.school("coopers");
        String theirs = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(mine);

        lead.given().get("/api/schools").then().statusCode(200)
                .body("id", hasItem(mine)).body("id", not(hasItem(theirs)));
        given().get("/api/schools").then().statusCode(200).body("id", hasItem(mine)).body("id", hasItem(theirs));
    }

    @Test
    void aLeadBoundToTwoSchoolsSeesBoth() {
        String first = TestData.school("coopers");
        String second = TestData.school("st-clares");
        TestUsers.Person lead = TestUsers.lead(first, second);

        lead.given().get("/api/schools/{id}", first).then().statusCode(200);
        lead.given().get("/api/schools/{id}", second).then().statusCode(200);
    }

    @Test
    void aUserIsCreatedWithAHashedPasswordThatIsNeverShown() throws Exception {
        String school = TestData.school("coopers");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "attendance.lead@" + school, "password", "correct horse battery",
                        "roles", List.of("lead"), "schools", List.of(school)))
                .post("/api/users").then().statusCode(201)
                .body("username", equalTo("attendance.lead@" + school))
                .body("roles", equalTo(List.of("lead")))
                .body("schools", equalTo(List.of(school)))
                .body("createdBy", equalTo("admin"))
                .body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")));
        given().get("/api/users").then().statusCode(200)
                .body("username", hasItem("attendance.lead@" + school))
                .body("password", everyItem(nullValue())).body("passwordHash", everyItem(nullValue()));

        String stored = single("SELECT password_hash FROM app_user WHERE username = ?", "attendance.lead@" + school);
        assertThat(stored).startsWith("$2").doesNotContain("correct horse battery");
        given().auth().preemptive().basic("attendance.lead@" + school, "correct horse battery")
                .get("/api/schools/{id}", school).then().statusCode(200);
        given().auth().preemptive().basic("attendance.lead@" + school, "correct horse battery!")
                .get("/api/schools/{id}", school).then().statusCode(401);
    }

    @Test
    void aBadUserIsRefusedNamingEachBadField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "has space", "password", "short", "roles", List.of("lead", "superuser"),
                        "schools", List.of("no-such-school")))
                .post("/api/users").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("roles"))
                .body("errors.message", hasItem(containsString("superuser")))
                .body("errors.message", hasItem(containsString("no-such-school")));
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "lonely-lead", "password", "plum-ferry-lantern-42", "roles", List.of("lead")))
                .post("/api/users").then().statusCode(400)
                .body("errors.field", hasItem("schools"));
        given().get("/api/users").then().statusCode(200).body("username", not(hasItem("lonely-lead")));
    }

    @Test
    void aSecondUserWithTheSameNameIsAConflict() {
        TestUsers.Person author = TestUsers.author();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", author.username(), "password", "violet tractor harbour", "roles", List.of("author")))
                .post("/api/users").then().statusCode(409).contentType("application/problem+json");
        author.given().get("/api/policies").then().statusCode(200);
    }

    @Test
    void anMisTokenIsShownOnceStoredAsAHashAndStopsWorkingWhenRevoked() throws Exception {
        String school = TestData.school("coopers");
        Map<String, Object> created = given().contentType(ContentType.JSON).body(Map.of("name", "Arbor"))
                .post("/api/schools/{id}/tokens", school).then().statusCode(201)
                .body("schoolId", equalTo(school)).body("name", equalTo("Arbor"))
                .extract().as(Map.class);
        String token = (String) created.get("token");
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);

        given().get("/api/schools/{id}/tokens", school).then().statusCode(200)
                .body("name", equalTo(List.of("Arbor"))).body("[0]", not(hasKey("token")));
        String stored = single("SELECT token_hash FROM mis_token WHERE school_id = ?", school);
        assertThat(stored).isNotEqualTo(token).hasSize(64);

        String upn = TestData.upn(7);
        TestUsers.asMis(token).contentType(ContentType.JSON).body(List.of(pupil(upn, "2013-03-01", 7)))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200);
        TestUsers.asMis(token).contentType(ContentType.JSON).body(batch("Arbor nightly", List.of(mark(upn, "2025-09-08", "AM", "/"))))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200).body("inserted", equalTo(1));

        given().delete("/api/schools/{id}/tokens/{token}", school, created.get("id")).then().statusCode(200)
                .body("revokedBy", equalTo("admin"));
        TestUsers.asMis(token).contentType(ContentType.JSON).body(batch("Arbor nightly", List.of(mark(upn, "2025-09-08", "PM", "/"))))
                .post("/api/schools/{id}/attendance", school).then().statusCode(401);
        given().get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then().statusCode(200)
                .body("session", equalTo(List.of("AM")));
    }

    @Test
    void anMisTokenCannotPostAnotherSchoolsPupilsOrMarks() {
        String mine = TestData.school("coopers");
        String theirs = TestData.school("coopers");
        String token = TestUsers.misToken(mine, "SIMS");
        String upn = TestData.upn(8);
        TestData.pupils(theirs, pupil(upn, "2013-03-01", 7));

        TestUsers.asMis(token).contentType(ContentType.JSON).body(List.of(pupil(TestData.upn(9), "2013-03-01", 7)))
                .put("/api/schools/{id}/pupils", theirs).then().statusCode(403).contentType("application/problem+json");
        TestUsers.asMis(token).contentType(ContentType.JSON).body(batch("SIMS nightly", List.of(mark(upn, "2025-09-08", "AM", "O"))))
                .post("/api/schools/{id}/attendance", theirs).then().statusCode(403);
        given().get("/api/schools/{id}/pupils", theirs).then().statusCode(200).body("items.upn", equalTo(List.of(upn)));
        given().get("/api/schools/{id}/pupils/{upn}/attendance", theirs, upn).then().statusCode(200).body("$", equalTo(List.of()));
    }

    @Test
    void namesDatesOfBirthAndMarksNeverReachTheLogAtInfo() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String school = TestData.school("coopers");
            String upn = TestData.upn(11);
            given().contentType(ContentType.JSON)
                    .body(List.of(Map.of("upn", upn, "givenName", "Zebedee", "familyName", "Quennell-Xavier",
                            "dateOfBirth", "2013-02-27", "yearGroup", 7, "characteristics", List.of("SEND"),
                            "parents", List.of(Map.of("parentId", "P9", "name", "Ottoline Quennell-Xavier")))))
                    .put("/api/schools/{id}/pupils", school).then().statusCode(200);
            given().contentType(ContentType.JSON).body(batch("SIMS nightly", List.of(mark(upn, "2025-09-08", "AM", "G"))))
                    .post("/api/schools/{id}/attendance", school).then().statusCode(200);
            given().get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).isNotEmpty();
        assertThat(String.join("\n", logged))
                .doesNotContain("Zebedee").doesNotContain("Quennell").doesNotContain("Ottoline")
                .doesNotContain("2013-02-27").doesNotContain(TestData.upn(11));
    }

    private String single(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getString(1);
            }
        }
    }
}

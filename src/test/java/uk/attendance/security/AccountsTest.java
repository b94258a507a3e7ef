package uk.attendance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.attendance.AdminByDefault;
import uk.attendance.TestData;
import uk.attendance.TestUsers;
import uk.attendance.web.PageSession;

/** Passwords that will do, changing them, disabling people, and what each does to their sessions. */
@QuarkusTest
class AccountsTest {

    @Test
    void weakPasswordsAreRefusedNamingThePasswordField() {
        String school = TestData.school("coopers");
        for (String weak : List.of("aaaaaaaaaaaa", "password1234", "qwertyuiop12", "abcabcabcabc", "short-one",
                "a".repeat(40) + "é".repeat(20))) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("username", "weak-" + UUID.randomUUID(), "password", weak, "roles", List.of("lead"),
                            "schools", List.of(school)))
                    .post("/api/users").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("password")));
        }
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsA400NotA500() {
        String school = TestData.school("coopers");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "long-" + UUID.randomUUID(), "password", "Tr0ub4dor&3-" + UUID.randomUUID() + UUID.randomUUID(),
                        "roles", List.of("lead"), "schools", List.of(school)))
                .post("/api/users").then().statusCode(400)
                .body("errors.field", equalTo(List.of("password")))
                .body("errors.message", hasItem(containsString("72 bytes")));

        given().auth().preemptive().basic("anyone-" + UUID.randomUUID(), "x".repeat(200))
                .get("/api/schools").then().statusCode(401);
    }

    @Test
    void theUsernameIsNoPassword() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "oakfield.attendance", "password", "oakfield.attendance1", "roles", List.of("author")))
                .post("/api/users").then().statusCode(400).body("errors.field", equalTo(List.of("password")));
    }

    @Test
    void anAdminChangesAPasswordAndOnlyTheNewOneWorks() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        String fresh = UUID.randomUUID().toString();

        given().contentType(ContentType.JSON).body(Map.of("password", fresh))
                .put("/api/users/{u}/password", lead.username()).then().statusCode(200)
                .body("passwordChangedBy", equalTo(AdminByDefault.ADMIN));

        lead.given().get("/api/schools/{id}", school).then().statusCode(401);
        given().auth().preemptive().basic(lead.username(), fresh).get("/api/schools/{id}", school).then().statusCode(200);
    }

    @Test
    void aPersonChangesTheirOwnPasswordButNoOneElses() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        TestUsers.Person other = TestUsers.lead(school);

        lead.given().contentType(ContentType.JSON).body(Map.of("password", "aaaaaaaaaaaa"))
                .put("/api/users/{u}/password", lead.username()).then().statusCode(400)
                .body("errors.field", equalTo(List.of("password")));
        lead.given().contentType(ContentType.JSON).body(Map.of("password", UUID.randomUUID().toString()))
                .put("/api/users/{u}/password", other.username()).then().statusCode(403);
        lead.given().contentType(ContentType.JSON).body(Map.of("password", UUID.randomUUID().toString()))
                .put("/api/users/{u}/password", "nobody-" + UUID.randomUUID()).then().statusCode(403);
        other.given().get("/api/schools/{id}", school).then().statusCode(200);

        String mine = UUID.randomUUID().toString();
        lead.given().contentType(ContentType.JSON).body(Map.of("password", mine))
                .put("/api/users/{u}/password", lead.username()).then().statusCode(200);
        given().auth().preemptive().basic(lead.username(), mine).get("/api/schools/{id}", school).then().statusCode(200);
    }

    @Test
    void disablingAUserStopsTheirBasicSignInAndTheirSessionsAtOnce() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        PageSession session = PageSession.signIn(lead.username(), lead.password());
        assertThat(session.get("/schools/{id}", school).statusCode()).isEqualTo(200);
        lead.given().get("/api/schools/{id}", school).then().statusCode(200);

        given().post("/api/users/{u}/disable", lead.username()).then().statusCode(200)
                .body("disabled", equalTo(true)).body("disabledBy", equalTo(AdminByDefault.ADMIN));

        lead.given().get("/api/schools/{id}", school).then().statusCode(401);
        assertThat(session.get("/schools/{id}", school).statusCode()).isNotEqualTo(200);
        Response signIn = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", lead.username(), "j_password", lead.password())).post("/j_security_check");
        assertThat(signIn.header("Location")).contains("error");

        given().post("/api/users/{u}/enable", lead.username()).then().statusCode(200).body("disabled", equalTo(false));
        lead.given().get("/api/schools/{id}", school).then().statusCode(200);
        assertThat(session.get("/schools/{id}", school).statusCode()).as("a session ended by disabling stays ended")
                .isNotEqualTo(200);
    }

    @Test
    void onlyAnAdminDisablesAndNotThemselves() {
        TestUsers.Person lead = TestUsers.lead(TestData.school("coopers"));
        TestUsers.Person admin = TestUsers.admin();
        lead.given().post("/api/users/{u}/disable", admin.username()).then().statusCode(403);
        admin.given().post("/api/users/{u}/disable", admin.username()).then().statusCode(409);
        given().post("/api/users/{u}/disable", "nobody-" + UUID.randomUUID()).then().statusCode(404);
        admin.given().get("/api/users").then().statusCode(200);
    }

    @Test
    void signingOutMakesTheOldCookieUselessOnPagesAndOnTheApi() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        PageSession session = PageSession.signIn(lead.username(), lead.password());
        PageSession stolen = session.copy();
        assertThat(stolen.get("/schools/{id}", school).statusCode()).isEqualTo(200);
        assertThat(stolen.get("/api/schools/" + school).statusCode()).isEqualTo(200);

        assertThat(session.post("/logout", Map.of()).statusCode()).isEqualTo(303);

        Response page = stolen.get("/schools/{id}", school);
        assertThat(page.statusCode()).isIn(302, 303);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(stolen.get("/api/schools/" + school).statusCode()).isEqualTo(401);
    }

    @Test
    void changingAPasswordEndsThePersonsSessions() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        PageSession session = PageSession.signIn(lead.username(), lead.password());
        assertThat(session.get("/schools/{id}", school).statusCode()).isEqualTo(200);

        lead.given().contentType(ContentType.JSON).body(Map.of("password", UUID.randomUUID().toString()))
                .put("/api/users/{u}/password", lead.username()).then().statusCode(200);

        assertThat(session.get("/schools/{id}", school).statusCode()).isNotEqualTo(200);
    }

    @Test
    void tenWrongPasswordsPauseSignInForThatUsernameWhateverThePassword() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        for (int i = 0; i < 10; i++) {
            given().auth().preemptive().basic(lead.username(), "wrong-" + i).get("/api/schools/{id}", school)
                    .then().statusCode(401);
        }

        given().auth().preemptive().basic(lead.username(), lead.password()).get("/api/schools/{id}", school)
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThan(800), org.hamcrest.Matchers.lessThanOrEqualTo(900)));
        Response form = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", lead.username(), "j_password", lead.password())).post("/j_security_check");
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.header("Retry-After")).isNotBlank();
        assertThat(form.getCookies()).doesNotContainKey("quarkus-credential");

        TestUsers.Person other = TestUsers.lead(school);
        other.given().get("/api/schools/{id}", school).then().statusCode(200);
    }

    @Test
    void anUnknownUsernameIsPausedTheSameWaySoA429SaysNothingAboutWhoExists() {
        String nobody = "nobody-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            given().auth().preemptive().basic(nobody, "wrong-" + i).get("/api/schools").then().statusCode(401);
        }
        given().auth().preemptive().basic(nobody, "wrong").get("/api/schools").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void nineWrongPasswordsDoNotPauseSignIn() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        for (int i = 0; i < 9; i++) {
            given().auth().preemptive().basic(lead.username(), "wrong-" + i).get("/api/schools/{id}", school)
                    .then().statusCode(401);
        }
        lead.given().get("/api/schools/{id}", school).then().statusCode(200);
    }

    @Test
    void theSessionCookieChangesNothingThroughTheApiWithoutTheSessionsCsrfToken() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        PageSession session = PageSession.signIn(lead.username(), lead.password());
        PageSession otherSession = PageSession.signIn(lead.username(), lead.password());

        Response forged = session.withCookies().post("/api/schools/{id}/evaluate", school);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        Response anotherSessionsToken = session.withCookies().header("X-CSRF-Token", otherSession.csrfToken())
                .post("/api/schools/{id}/evaluate", school);
        assertThat(anotherSessionsToken.statusCode()).isEqualTo(403);

        assertThat(session.withCookies().get("/api/schools/{id}", school).statusCode()).isEqualTo(200);
        assertThat(session.withCookies().header("X-CSRF-Token", session.csrfToken())
                .post("/api/schools/{id}/evaluate", school).statusCode()).isEqualTo(200);
        lead.given().post("/api/schools/{id}/evaluate", school).then().statusCode(200);
    }
}

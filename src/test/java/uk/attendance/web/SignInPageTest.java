package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.web.SchoolPageTest.html;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import uk.attendance.AdminByDefault;
import uk.attendance.OnFixedToday;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

@QuarkusTest
class SignInPageTest implements OnFixedToday {

    @Test
    void theSignInPageIsAFormForTheSameUsersAsTheApi() {
        Document page = html(PageSession.anonymous().get("/login"));

        assertThat(page.select("form").attr("action")).isEqualTo("/j_security_check");
        assertThat(page.select("label[for=username]").text()).isEqualTo("Username");
        assertThat(page.select("input#password").attr("type")).isEqualTo("password");
    }

    @Test
    void aWrongPasswordComesBackToTheFormWithAMessage() {
        TestUsers.Person lead = TestUsers.lead(TestData.school("coopers"));

        Response wrong = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", lead.username(), "j_password", "not-" + lead.password()))
                .post("/j_security_check");

        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.header("Location")).endsWith("/login?error=true");
        assertThat(wrong.getCookies()).doesNotContainKey("quarkus-credential");
        assertThat(html(PageSession.anonymous().get("/login?error=true")).select("[role=alert]").text())
                .isEqualTo("That username and password did not match. Please try again.");
    }

    @Test
    void aLeadWithOneSchoolLandsOnItAndAnAdminSeesEverySchool() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);

        Response landing = PageSession.signIn(lead.username(), lead.password()).get("/");
        assertThat(landing.statusCode()).isEqualTo(303);
        assertThat(landing.header("Location")).endsWith("/schools/" + school);

        Document home = html(PageSession.signIn(AdminByDefault.ADMIN, AdminByDefault.adminPassword()).get("/"));
        assertThat(home.select(".school-list a").eachAttr("href")).contains("/schools/" + school);
        assertThat(home.select(".sign-out strong").text()).isEqualTo(AdminByDefault.ADMIN);
    }

    @Test
    void anAuthorLandsOnThePoliciesAndCannotOpenASchool() {
        TestUsers.Person author = TestUsers.author();
        PageSession session = PageSession.signIn(author.username(), author.password());

        assertThat(session.get("/").header("Location")).endsWith("/policies");
        assertThat(session.get("/schools/{id}", TestData.school("coopers")).statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSession() {
        TestUsers.Person lead = TestUsers.lead(TestData.school("coopers"));
        PageSession session = PageSession.signIn(lead.username(), lead.password());
        assertThat(session.get("/").statusCode()).isEqualTo(303);

        Response out = session.post("/logout", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/login");
        assertThat(session.get("/").header("Location")).endsWith("/login");
    }

    @Test
    void basicCredentialsStillWorkForTheApiButDoNotOpenPages() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);

        lead.given().get("/api/schools/{id}", school).then().statusCode(200);
        Response page = lead.given().redirects().follow(false).get("/schools/{id}", school);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
    }
}

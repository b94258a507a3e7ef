package uk.attendance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;
import uk.attendance.TestUsers;
import uk.attendance.web.PageSession;

/** Headers every answer carries, and redirects that never repeat the Host header. */
@QuarkusTest
class HttpHardeningTest {

    @Test
    void jsonIsNeitherCachedNorSniffedNorFramed() {
        Response answer = given().get("/api/schools");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void pupilPagesCarryAContentSecurityPolicyThatAllowsOnlyTheServicesOwnScriptsAndStyles() {
        String school = TestData.school("coopers");
        TestUsers.Person lead = TestUsers.lead(school);
        Response page = PageSession.signIn(lead.username(), lead.password()).get("/schools/{id}", school);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'");
        Document html = Jsoup.parse(page.asString());
        assertThat(html.select("script:not([src])")).as("inline scripts, which the policy would block").isEmpty();
        assertThat(html.select("[style]")).as("inline styles, which the policy would block").isEmpty();
        java.util.List<String> assets = new java.util.ArrayList<>(html.select("script[src]").eachAttr("src"));
        assets.addAll(html.select("link[rel=stylesheet]").eachAttr("href"));
        assertThat(assets).isNotEmpty();
        for (String asset : assets) {
            assertThat(asset).as("a script or style from this service").startsWith("/");
            assertThat(given().auth().none().get(asset).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aForgedHostHeaderNeverReachesARedirect() {
        Response toSignIn = given().auth().none().redirects().follow(false).header("Host", "evil.example")
                .get("/schools/anything");
        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertThat(toSignIn.header("Location")).isEqualTo("/login").doesNotContain("evil");

        TestUsers.Person lead = TestUsers.lead(TestData.school("coopers"));
        Response signedIn = given().auth().none().redirects().follow(false).header("Host", "evil.example")
                .contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", lead.username(), "j_password", lead.password()))
                .post("/j_security_check");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.header("Location")).startsWith("/").doesNotContain("evil");

        Response landing = given().auth().none().redirects().follow(false).header("Host", "evil.example")
                .cookies(signedIn.getCookies()).get("/");
        assertThat(landing.statusCode()).isEqualTo(303);
        assertThat(landing.header("Location")).startsWith("/").doesNotContain("evil");
    }
}

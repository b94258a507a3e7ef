package uk.attendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/** Behind a TLS-terminating proxy the service talks plain HTTP, yet its cookies must only travel over HTTPS. */
@QuarkusTest
@TestProfile(BehindTlsProxyTest.Proxied.class)
class BehindTlsProxyTest {

    public static class Proxied implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attendance.security.behind-tls-proxy", "true",
                    "attendance.security.public-base-url", "https://attendance.example.org");
        }
    }

    @Test
    void theSignInCookieIsSecureAndRedirectsUseThePublicAddressNotTheHostHeader() {
        TestUsers.Person lead = TestUsers.lead(TestData.school("coopers"));

        Response signIn = RestAssured.given().auth().none().redirects().follow(false).header("Host", "evil.example")
                .contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", lead.username(), "j_password", lead.password()))
                .post("/j_security_check");

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().getValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
        assertThat(signIn.header("Location")).startsWith("https://attendance.example.org/");
        assertThat(signIn.header("Strict-Transport-Security")).contains("max-age=");
    }
}

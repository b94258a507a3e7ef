package uk.attendance;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * REST tests call as the bootstrap admin unless they say otherwise ({@code given().auth()...});
 * the security tests use other users, tokens and no credentials explicitly.
 */
public class AdminByDefault implements QuarkusTestBeforeEachCallback {

    public static final String ADMIN = "admin";

    public static String adminPassword() {
        return ConfigProvider.getConfig().getValue("attendance.admin-password", String.class);
    }

    /** The admin's HTTP Basic header, for a test that calls without REST Assured. */
    public static String basicAuthorization() {
        String credentials = ADMIN + ":" + adminPassword();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, adminPassword());
    }
}

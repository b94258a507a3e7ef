package uk.attendance;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
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

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, adminPassword());
    }
}

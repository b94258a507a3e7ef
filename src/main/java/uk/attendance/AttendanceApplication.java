package uk.attendance;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;
import uk.attendance.db.EmbeddedMariaDb;

/**
 * Starts an embedded MariaDB in the data directory unless an external database is configured,
 * then the service. Quarkus configuration is not up yet, so the two settings are read here the way
 * Quarkus would: system property first, then environment variable.
 */
@QuarkusMain
public class AttendanceApplication {

    private static final Logger LOG = Logger.getLogger(AttendanceApplication.class);

    private static final long QUARKUS_STOP_WAIT_MS = 30_000;
    /** Encrypts the web pages' sign-in cookie; a new key each start means sessions end when the service restarts. */
    private static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";

    public static void main(String... args) throws Exception {
        if (setting("attendance.db.url", "ATTENDANCE_DB_URL") == null) {
            String dataDir = setting("attendance.data-dir", "ATTENDANCE_DATA_DIR");
            EmbeddedMariaDb db = new EmbeddedMariaDb();
            // Registered before the server starts so that Ctrl-C during start-up still stops it.
            // Quarkus.run ends in System.exit, so this hook is also the normal way it stops.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitQuarkusStopped();
                try {
                    db.stop();
                } catch (Exception e) {
                    LOG.error("Could not stop the embedded MariaDB", e);
                }
            }, "embedded-mariadb-stop"));
            EmbeddedMariaDb.Connection connection = db.start(Path.of(dataDir == null ? "./data" : dataDir));
            System.setProperty("attendance.db.url", connection.url());
            System.setProperty("attendance.db.user", connection.user());
            System.setProperty("attendance.db.password", connection.password());
        }
        if (setting(SESSION_KEY, "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY") == null) {
            // Unset, Quarkus would make a key itself and print it in the log; this one is never written anywhere.
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            System.setProperty(SESSION_KEY, Base64.getEncoder().encodeToString(key));
        }
        Quarkus.run(args);
    }

    private static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * On SIGINT/SIGTERM, Quarkus stops the application from its own shutdown hook, concurrently with
     * ours; waiting for it lets shutdown work (transactions, scheduled jobs) still reach the database.
     */
    private static void awaitQuarkusStopped() {
        long deadline = System.currentTimeMillis() + QUARKUS_STOP_WAIT_MS;
        while (ApplicationLifecycleManager.getCurrentApplication() != null && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

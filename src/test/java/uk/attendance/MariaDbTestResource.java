package uk.attendance;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.mariadb.jdbc.Driver;
import uk.attendance.db.EmbeddedMariaDb;

/**
 * The suite's database: the MariaDB on 127.0.0.1:3306 when it answers to root with no password
 * (CI starts one), else an embedded MariaDB under target/. The suite owns database
 * {@code attendance_test} on a shared server (or the one named by {@code ATTENDANCE_TEST_DB}, so two
 * checkouts can run their suites at once); Flyway cleans it at start.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 3306;
    private static final Path EMBEDDED_DIR = Path.of("target", "embedded-mariadb-test" + TestFork.suffix());

    /** The suite's database; other databases of the suite are named after it. */
    public static final String DATABASE = System.getenv().getOrDefault("ATTENDANCE_TEST_DB", "attendance_test")
            + TestFork.suffix();

    private EmbeddedMariaDb embedded;

    @Override
    public Map<String, String> start() {
        String url;
        String user = "root";
        String password = "";
        if (localServerAnswers()) {
            url = localUrl(DATABASE);
        } else {
            embedded = new EmbeddedMariaDb();
            // Quarkus stops test resources at the end of the suite; this covers a JVM cut short.
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-mariadb-test-stop"));
            try {
                EmbeddedMariaDb.Connection connection = embedded.start(EMBEDDED_DIR);
                url = connection.url();
                user = connection.user();
                password = connection.password();
            } catch (Exception e) {
                throw new IllegalStateException("No MariaDB on " + HOST + ":" + PORT + " and the embedded one did not start", e);
            }
        }
        return Map.of(
                "attendance.db.url", url,
                "quarkus.datasource.jdbc.url", url,
                "attendance.db.user", user,
                "attendance.db.password", password,
                // Fresh each run, so no password is written down anywhere; tests read it from config.
                "attendance.admin-password", UUID.randomUUID().toString());
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the embedded MariaDB", e);
            }
        }
    }

    /** A database on the local server, created on first connection. */
    public static String localUrl(String database) {
        return "jdbc:mariadb://" + HOST + ":" + PORT + "/" + database + "?createDatabaseIfNotExist=true";
    }

    public static boolean localServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 300);
        } catch (IOException e) {
            return false;
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", "root");
        credentials.setProperty("password", "");
        try (Connection c = new Driver().connect("jdbc:mariadb://" + HOST + ":" + PORT + "/?connectTimeout=2000", credentials)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}

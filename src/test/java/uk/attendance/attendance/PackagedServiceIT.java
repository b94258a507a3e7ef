package uk.attendance.attendance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.DbSessions;
import uk.attendance.MariaDbTestResource;
import uk.attendance.TestData;
import uk.attendance.db.EmbeddedMariaDb;

/**
 * The packaged service as deployed: behind a TLS-terminating proxy, and killed (kill -9) in the middle of a nightly
 * post. Both tests share one started service (each start of the packaged jar costs seconds); the restart test leaves
 * it running again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedServiceIT {

    private static final String ADMIN_PASSWORD = java.util.UUID.randomUUID().toString();
    private static final String SCHOOL = "restart-school";
    private static final int PUPILS = 100;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String PUBLIC_BASE_URL = "https://attendance.example.org";

    private EmbeddedMariaDb embedded;
    private String databaseUrl;
    private String databaseUser = "root";
    private String databasePassword = "";
    private Connection database;
    private Process service;
    private int port;

    @BeforeAll
    void freshDatabaseAndService() throws Exception {
        if (MariaDbTestResource.localServerAnswers()) {
            databaseUrl = MariaDbTestResource.localUrl(MariaDbTestResource.DATABASE + "_restart");
        } else {
            embedded = new EmbeddedMariaDb();
            EmbeddedMariaDb.Connection connection = embedded.start(Path.of("target", "embedded-mariadb-restart-it"));
            databaseUrl = connection.url();
            databaseUser = connection.user();
            databasePassword = connection.password();
        }
        database = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
        String name = database.getCatalog();
        try (Statement statement = database.createStatement()) {
            statement.execute("DROP DATABASE " + name);
            statement.execute("CREATE DATABASE " + name);
            statement.execute("USE " + name);
        }
        startService();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (service != null) {
            service.destroyForcibly().waitFor();
        }
        if (database != null) {
            database.close();
        }
        if (embedded != null) {
            embedded.stop();
        }
    }

    /** Behind a TLS-terminating proxy the service talks plain HTTP, yet its cookies must only travel over HTTPS. */
    @Test
    void behindATlsProxyTheSignInCookieIsSecureAndRedirectsUseThePublicAddressNotTheHostHeader() {
        Response signIn = given().baseUri("http://localhost").port(port).redirects().follow(false).header("Host", "evil.example")
                .contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", "admin", "j_password", ADMIN_PASSWORD))
                .post("/j_security_check");

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().getValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
        assertThat(signIn.header("Location")).startsWith(PUBLIC_BASE_URL + "/");
        assertThat(signIn.header("Strict-Transport-Security")).contains("max-age=");
    }

    /**
     * Killed in the middle of a nightly post and started again: the marks it acknowledged earlier are all there, nothing
     * of the unacknowledged post is, and the post then succeeds.
     */
    @Test
    void acknowledgedMarksSurviveAKillDuringALaterPostAndNothingOfThatPostRemains() throws Exception {
        List<String> upns = new ArrayList<>();
        List<Map<String, Object>> pupils = new ArrayList<>();
        for (int i = 0; i < PUPILS; i++) {
            upns.add(TestData.upn(700 + i));
            pupils.add(TestData.pupil(upns.get(i), "2012-03-04", 9));
        }
        api().contentType("application/json").body(Map.of("name", "Restart School", "policy", "coopers"))
                .put("/api/schools/{id}", SCHOOL).then().statusCode(200);
        api().contentType("application/json").body(pupils).put("/api/schools/{id}/pupils", SCHOOL).then().statusCode(200);
        String firstWeek = TestData.presentEveryWeekday(upns, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 5));
        int acknowledged = PUPILS * 10;
        post(firstWeek).then().statusCode(200).body("inserted", equalTo(acknowledged));

        // The term's post amends one mark of the first week; holding that mark stops the post there,
        // after it has sent every insert, and the service is killed while it waits.
        String term = TestData.presentEveryWeekday(upns, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 24))
                .replaceFirst(",2025-09-01,AM,/", ",2025-09-01,AM,M");
        int termMarks = PUPILS * 80;
        database.setAutoCommit(false);
        DbSessions.lockMark(database, SCHOOL, upns.get(0), "2025-09-01", "AM");
        CompletableFuture<HttpResponse<String>> killed = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/schools/" + SCHOOL + "/attendance"))
                .header("Content-Type", "text/csv").header("Authorization", basicAuth())
                .POST(HttpRequest.BodyPublishers.ofString(term)).build(), HttpResponse.BodyHandlers.ofString());
        long postConnection = DbSessions.awaitStatement(database, "UPDATE session_mark%", Duration.ofSeconds(60));
        assertThat(DbSessions.uncommittedRows(database, postConnection)).as("rows the post had written").isGreaterThan(termMarks / 2);
        service.destroyForcibly().waitFor();
        assertThat(killed).failsWithin(Duration.ofSeconds(30));
        database.rollback();
        database.setAutoCommit(true);
        // The server notices its client is gone and rolls the transaction back by itself.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (DbSessions.isOpen(database, postConnection)) {
            assertThat(Instant.now()).as("the killed service's session is still open").isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }

        assertThat(count("SELECT COUNT(*) FROM session_mark WHERE school_id = '" + SCHOOL + "'")).isEqualTo(acknowledged);
        assertThat(count("SELECT COUNT(*) FROM mark_amendment")).isZero();

        startService();
        api().queryParam("to", "2025-09-30").get("/api/schools/{id}/pupils/{upn}/attendance", SCHOOL, upns.get(0)).then()
                .statusCode(200).body("", hasSize(10)).body("[0].code", equalTo("/")).body("[0].history", hasSize(1));
        post(term).then().statusCode(200).body("received", equalTo(termMarks))
                .body("inserted", equalTo(termMarks - acknowledged)).body("amended", equalTo(1))
                .body("unchanged", equalTo(acknowledged - 1));
    }

    private void startService() throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // C1 only and the parallel collector: on 2 cores the service starts in about half the time, and these tests are
        // about what survives a kill and what headers go out, not about the JIT.
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        builder.environment().putAll(Map.of(
                "ATTENDANCE_SECURITY_BEHIND_TLS_PROXY", "true",
                "ATTENDANCE_SECURITY_PUBLIC_BASE_URL", PUBLIC_BASE_URL,
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "ATTENDANCE_DB_URL", databaseUrl,
                "ATTENDANCE_DB_USER", databaseUser,
                "ATTENDANCE_DB_PASSWORD", databasePassword,
                "ATTENDANCE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "ATTENDANCE_POLICIES_DIR", Path.of("policies").toAbsolutePath().toString()));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/service-restart-it.log")));
        service = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("the service is running (see target/service-restart-it.log)").isTrue();
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("the service did not start within " + START_TIMEOUT + " (see target/service-restart-it.log)");
    }

    private RequestSpecification api() {
        return given().baseUri("http://localhost").port(port).auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    private Response post(String csv) {
        return api().contentType("text/csv").body(csv).post("/api/schools/{id}/attendance", SCHOOL);
    }

    private static String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getLong(1);
        }
    }
}

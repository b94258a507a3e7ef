package uk.attendance;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** People and MIS tokens for REST tests, created through the API as the bootstrap admin. */
public final class TestUsers {

    private static final AtomicInteger USERS = new AtomicInteger();

    private TestUsers() {
    }

    /** A person's username and password; {@link #given()} starts a request signed in as them. */
    public record Person(String username, String password) {
        public RequestSpecification given() {
            return io.restassured.RestAssured.given().auth().preemptive().basic(username, password);
        }
    }

    public static Person lead(String... schools) {
        return person("lead", List.of(schools));
    }

    public static Person author() {
        return person("author", List.of());
    }

    public static Person admin() {
        return person("admin", List.of());
    }

    /** A person with one role, bound to the given schools. */
    public static Person person(String role, String... schools) {
        return person(role, List.of(schools));
    }

    private static Person person(String role, List<String> schools) {
        String username = role + "-" + USERS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        String password = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", List.of(role), "schools", schools))
                .post("/api/users").then().statusCode(201);
        return new Person(username, password);
    }

    /** A new MIS token for the school, as shown once by the API. */
    public static String misToken(String schoolId, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/schools/{id}/tokens", schoolId).then().statusCode(201)
                .extract().path("token");
    }

    /** A request sent with an MIS bearer token. */
    public static RequestSpecification asMis(String token) {
        return given().auth().oauth2(token);
    }
}

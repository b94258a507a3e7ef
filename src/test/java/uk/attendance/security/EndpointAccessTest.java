package uk.attendance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/**
 * Walks every operation in the OpenAPI document with every kind of caller, against their own
 * school and another one. An operation missing from {@link #ACCESS} fails the test, so a new
 * endpoint cannot ship without someone deciding who may call it.
 */
@QuarkusTest
class EndpointAccessTest {

    enum Who { ADMIN, AUTHOR, LEAD, MIS }

    private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);

    /** Who may call each operation; for a school-scoped path, only in their own school. */
    private static final Map<String, Set<Who>> ACCESS = Map.ofEntries(
            Map.entry("GET /api/schools", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("PUT /api/schools/{schoolId}", ADMIN),
            Map.entry("GET /api/schools/{schoolId}", EnumSet.of(Who.ADMIN, Who.LEAD, Who.MIS)),
            Map.entry("PUT /api/schools/{schoolId}/calendar", EnumSet.of(Who.ADMIN, Who.MIS)),
            Map.entry("GET /api/schools/{schoolId}/calendar", EnumSet.of(Who.ADMIN, Who.LEAD, Who.MIS)),
            Map.entry("PUT /api/schools/{schoolId}/pupils", EnumSet.of(Who.ADMIN, Who.MIS)),
            Map.entry("GET /api/schools/{schoolId}/pupils", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /api/schools/{schoolId}/pupils/{upn}", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("POST /api/schools/{schoolId}/attendance", EnumSet.of(Who.ADMIN, Who.MIS)),
            Map.entry("GET /api/schools/{schoolId}/pupils/{upn}/attendance", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("POST /api/schools/{schoolId}/interventions", EnumSet.of(Who.ADMIN, Who.LEAD, Who.MIS)),
            Map.entry("GET /api/schools/{schoolId}/pupils/{upn}/interventions", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /api/schools/{schoolId}/pupils/{upn}/audit", ADMIN),
            Map.entry("POST /api/schools/{schoolId}/evaluate", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /api/schools/{schoolId}/actions", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("POST /api/schools/{schoolId}/actions/{id}/decision", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("POST /api/schools/{schoolId}/actions/decisions", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /api/schools/{schoolId}/letters.pdf", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /api/schools/{schoolId}/lists/class-list.pdf", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /api/schools/{schoolId}/lists/class-list.xlsx", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /api/schools/{schoolId}/lists/weekly-summary.pdf", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /api/schools/{schoolId}/lists/weekly-summary.xlsx", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("POST /api/schools/{schoolId}/tokens", ADMIN),
            Map.entry("GET /api/schools/{schoolId}/tokens", ADMIN),
            Map.entry("DELETE /api/schools/{schoolId}/tokens/{tokenId}", ADMIN),
            Map.entry("POST /api/users", ADMIN),
            Map.entry("GET /api/users", ADMIN),
            // For another user's name; a person changing their own password is in AccountsTest.
            Map.entry("PUT /api/users/{username}/password", ADMIN),
            Map.entry("POST /api/users/{username}/disable", ADMIN),
            Map.entry("POST /api/users/{username}/enable", ADMIN),
            Map.entry("GET /api/policies", EnumSet.of(Who.ADMIN, Who.AUTHOR, Who.LEAD)),
            Map.entry("GET /api/policies/{id}", EnumSet.of(Who.ADMIN, Who.AUTHOR, Who.LEAD)),
            Map.entry("POST /api/policies/{id}/validate", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("POST /api/policies/reload", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("GET /api/policies/{id}/versions", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("POST /api/policies/{id}/versions", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("POST /api/policies/{id}/versions/{version}/activate", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("POST /api/policies/{id}/dry-run", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("POST /api/policies/{id}/scenarios/run", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("POST /api/schools/{schoolId}/registers/verify", ADMIN),
            Map.entry("POST /api/schools/{schoolId}/registers/rebuild", ADMIN));

    private String own;
    private String other;
    private String ownUpn;
    private String otherUpn;
    private Map<Who, Function<RequestSpecification, RequestSpecification>> callers;
    private String revokedToken;

    @BeforeEach
    void schoolsAndCallers() {
        own = TestData.school("coopers");
        other = TestData.school("coopers");
        ownUpn = TestData.upn(1);
        otherUpn = TestData.upn(2);
        TestData.pupils(own, pupil(ownUpn, "2012-01-15", 8));
        TestData.pupils(other, pupil(otherUpn, "2012-01-15", 8));
        TestUsers.Person author = TestUsers.author();
        TestUsers.Person lead = TestUsers.lead(own);
        String token = TestUsers.misToken(own, "SIMS");
        revokedToken = TestUsers.misToken(own, "old SIMS");
        Number revokedId = given().get("/api/schools/{id}/tokens", own).then().statusCode(200)
                .extract().path("find { it.name == 'old SIMS' }.id");
        given().delete("/api/schools/{id}/tokens/{token}", own, revokedId).then().statusCode(200);
        String adminPassword = uk.attendance.AdminByDefault.adminPassword();
        callers = Map.of(
                Who.ADMIN, spec -> spec.auth().preemptive().basic("admin", adminPassword),
                Who.AUTHOR, spec -> spec.auth().preemptive().basic(author.username(), author.password()),
                Who.LEAD, spec -> spec.auth().preemptive().basic(lead.username(), lead.password()),
                Who.MIS, spec -> spec.auth().oauth2(token));
    }

    @Test
    void everyEndpointAnswersOnlyTheCallersItShould() {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().path("paths");
        Set<String> documented = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<?, ?>) item).forEach((method, operation) -> {
            String key = method.toString().toUpperCase() + " " + path;
            documented.add(key);
            if (!ACCESS.containsKey(key)) {
                wrong.add(key + ": not in the access table of this test; decide who may call it");
                return;
            }
            check(key, requestBody((Map<?, ?>) operation), wrong);
        }));

        assertThat(documented).as("operations in the OpenAPI document").containsAll(ACCESS.keySet());
        assertThat(wrong).as("endpoints answering outside the access rules").isEmpty();
    }

    /** A minimal body of the type the operation reads: an empty array or object, or a line of text. */
    private record Body(String contentType, String content) {
    }

    private void check(String key, Body body, List<String> wrong) {
        boolean schoolScoped = key.contains("{schoolId}");
        expect(wrong, key, "no credentials", call(key, body, own, ownUpn, given().auth().none()), 401);
        // A user of its own: ten wrong passwords for one username pause its sign-in (429), and admin signs in next.
        TestUsers.Person victim = TestUsers.author();
        expect(wrong, key, "a wrong password", call(key, body, own, ownUpn,
                given().auth().preemptive().basic(victim.username(), "not-" + victim.password())), 401);
        expect(wrong, key, "a revoked token", call(key, body, own, ownUpn, given().auth().oauth2(revokedToken)), 401);
        expect(wrong, key, "an unknown token", call(key, body, own, ownUpn, given().auth().oauth2("no-such-token")), 401);
        for (Who who : Who.values()) {
            boolean allowed = ACCESS.get(key).contains(who);
            Response ownAnswer = call(key, body, own, ownUpn, callers.get(who).apply(given()));
            if (allowed) {
                expectAllowed(wrong, key, who + " in its own school", ownAnswer);
            } else {
                expect(wrong, key, who, ownAnswer, 403);
            }
            if (schoolScoped) {
                Response otherAnswer = call(key, body, other, otherUpn, callers.get(who).apply(given()));
                if (who == Who.ADMIN) {
                    expectAllowed(wrong, key, "ADMIN in any school", otherAnswer);
                } else {
                    expect(wrong, key, who + " in another school", otherAnswer, 403);
                }
            }
        }
        if (schoolScoped && !key.equals("PUT /api/schools/{schoolId}")) {
            expect(wrong, key, "ADMIN for a school that does not exist",
                    call(key, body, "no-such-school", ownUpn, callers.get(Who.ADMIN).apply(given())), 404);
        }
        if (key.contains("{upn}")) {
            Who reader = ACCESS.get(key).contains(Who.LEAD) ? Who.LEAD : Who.ADMIN;
            expect(wrong, key, reader + " for a pupil not in the school",
                    call(key, body, own, TestData.upn(999), callers.get(reader).apply(given())), 404);
        }
    }

    private static Response call(String key, Body body, String school, String upn, RequestSpecification request) {
        String method = key.substring(0, key.indexOf(' '));
        String path = key.substring(key.indexOf(' ') + 1)
                .replace("{schoolId}", school).replace("{upn}", upn)
                .replace("{id}", key.contains("/policies/") ? "coopers" : "999999")
                .replace("{tokenId}", "999999").replace("{version}", "000000000000")
                .replace("{username}", "no-such-user");
        if (body != null) {
            request = request.contentType(body.contentType()).body(body.content());
        }
        return request.redirects().follow(false).request(method, path);
    }

    private static Body requestBody(Map<?, ?> operation) {
        Object body = operation.get("requestBody");
        if (body == null) {
            return null;
        }
        Map<?, ?> content = (Map<?, ?>) ((Map<?, ?>) body).get("content");
        if (!content.containsKey("application/json")) {
            return new Body(content.keySet().iterator().next().toString(), "rule");
        }
        Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) content.get("application/json")).get("schema");
        boolean array = schema != null && "array".equals(schema.get("type"));
        return new Body("application/json", array ? "[]" : "{}");
    }

    private static void expect(List<String> wrong, String key, Object caller, Response answer, int status) {
        if (answer.statusCode() != status) {
            wrong.add(key + " with " + caller + ": " + answer.statusCode() + ", expected " + status);
        } else if (!answer.contentType().startsWith("application/problem+json")) {
            wrong.add(key + " with " + caller + ": " + status + " as " + answer.contentType() + ", not problem+json");
        }
    }

    private static void expectAllowed(List<String> wrong, String key, String caller, Response answer) {
        int status = answer.statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            wrong.add(key + " with " + caller + ": " + status + ", expected to be let in");
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}

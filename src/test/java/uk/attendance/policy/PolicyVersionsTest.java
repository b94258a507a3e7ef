package uk.attendance.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.PolicyFolderTestResource;
import uk.attendance.TestUsers;
import uk.attendance.web.PageSession;

/** Every version a policy is loaded with is kept: an author lists them, sees what changed, makes a new one and goes back. */
@QuarkusTest
class PolicyVersionsTest {

    private static final String ID = "versions";
    private static final Path FOLDER = PolicyFolderTestResource.POLICIES.resolve(ID);

    private static String drl(String threshold) {
        return ProbePolicy.drl(threshold).replace("policies.probe", "policies.versions");
    }

    private static Map<String, Object> files(String drl) {
        return Map.of("files", List.of(Map.of("name", "probe.drl", "content", drl)));
    }

    @Test
    void newVersionThenRollBack() throws IOException {
        ProbePolicy.write(FOLDER, drl("85"));
        given().post("/api/policies/reload").then().statusCode(200);
        String first = given().get("/api/policies/{id}", ID).then().body("status", equalTo("LOADED")).extract().path("version");
        given().get("/api/policies/{id}/versions", ID).then().statusCode(200)
                .body("[0].version", equalTo(first))
                .body("[0].loadedBy", equalTo("admin"))
                .body("[0].active", equalTo(true))
                .body("[0].files", contains("parameters.properties", "probe.drl"));

        // Changed files become the version in use: written to the folder, loaded, kept in the history.
        String second = given().contentType(ContentType.JSON).body(files(drl("95")))
                .post("/api/policies/{id}/versions", ID).then().statusCode(200)
                .body("status", equalTo("LOADED")).extract().path("version");
        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(FOLDER.resolve("probe.drl"))).contains("< 95");
        given().get("/api/policies/{id}/versions", ID).then()
                .body("version", contains(second, first))
                .body("active", contains(true, false));

        // The page shows both, what changed between them, and offers the earlier one again.
        TestUsers.Person author = TestUsers.author();
        PageSession page = PageSession.signIn(author.username(), author.password());
        page.get("/policies/{id}?from={from}&to={to}", ID, first, second).then().statusCode(200)
                .body(containsString("Use this version again"))
                .body(containsString("probe.drl (changed)"))
                .body(containsString("attendancePercent &lt; 95"));

        // Back to the first version: its files go back into the folder.
        given().post("/api/policies/{id}/versions/{version}/activate", ID, first).then().statusCode(200)
                .body("version", equalTo(first));
        assertThat(Files.readString(FOLDER.resolve("probe.drl"))).contains("< 85");
        given().get("/api/policies/{id}/versions", ID).then()
                .body("version", contains(first, second, first))
                .body("active", contains(true, false, false));
        given().post("/api/policies/{id}/versions/{version}/activate", ID, "0123456789ab").then().statusCode(404)
                .contentType(containsString("application/problem+json"));

        // A hand edit and a reload is a new version like any other.
        Files.writeString(FOLDER.resolve("probe.drl"), drl("90"));
        given().post("/api/policies/reload").then().statusCode(200);
        given().get("/api/policies/{id}/versions", ID).then().body("[0].active", equalTo(true))
                .body("[0].version", equalTo(given().get("/api/policies/{id}", ID).path("version")));
    }

    @Test
    void filesThatDoNotCompileChangeNothingAndSayWhere() throws IOException {
        ProbePolicy.write(FOLDER, drl("85"));
        given().post("/api/policies/reload").then().statusCode(200);
        String broken = drl("95").replace("$p : PupilFacts(", "$p : PupilFacts( nonsense == ,");
        given().contentType(ContentType.JSON).body(files(broken)).post("/api/policies/{id}/versions", ID).then().statusCode(422)
                .body("errors[0].file", equalTo("probe.drl"))
                .body("errors[0].line", equalTo(9));
        assertThat(Files.readString(FOLDER.resolve("probe.drl"))).contains("< 85");

        given().contentType(ContentType.JSON).body(Map.of("files", List.of(Map.of("name", "../coopers/coopers.drl", "content", "x"))))
                .post("/api/policies/{id}/versions", ID).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("files[0].name"));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/policies/{id}/versions", ID).then().statusCode(400)
                .body("errors[0].field", equalTo("files"));
        assertThat(Files.exists(PolicyFolderTestResource.POLICIES.resolve("coopers").resolve("coopers.drl"))).isTrue();
    }
}

package uk.attendance.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import uk.attendance.PolicyFolderTestResource;
import uk.attendance.TestData;
import uk.attendance.rules.HostilePolicies;

@QuarkusTest
class PolicyResourceTest {

    private static final Path PROBE = PolicyFolderTestResource.POLICIES.resolve("probe");

    @Test
    void theFiveSeedPoliciesAreLoadedWithAVersion() {
        given().get("/api/policies").then().statusCode(200)
                .body("id", hasItems("coopers", "st-dunstans", "st-clares", "trust-template", "clifford-all-saints"))
                .body("version", everyItem(matchesPattern("[0-9a-f]{12}")));
        given().get("/api/policies/{id}", "coopers").then().statusCode(200)
                .body("status", equalTo("LOADED"))
                .body("rules", greaterThan(10))
                .body("ruleNames", hasItem("Coopers: Cause for concern level 1 — AT1 letter"))
                .body("ruleNames", hasItem("Statutory: national threshold — 10 unauthorised sessions in 10 school weeks"))
                .body("files.name", hasItems("coopers.drl", "parameters.properties", "README.md"));
    }

    /** Ten school days at 95%: one session of illness in twenty. */
    private static void pupilAt95Percent(String school, String upn) {
        TestData.pupils(school, pupil(upn, "2014-02-03", 6));
        List<Map<String, String>> marks = new ArrayList<>();
        String[] days = {"2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12", "2025-09-15", "2025-09-16",
            "2025-09-17", "2025-09-18", "2025-09-19"};
        for (String day : days) {
            marks.add(mark(upn, day, "AM", day.equals("2025-09-19") ? "I" : "/"));
            marks.add(mark(upn, day, "PM", "\\"));
        }
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks)).post("/api/schools/{id}/attendance", school)
                .then().statusCode(200);
    }

    private static void evaluate(String school) {
        given().queryParam("asOf", "2025-09-19").post("/api/schools/{id}/evaluate", school).then().statusCode(200);
    }

    @Test
    void anEditOnDiskTakesEffectOnReloadAndABrokenEditKeepsTheOldRules() {
        ProbePolicy.write(PROBE, ProbePolicy.drl("90"));
        given().post("/api/policies/reload").then().statusCode(200).body("id", hasItem("probe"));
        String version = given().get("/api/policies/{id}", "probe").then().extract().path("version");
        String school = TestData.school("probe");
        String first = TestData.upn(200);
        pupilAt95Percent(school, first);
        evaluate(school);
        given().get("/api/schools/{id}/actions", school).then().body("type", not(hasItem("PROBE_LETTER")));

        // The policy author raises the threshold: the next evaluation applies it, without a restart.
        ProbePolicy.write(PROBE, ProbePolicy.drl("97"));
        given().post("/api/policies/reload").then().statusCode(200);
        given().get("/api/policies/{id}", "probe").then().body("status", equalTo("LOADED")).body("version", not(equalTo(version)));
        evaluate(school);
        given().queryParam("upn", first).get("/api/schools/{id}/actions", school).then()
                .body("type", hasItem("PROBE_LETTER")).body("rule", hasItem(ProbePolicy.RULE));

        // A broken edit is reported with its line; the last good rules go on serving.
        String good = given().get("/api/policies/{id}", "probe").then().extract().path("version");
        ProbePolicy.write(PROBE, ProbePolicy.drl("97").replace("$p : PupilFacts(", "$p : PupilFacts( nonsense == ,"));
        given().post("/api/policies/reload").then().statusCode(200);
        given().get("/api/policies/{id}", "probe").then()
                .body("status", equalTo("FAILED"))
                .body("version", equalTo(good))
                .body("errors[0].file", equalTo("probe.drl"))
                .body("errors[0].line", equalTo(9));
        String second = TestData.upn(201);
        pupilAt95Percent(school, second);
        given().queryParam("upn", second).get("/api/schools/{id}/actions", school).then().body("type", hasItem("PROBE_LETTER"));

        ProbePolicy.write(PROBE, ProbePolicy.drl("97"));
        given().post("/api/policies/reload").then().statusCode(200);
    }

    @Test
    void validateCompilesWithoutInstalling() {
        ProbePolicy.write(PROBE, ProbePolicy.drl("90"));
        given().post("/api/policies/reload").then().statusCode(200);
        String version = given().get("/api/policies/{id}", "probe").then().extract().path("version");

        given().contentType(ContentType.TEXT).body(ProbePolicy.drl("95")).post("/api/policies/{id}/validate", "probe").then()
                .statusCode(200).body("valid", equalTo(true));
        given().contentType(ContentType.TEXT).body(ProbePolicy.drl("95").replace("PupilFacts(", "PupilFacts( nonsense == ,"))
                .post("/api/policies/{id}/validate", "probe").then()
                .statusCode(422)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("probe.drl"))
                .body("errors[0].line", equalTo(9))
                .body("errors.message", everyItem(not(containsString("Parser returned a null Package"))));
        given().get("/api/policies/{id}", "probe").then().body("version", equalTo(version));
        given().contentType(ContentType.TEXT).body("rule").post("/api/policies/{id}/validate", "no-such-policy").then()
                .statusCode(404);
    }

    /** Issue 10: validating or loading a policy whose declarations call code refuses it at its line and creates nothing. */
    @Test
    void aPolicyThatWouldRunCodeIsRefusedByValidateAndReloadAndCreatesNothing() throws IOException {
        Path dir = Files.createTempDirectory("hostile-policy");
        for (Function<Path, String> payload : List.<Function<Path, String>>of(HostilePolicies::fieldDefault, HostilePolicies::enumArgument)) {
            Path target = dir.resolve("validated-" + UUID.randomUUID());
            given().contentType(ContentType.TEXT).body(payload.apply(target)).post("/api/policies/{id}/validate", "probe").then()
                    .statusCode(422)
                    .body("valid", equalTo(false))
                    .body("errors[0].file", equalTo("probe.drl"))
                    .body("errors[0].line", equalTo(HostilePolicies.CODE_LINE))
                    .body("errors[0].message", containsString("plain value"));
            assertThat(target).doesNotExist();

            Path loaded = dir.resolve("reloaded-" + UUID.randomUUID());
            ProbePolicy.write(PROBE, payload.apply(loaded));
            given().post("/api/policies/reload").then().statusCode(200);
            given().get("/api/policies/{id}", "probe").then()
                    .body("status", equalTo("FAILED"))
                    .body("errors[0].line", equalTo(HostilePolicies.CODE_LINE));
            assertThat(loaded).doesNotExist();
        }
        ProbePolicy.write(PROBE, ProbePolicy.drl("97"));
        given().post("/api/policies/reload").then().statusCode(200);
        given().get("/api/policies/{id}", "probe").then().body("status", equalTo("LOADED"));
    }
}

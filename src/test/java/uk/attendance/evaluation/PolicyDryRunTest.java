package uk.attendance.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.PolicyFolderTestResource;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/** An author tries changed files on a school's live data, day by day through the year, and nothing is stored. */
@QuarkusTest
class PolicyDryRunTest {

    private static final String ID = "dry";
    private static final Path FOLDER = PolicyFolderTestResource.POLICIES.resolve(ID);

    private static String drl(String threshold) {
        return """
                package policies.dry;

                import uk.attendance.rules.fact.*;

                global uk.attendance.rules.PolicyParameters params;

                rule "Dry: attendance below the threshold — letter"
                when
                    $p : PupilFacts( possibleSessions > 0, attendancePercent < %s )
                then
                    insert( Recommendation.of( kcontext, $p, "DRY_LETTER" )
                        .title( "Send the letter" ).stage( "Dry" )
                        .reason( "Attendance " + Words.percent( $p.getAttendancePercent() ) + " this year" )
                        .clause( "Dry policy" ).records( "LETTER", "DRY" ) );
                end
                """.formatted(threshold);
    }

    private static void write(String drl) {
        try {
            Files.createDirectories(FOLDER);
            Files.writeString(FOLDER.resolve("dry.drl"), drl);
            Files.writeString(FOLDER.resolve("parameters.properties"), "policy.name=Dry policy\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        given().post("/api/policies/reload").then().statusCode(200);
    }

    private static Map<String, Object> files(String drl) {
        return Map.of("files", List.of(Map.of("name", "dry.drl", "content", drl)));
    }

    /** Five school days: one pupil off ill on Wednesday morning (83.3% that day, 90% by Friday), one always present. */
    private static String schoolWithPupils(String below, String present) {
        String school = TestData.school(ID);
        TestData.pupils(school, pupil(below, "2014-02-03", 6), pupil(present, "2015-02-03", 5));
        List<Map<String, String>> marks = new ArrayList<>();
        for (String day : List.of("2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12")) {
            marks.add(mark(below, day, "AM", day.equals("2025-09-10") ? "I" : "/"));
            marks.add(mark(below, day, "PM", "\\"));
            marks.add(mark(present, day, "AM", "/"));
            marks.add(mark(present, day, "PM", "\\"));
        }
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks)).post("/api/schools/{id}/attendance", school)
                .then().statusCode(200);
        return school;
    }

    private static io.restassured.response.ValidatableResponse dryRun(String drl, String school) {
        return given().contentType(ContentType.JSON).body(files(drl)).queryParam("school", school).queryParam("asOf", "2025-09-12")
                .post("/api/policies/{id}/dry-run", ID).then();
    }

    @Test
    void addedRemovedAndChangedAgainstTheVersionInUse() throws IOException {
        write(drl("80"));
        String active = given().get("/api/policies/{id}", ID).then().body("status", equalTo("LOADED")).extract().path("version");
        String below = TestData.upn(501);
        String present = TestData.upn(502);
        String school = schoolWithPupils(below, present);

        // At 95% the pupil off ill would get the letter, from the first day below it; nothing is stored.
        dryRun(drl("95"), school).statusCode(200)
                .body("activeVersion", equalTo(active))
                .body("version", not(equalTo(active)))
                .body("added", hasSize(1))
                .body("added[0].upn", equalTo(below))
                .body("added[0].type", equalTo("DRY_LETTER"))
                .body("added[0].conditionMetOn", equalTo("2025-09-10"))
                .body("added[0].reason", containsString("83.3%"))
                .body("added[0].because.find { it.field == 'attendancePercent' }.value", equalTo("83.33"))
                .body("removed", empty())
                .body("changed", empty());
        given().get("/api/schools/{id}/actions", school).then().body("", empty());
        assertThat(Files.readString(FOLDER.resolve("dry.drl"))).contains("< 80");

        // With 95% in use, going back to 80% would lose the letter; a changed wording is a change, not an addition.
        given().contentType(ContentType.JSON).body(files(drl("95"))).post("/api/policies/{id}/versions", ID).then().statusCode(200);
        dryRun(drl("80"), school).statusCode(200).body("added", empty()).body("removed.upn", contains(below));
        dryRun(drl("95").replace("Send the letter", "Post the letter"), school).statusCode(200)
                .body("added", empty()).body("removed", empty())
                .body("changed[0].before.title", equalTo("Send the letter"))
                .body("changed[0].after.title", equalTo("Post the letter"));
    }

    @Test
    void badFilesAndRequestsAreRefusedAndNamed() {
        write(drl("80"));
        String school = TestData.school(ID);
        String broken = drl("95").replace("$p : PupilFacts(", "$p : PupilFacts( nonsense == ,");
        dryRun(broken, school).statusCode(422).body("errors[0].file", equalTo("dry.drl")).body("errors[0].line", equalTo(9));
        given().contentType(ContentType.JSON).body(Map.of("files", List.of(Map.of("name", "../coopers/coopers.drl", "content", "x"))))
                .queryParam("school", school).post("/api/policies/{id}/dry-run", ID).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("files[0].name"));
        given().contentType(ContentType.JSON).body(files(drl("95"))).post("/api/policies/{id}/dry-run", ID).then().statusCode(400)
                .body("errors[0].field", equalTo("school"));
        given().contentType(ContentType.JSON).body(files(drl("95"))).queryParam("school", school).queryParam("asOf", "2025-13-01")
                .post("/api/policies/{id}/dry-run", ID).then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().contentType(ContentType.JSON).body(files(drl("95"))).queryParam("school", school).queryParam("asOf", "2099-01-01")
                .post("/api/policies/{id}/dry-run", ID).then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void aDryRunIsScopedToTheAuthorsSchools() {
        write(drl("80"));
        String own = TestData.school(ID);
        String other = TestData.school(ID);
        TestUsers.Person author = TestUsers.person("author", own);
        author.given().contentType(ContentType.JSON).body(files(drl("95"))).queryParam("school", own)
                .post("/api/policies/{id}/dry-run", ID).then().statusCode(200);
        author.given().contentType(ContentType.JSON).body(files(drl("95"))).queryParam("school", other)
                .post("/api/policies/{id}/dry-run", ID).then().statusCode(403);
        TestUsers.lead(own).given().contentType(ContentType.JSON).body(files(drl("95"))).queryParam("school", own)
                .post("/api/policies/{id}/dry-run", ID).then().statusCode(403);
    }
}

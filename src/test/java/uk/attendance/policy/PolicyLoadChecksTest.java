package uk.attendance.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.attendance.PolicyFolderTestResource;
import uk.attendance.TestData;
import uk.attendance.TestUsers;
import uk.attendance.web.PageSession;

/**
 * What the compiler cannot see is still caught when a policy loads, and a rule that fails while judging one pupil
 * neither fails a committed post nor stops the other pupils being evaluated.
 */
@QuarkusTest
class PolicyLoadChecksTest {

    private static final Path UNSAFE = PolicyFolderTestResource.POLICIES.resolve("unsafe");

    private static final String DRL = """
            package policies.unsafe;

            import uk.attendance.rules.fact.*;

            global uk.attendance.rules.PolicyParameters params;

            rule "Unsafe: below the threshold — letter"
            when
                $p : PupilFacts( possibleSessions > 0, attendancePercent < params.number("letter.belowPercent") )
            then
                insert( Recommendation.of( kcontext, $p, "UNSAFE_LETTER" ).title( "Send the letter" )
                    .reason( "Attendance " + Words.percent( $p.getAttendancePercent() ) ).clause( "Unsafe policy" )
                    .records( "LETTER", "UNSAFE" ) );
            end
            """;

    @AfterEach
    void removeThePolicy() throws IOException {
        if (Files.exists(UNSAFE)) {
            try (Stream<Path> files = Files.walk(UNSAFE)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        given().post("/api/policies/reload").then().statusCode(200);
    }

    private static void write(String drl, String parameters) {
        try {
            Files.createDirectories(UNSAFE);
            Files.writeString(UNSAFE.resolve("unsafe.drl"), drl);
            Files.writeString(UNSAFE.resolve("parameters.properties"), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aParameterReadButNotDefinedFailsTheLoadAtTheLineThatReadsIt() {
        write(DRL, "policy.name=Unsafe\nletter.below=95\n");
        given().post("/api/policies/reload").then().statusCode(200)
                .body("find { it.id == 'unsafe' }.status", equalTo("FAILED"));
        given().get("/api/policies/{id}", "unsafe").then()
                .body("errors[0].file", equalTo("unsafe.drl"))
                .body("errors[0].line", equalTo(9))
                .body("errors[0].message", containsString("'letter.belowPercent'"));
        given().contentType(ContentType.TEXT).body(DRL.replace("letter.belowPercent", "letter.below"))
                .post("/api/policies/{id}/validate", "unsafe").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aParameterThatIsNotANumberFailsTheLoadAtItsLine() {
        write(DRL, "policy.name=Unsafe\n# the letter's threshold\nletter.belowPercent=ninety five\n");
        given().post("/api/policies/reload").then().statusCode(200);
        given().get("/api/policies/{id}", "unsafe").then()
                .body("status", equalTo("FAILED"))
                .body("errors[0].file", equalTo("parameters.properties"))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].message", containsString("unsafe.drl line 9 reads it as a number"));

        write(DRL, "policy.name=Unsafe\nletter.belowPercent=95.5\n");
        given().post("/api/policies/reload").then().statusCode(200);
        given().get("/api/policies/{id}", "unsafe").then().body("status", equalTo("LOADED"));
    }

    @Test
    void anUnknownInterventionKindFailsValidationAtItsLine() {
        write(DRL, "policy.name=Unsafe\nletter.belowPercent=95\n");
        given().post("/api/policies/reload").then().statusCode(200);
        given().contentType(ContentType.TEXT).body(DRL.replace("\"LETTER\", \"UNSAFE\"", "\"LETER\", \"UNSAFE\""))
                .post("/api/policies/{id}/validate", "unsafe").then()
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].file", equalTo("unsafe.drl"))
                .body("errors[0].line", equalTo(13))
                .body("errors[0].message", containsString("LETER"));
        // A commented-out read is not checked.
        given().contentType(ContentType.TEXT).body(DRL + "\n// params.number(\"no.such\")\n")
                .post("/api/policies/{id}/validate", "unsafe").then().statusCode(200);
    }

    @Test
    void aRuleThatFailsForOnePupilLeavesThePostCommittedAndTheOthersEvaluated() {
        // The second rule mistakes the UPN (which starts with a letter) for a number, for year 6 only.
        write(DRL + """

                rule "Unsafe: year 6 — a rule with a bug"
                when
                    $p : PupilFacts( yearGroup == 6 )
                then
                    insert( Recommendation.of( kcontext, $p, "BROKEN" ).reason( "UPN " + Integer.parseInt( $p.getUpn() ) ) );
                end
                """, "policy.name=Unsafe\nletter.belowPercent=97\n");
        given().post("/api/policies/reload").then().statusCode(200);
        given().get("/api/policies/{id}", "unsafe").then().body("status", equalTo("LOADED"));

        String school = TestData.school("unsafe");
        String year6 = TestData.upn(301);
        String year5 = TestData.upn(302);
        TestData.pupils(school, pupil(year6, "2014-02-03", 6), pupil(year5, "2015-02-03", 5));
        List<Map<String, String>> marks = new ArrayList<>();
        for (String upn : List.of(year6, year5)) {
            for (String day : List.of("2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12")) {
                marks.add(mark(upn, day, "AM", day.equals("2025-09-10") ? "I" : "/"));
                marks.add(mark(upn, day, "PM", "\\"));
            }
        }
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks)).post("/api/schools/{id}/attendance", school)
                .then().statusCode(200)
                .body("inserted", equalTo(20))
                .body("evaluation.pupilsEvaluated", equalTo(1))
                .body("evaluation.errors", hasSize(1))
                .body("evaluation.errors[0].upn", equalTo(year6))
                .body("evaluation.errors[0].rule", equalTo("Unsafe: year 6 — a rule with a bug"))
                .body("evaluation.errors[0].message", containsString("For input string"));

        given().queryParam("upn", year5).get("/api/schools/{id}/actions", school).then().body("type", hasItem("UNSAFE_LETTER"));
        given().queryParam("upn", year6).get("/api/schools/{id}/actions", school).then().body("type", not(hasItem("UNSAFE_LETTER")));
        given().get("/api/schools/{id}/pupils/{upn}/attendance", school, year6).then().statusCode(200).body("", hasSize(10));
        given().queryParam("asOf", "2025-09-12").post("/api/schools/{id}/evaluate", school).then().statusCode(200)
                .body("errors[0].upn", equalTo(year6));

        TestUsers.Person author = TestUsers.author();
        PageSession.signIn(author.username(), author.password()).get("/policies").then().statusCode(200)
                .body(containsString("Rules that failed in evaluations"))
                .body(containsString("Unsafe: year 6 — a rule with a bug"));
    }
}

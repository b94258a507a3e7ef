package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static uk.attendance.web.SchoolPageTest.html;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import uk.attendance.OnFixedToday;
import uk.attendance.PolicyFolderTestResource;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

@QuarkusTest
class LetterPageTest implements OnFixedToday {

    private static final Path COOPERS_LETTERS = PolicyFolderTestResource.POLICIES.resolve("coopers").resolve("letters");

    @Test
    void theLetterIsThePolicysTemplateFilledWithThePupilTheParentsTheFiguresAndTheSchool() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(501, "Nell", "Ashby");
        TestUsers.Person lead = TestUsers.lead(school.id());

        Document page = html(PageSession.signIn(lead.username(), lead.password())
                .get("/schools/{id}/actions/{action}/letter", school.id(), school.at1ActionId()));

        assertThat(page.select(".letter-toolbar .meta").text()).isEqualTo("For Nell Ashby. Written from coopers/letters/AT1_LETTER.html.");
        String letter = page.select("article.letter").text();
        assertThat(page.select("article.letter .letter-school").text()).isEqualTo("Test school");
        assertThat(page.select("article.letter .letter-date").text()).isEqualTo("5 November 2025");
        assertThat(letter).contains("Robin Ashby and Sam Ashby").contains("Dear Robin Ashby and Sam Ashby,")
                .contains("Parents and carers of Nell Ashby, Year 9")
                .contains("at least 97% of the time")
                .contains("up to 5 November 2025, Nell's attendance is 80.0%")
                .contains("Nell has missed 6 days (12 sessions)")
                .contains("Head of Year");
        assertThat(page.select("button[data-print]").text()).isEqualTo("Print the letter");
    }

    @Test
    void recordingTheLetterAsSentCompletesTheActionAndRecordsTheLetter() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(502, "Olly", "Brand");
        TestUsers.Person lead = TestUsers.lead(school.id());
        PageSession session = PageSession.signIn(lead.username(), lead.password());
        String letterPage = "/schools/" + school.id() + "/actions/" + school.at1ActionId() + "/letter";
        session.get(letterPage);

        Response sent = session.post("/schools/{id}/actions/{action}/decision",
                Map.of("decision", "COMPLETED", "date", "2025-11-04", "note", "Posted", "returnTo", letterPage),
                school.id(), school.at1ActionId());

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith(letterPage);
        assertThat(html(session.get(letterPage)).select(".letter-toolbar .decided").text())
                .startsWith("Completed on 4 Nov 2025 by " + lead.username());
        given().get("/api/schools/{id}/pupils/{upn}/interventions", school.id(), school.upn()).then()
                .body("[0].kind", equalTo("LETTER")).body("[0].type", equalTo("AT1")).body("[0].date", equalTo("2025-11-04"));
    }

    @Test
    void anAuthorsEditToTheTemplateShowsAtOnceAndABrokenTemplateSaysWhatIsWrong() throws IOException {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(503, "Pip", "Corder");
        PageSession admin = PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword());
        Path template = COOPERS_LETTERS.resolve("AT1_LETTER.html");
        String original = Files.readString(template, StandardCharsets.UTF_8);
        try {
            Files.writeString(template, "<p>{salutation},</p><p>{pupil.givenName} is at {attendance.percent} at {school.name}.</p>");
            Document edited = html(admin.get("/schools/{id}/actions/{action}/letter", school.id(), school.at1ActionId()));
            assertThat(edited.select("article.letter").text()).isEqualTo("Dear Robin Corder and Sam Corder, Pip is at 80.0% at Test school.");

            Files.writeString(template, "<p>{pupil.nickname}</p>");
            Document broken = html(admin.get("/schools/{id}/actions/{action}/letter", school.id(), school.at1ActionId()));
            assertThat(broken.select("article.letter")).isEmpty();
            assertThat(broken.select("[role=alert]").text()).contains("coopers/letters/AT1_LETTER.html").contains("nickname");
        } finally {
            Files.writeString(template, original, StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLetterActionWithoutATemplateGetsTheGenericLetter() throws IOException {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(504, "Quin", "Dalby");
        Path template = COOPERS_LETTERS.resolve("AT1_LETTER.html");
        Path aside = COOPERS_LETTERS.resolve("AT1_LETTER.html.aside");
        Files.move(template, aside);
        try {
            Document page = html(PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword())
                    .get("/schools/{id}/actions/{action}/letter", school.id(), school.at1ActionId()));
            assertThat(page.select(".letter-toolbar .meta").text()).endsWith("Written from the generic letter.");
            assertThat(page.select("article.letter h1").text()).isEqualTo("Quin Dalby's attendance");
            assertThat(page.select("article.letter").text()).contains("Quin has attended 80.0% of sessions");
        } finally {
            Files.move(aside, template);
        }
    }

    @Test
    void namesFromTheMisArePrintedAsTextNeverAsMarkup() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(505);
        given().contentType(ContentType.JSON).body(List.of(Map.of("upn", upn, "givenName", "<script>alert(1)</script>",
                        "familyName", "<b>Bold</b>", "dateOfBirth", "2011-10-04", "yearGroup", 9, "characteristics", List.of(),
                        "parents", List.of(Map.of("parentId", "P1", "name", "<i>Carer</i>")))))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200);
        given().contentType(ContentType.JSON).body(TestData.batch("SIMS", WebTestData.mondaysOff(upn, WebTestData.FIRST_DAY, WebTestData.LAST_DAY)))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
        Number at1 = given().queryParam("type", "AT1_LETTER").get("/api/schools/{id}/actions", school).then().extract().path("[0].id");

        Document page = html(PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword())
                .get("/schools/{id}/actions/{action}/letter", school, at1));

        assertThat(page.select("article.letter script, article.letter b, article.letter i")).isEmpty();
        assertThat(page.select("article.letter").text()).contains("Dear <i>Carer</i>,").contains("<script>alert(1)</script> <b>Bold</b>");
    }

    @Test
    void anActionThatIsNotALetterHasNoLetterPage() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(506);
        TestData.pupils(school, TestData.pupil(upn, "2011-10-04", 9));
        List<Map<String, String>> truant = new java.util.ArrayList<>();
        for (int day = 13; day <= 17; day++) {
            truant.add(TestData.mark(upn, "2025-10-" + day, "AM", "O"));
            truant.add(TestData.mark(upn, "2025-10-" + day, "PM", "O"));
        }
        given().contentType(ContentType.JSON).body(TestData.batch("SIMS", truant)).post("/api/schools/{id}/attendance", school)
                .then().statusCode(200);
        Number penaltyNotice = given().queryParam("type", "CONSIDER_PENALTY_NOTICE").get("/api/schools/{id}/actions", school).then()
                .extract().path("[0].id");

        Response response = PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword())
                .get("/schools/{id}/actions/{action}/letter", school, penaltyNotice);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(html(response).select("main p").first().text()).contains("is not a letter");
    }
}

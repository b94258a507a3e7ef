package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.attendance.OnFixedToday;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/** A morning of bulk work on the pages and the API: the AT1 letters printed as one PDF, marked sent at once; a pupil found by name. */
@QuarkusTest
class BulkWorkTest implements OnFixedToday {

    private static final List<String> FAMILY_NAMES = List.of("Hartley", "Quinn", "Osei");

    private String school;
    private List<Long> at1;
    private PageSession lead;

    @BeforeEach
    void threePupilsDueAnAt1Letter() {
        school = TestData.school("coopers");
        List<Map<String, Object>> pupils = new ArrayList<>();
        List<Map<String, String>> marks = new ArrayList<>();
        for (int i = 0; i < FAMILY_NAMES.size(); i++) {
            String upn = TestData.upn(501 + i);
            pupils.add(Map.of("upn", upn, "givenName", "Robin", "familyName", FAMILY_NAMES.get(i), "dateOfBirth", "2011-10-04",
                    "yearGroup", 9, "registrationGroup", "9" + (char) ('A' + i),
                    "parents", List.of(Map.of("parentId", "P1", "name", "Parent " + FAMILY_NAMES.get(i)))));
            marks.addAll(WebTestData.mondaysOff(upn, WebTestData.FIRST_DAY, WebTestData.LAST_DAY));
        }
        given().contentType(ContentType.JSON).body(pupils).put("/api/schools/{id}/pupils", school).then().statusCode(200);
        given().contentType(ContentType.JSON).body(TestData.batch("SIMS nightly", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
        at1 = given().queryParam("type", "AT1_LETTER").get("/api/schools/{id}/actions", school).then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        assertThat(at1).hasSize(3);
        TestUsers.Person person = TestUsers.lead(school);
        lead = PageSession.signIn(person.username(), person.password());
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    @Test
    void theSelectedLettersComeAsOnePdfOneLetterAPage() throws IOException {
        String ids = at1.stream().map(String::valueOf).collect(Collectors.joining(","));
        Response response = given().queryParam("actions", ids).get("/api/schools/{id}/letters.pdf", school);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/pdf");
        List<String> pages = pages(response.asByteArray());
        assertThat(pages).hasSize(3);
        for (String page : pages) {
            assertThat(page).contains("Attendance: cause for concern, level 1 (AT1)").contains("80.0%");
        }
        Map<String, Long> byFamily = FAMILY_NAMES.stream().collect(Collectors.toMap(f -> f,
                f -> pages.stream().filter(p -> p.contains("Parent " + f)).count()));
        assertThat(byFamily).containsOnly(Map.entry("Hartley", 1L), Map.entry("Quinn", 1L), Map.entry("Osei", 1L));
    }

    @Test
    void aLetterListThatNamesSomethingElseIsRefused() {
        given().queryParam("actions", "12,abc").get("/api/schools/{id}/letters.pdf", school).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("actions"));
        given().queryParam("actions", at1.get(0) + ",99999999").get("/api/schools/{id}/letters.pdf", school).then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("99999999"));
        given().get("/api/schools/{id}/letters.pdf", school).then().statusCode(400);
    }

    @Test
    void theQueueTicksLettersPrintsThemAndMarksThemSentWithOneNoteAndDate() throws IOException {
        Document queue = Jsoup.parse(lead.get("/schools/{id}?type=AT1_LETTER", school).asString());
        assertThat(queue.select("form#bulk")).hasSize(1);
        assertThat(queue.select("input.select[form=bulk]").eachAttr("value"))
                .containsExactlyInAnyOrderElementsOf(at1.stream().map(String::valueOf).toList());
        assertThat(queue.select("form#bulk input[name=allMatching]").parents().first().text()).contains("Select all 3 matching");

        Response pdf = lead.get("/schools/{id}/letters.pdf?actions=" + at1.get(0) + "&actions=" + at1.get(1), school);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pages(pdf.asByteArray())).hasSize(2);

        Response decided = lead.post("/schools/{id}/actions/decisions", Map.of("actions", List.of(at1.get(0), at1.get(1)),
                "decision", "COMPLETED", "note", "Posted", "date", "2025-10-20", "status", "TODO", "type", "AT1_LETTER"), school);
        assertThat(decided.statusCode()).isEqualTo(303);
        Document after = Jsoup.parse(lead.get(decided.header("Location").replaceFirst("^https?://[^/]+", "")).asString());
        assertThat(after.select(".notice").text()).isEqualTo("2 actions completed.");
        assertThat(after.select("article.action")).hasSize(1);
        given().queryParam("type", "AT1_LETTER").queryParam("status", "COMPLETED").get("/api/schools/{id}/actions", school).then()
                .body("id", org.hamcrest.Matchers.containsInAnyOrder(at1.get(0).intValue(), at1.get(1).intValue()))
                .body("note", everyItem(equalTo("Posted")));
    }

    @Test
    void allMatchingTheFiltersAreDecidedTogetherAndOneThatCannotBeDecidesNone() {
        given().contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED"))
                .post("/api/schools/{id}/actions/{a}/decision", school, at1.get(2)).then().statusCode(200);
        // The queue's filter shows every status: the dismissed letter cannot be completed, so nothing is.
        Response refused = lead.post("/schools/{id}/actions/decisions", Map.of("allMatching", "true", "status", "ALL",
                "type", "AT1_LETTER", "decision", "COMPLETED"), school);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString()).select("p.error").text()).contains("already DISMISSED");
        given().queryParam("type", "AT1_LETTER").queryParam("status", "OPEN").get("/api/schools/{id}/actions", school).then()
                .body("size()", equalTo(2));

        Response pdf = lead.get("/schools/{id}/letters.pdf?allMatching=true&status=TODO&type=AT1_LETTER", school);
        assertThat(pdf.statusCode()).isEqualTo(200);
        Response done = lead.post("/schools/{id}/actions/decisions", Map.of("allMatching", "true", "status", "TODO",
                "type", "AT1_LETTER", "decision", "COMPLETED"), school);
        assertThat(done.statusCode()).isEqualTo(303);
        given().queryParam("type", "AT1_LETTER").queryParam("status", "COMPLETED").get("/api/schools/{id}/actions", school).then()
                .body("size()", equalTo(2));
    }

    @Test
    void aPupilIsFoundByNameOnThePupilsPage() {
        Document found = Jsoup.parse(lead.get("/schools/{id}/pupils?search=quin", school).asString());
        assertThat(found.select("table.pupils tbody tr")).hasSize(1);
        assertThat(found.select("table.pupils tbody tr th a").text()).isEqualTo("Quinn, Robin");
        assertThat(found.select("table.pupils tbody tr th a").attr("href")).isEqualTo("/schools/" + school + "/pupils/" + TestData.upn(502));
        Document groups = Jsoup.parse(lead.get("/schools/{id}/pupils?registrationGroup=9C&sort=attendance", school).asString());
        assertThat(groups.select("table.pupils tbody tr th a").eachText()).containsExactly("Osei, Robin");
        assertThat(groups.select("select[name=registrationGroup] option").eachText()).containsExactly("Every form", "9A", "9B", "9C");
        String classList = groups.select("section.lists a:contains(spreadsheet)").first().attr("href");
        assertThat(classList).isEqualTo("/api/schools/" + school + "/lists/class-list.xlsx?registrationGroup=9C");
        Response xlsx = lead.get(classList);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}

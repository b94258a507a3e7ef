package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.web.SchoolPageTest.html;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import uk.attendance.AdminByDefault;
import uk.attendance.OnFixedToday;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

@QuarkusTest
class PupilPageTest implements OnFixedToday {

    @Test
    void thePupilPageShowsTheFiguresTheStageAWeeklyChartAndEverySessionOnACalendar() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(401, "Lou", "Pritchard");
        TestUsers.Person lead = TestUsers.lead(school.id());

        Document page = html(PageSession.signIn(lead.username(), lead.password()).get("/schools/{id}/pupils/{upn}", school.id(), school.upn()));

        assertThat(page.select("h1").text()).isEqualTo("Lou Pritchard");
        assertThat(page.select(".page-head .meta").text()).contains("Year 9 · form 9P · UPN").contains("Parents and carers: Robin Pritchard, Sam Pritchard");
        assertThat(figure(page, "Attendance")).isEqualTo("80.0%");
        assertThat(figure(page, "Days absent")).isEqualTo("6");
        assertThat(figure(page, "Authorised absence")).isEqualTo("12");
        assertThat(page.select(".stage").text()).contains("Band today: Cause for concern level 2");
        assertThat(page.select("span.tag").text()).isEqualTo("Persistently absent");
        assertThat(page.select("#pupil-chart-caption").text()).isEqualTo("Attendance each school week this year");
        assertThat(page.select("svg rect.bar")).hasSize(6);
        assertThat(page.select("svg rect.bar-low")).as("every week is 80%, under the 90% line").hasSize(6);

        assertThat(page.select("table.month caption").eachText()).containsExactly("September 2025", "October 2025");
        Element monday = session(page, "Monday 8 September", "morning");
        assertThat(monday.classNames()).contains("authorised");
        assertThat(monday.attr("title")).isEqualTo("Monday 8 September AM: I — illness (not appointments)");
        assertThat(session(page, "Tuesday 9 September", "afternoon").classNames()).contains("present");
        assertThat(page.select(".s.present")).hasSize(48);
        assertThat(page.select(".s.authorised")).hasSize(12);
        assertThat(page.select(".code-key div").eachText()).as("what each code shown means, readable without hovering")
                .contains("I illness (not appointments)");
    }

    @Test
    void underEachActionThePupilPageShowsWhatItsRuleReadOnTheDayItsConditionWasMet() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(404, "Ash", "Tremlett");
        TestUsers.Person lead = TestUsers.lead(school.id());

        Document page = html(PageSession.signIn(lead.username(), lead.password()).get("/schools/{id}/pupils/{upn}", school.id(), school.upn()));

        Element at1 = page.getElementById("action-" + school.at1ActionId());
        Element because = at1.selectFirst("details.because");
        assertThat(because).isNotNull();
        assertThat(because.hasAttr("open")).as("open on the pupil page").isTrue();
        assertThat(because.selectFirst("summary").text()).isEqualTo("What the rule read on 8 Sept 2025");
        // The attendance that day, not today's 80%.
        assertThat(because.select("tbody tr").eachText()).contains("PupilFacts attendance percent 0", "PupilFacts possible sessions 2");
        assertThat(figure(page, "Attendance")).isEqualTo("80.0%");
    }

    @Test
    void aNewPupilWithNoMarksYetHasAPageWithoutFigures() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(403);
        TestData.pupils(school, TestData.pupil(upn, "2012-01-15", 8));
        TestUsers.Person lead = TestUsers.lead(school);

        Document page = html(PageSession.signIn(lead.username(), lead.password()).get("/schools/{id}/pupils/{upn}", school, upn));

        assertThat(figure(page, "Attendance")).isEqualTo("—");
        assertThat(figure(page, "Absence")).isEqualTo("—");
        assertThat(figure(page, "Possible sessions")).isEqualTo("0");
    }

    @Test
    void toDoListsTheOpenActionsAndTheTimelineSaysWhoDidWhatAndWhen() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(402, "Mo", "Quill");
        TestUsers.Person lead = TestUsers.lead(school.id());
        lead.given().contentType(ContentType.JSON).body(Map.of("decision", "COMPLETED", "date", "2025-10-20", "note", "Handed to mum"))
                .post("/api/schools/{id}/actions/{action}/decision", school.id(), school.at1ActionId()).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("upn", school.upn(), "kind", "HOME_VISIT", "date", "2025-10-22",
                "note", "No answer")).post("/api/schools/{id}/interventions", school.id()).then().statusCode(201);

        Document page = html(PageSession.signIn(lead.username(), lead.password()).get("/schools/{id}/pupils/{upn}", school.id(), school.upn()));

        assertThat(page.select("section[aria-labelledby=todo-heading] article h3").eachText())
                .doesNotContain("Send the AT1 letter").contains("Send the persistent absence (PA) letter");
        assertThat(page.select("section[aria-labelledby=todo-heading] input[name=returnTo]").first().val())
                .isEqualTo("/schools/" + school.id() + "/pupils/" + school.upn());
        List<String> events = page.select(".timeline > li").eachText();
        assertThat(events.get(0)).startsWith("Home visit · 22 October 2025").contains("No answer").contains(AdminByDefault.ADMIN);
        // Completing the action and the letter it records happen together, in either order on the page.
        assertThat(events.subList(1, 3)).anySatisfy(e -> assertThat(e).startsWith("Letter (from the queue) · 20 October 2025")
                .contains("AT1").contains(lead.username()));
        assertThat(events.subList(1, 3)).anySatisfy(e -> assertThat(e).startsWith("Completed · 20 October 2025")
                .contains("Send the AT1 letter").contains("Note: “Handed to mum”").contains(lead.username()));
        assertThat(events).anySatisfy(e -> assertThat(e).startsWith("Recommended · 17 October 2025 Send the AT1 letter"));
        String stage = given().get("/api/schools/{id}/pupils/{upn}", school.id(), school.upn()).then().extract().path("stage");
        assertThat(page.select(".stage").first().text()).isEqualTo("Stage: " + stage);
    }

    @Test
    void anUnknownPupilIsANotFoundPage() {
        String school = TestData.school("coopers");
        PageSession admin = PageSession.signIn(AdminByDefault.ADMIN, AdminByDefault.adminPassword());

        var response = admin.get("/schools/{id}/pupils/{upn}", school, TestData.upn(499));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(html(response).select("h1").text()).isEqualTo("Not found");
    }

    private static String figure(Document page, String label) {
        return page.select(".summary div").stream().filter(d -> d.select("dt").text().equals(label)).findFirst()
                .map(d -> d.select("dd").text()).orElseThrow();
    }

    private static Element session(Document page, String day, String half) {
        return page.select(".s").stream().filter(s -> s.select(".visually-hidden").text().equals(day + " " + half + ":"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + half + " session on " + day));
    }
}

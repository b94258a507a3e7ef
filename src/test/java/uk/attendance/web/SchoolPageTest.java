package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import uk.attendance.FixedClock;
import uk.attendance.OnFixedToday;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

@QuarkusTest
class SchoolPageTest implements OnFixedToday {

    @Test
    void theQueueShowsEachActionWithThePupilTheReasonAndTheClause() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(301, "Kit", "Marlow");
        TestUsers.Person lead = TestUsers.lead(school.id());

        Document page = html(PageSession.signIn(lead.username(), lead.password()).get("/schools/{id}", school.id()));

        Element card = page.getElementById("action-" + school.at1ActionId());
        assertThat(card).isNotNull();
        assertThat(card.select("h3").text()).isEqualTo("Send the AT1 letter");
        assertThat(card.select(".who a").text()).isEqualTo("Kit Marlow");
        assertThat(card.select(".who a").attr("href")).isEqualTo("/schools/" + school.id() + "/pupils/" + school.upn());
        // Every school day is judged: below 97% from the first Monday, off ill.
        assertThat(card.select(".reason").text()).startsWith("On 8 September 2025: Attendance 0.0% this year");
        assertThat(card.select(".who").text()).contains("condition met " + Formats.shortDate(java.time.LocalDate.of(2025, 9, 8)));
        assertThat(card.select(".clause").text()).contains("97%");
        // What the rule read that day, folded away on the queue.
        assertThat(card.select("details.because summary").text()).startsWith("What the rule read on");
        assertThat(card.select("details.because").hasAttr("open")).isFalse();
        assertThat(card.select("details.because tbody tr").eachText()).contains("PupilFacts attendance percent 0");
        assertThat(card.select("a.letter-link").attr("href")).isEqualTo("/schools/" + school.id() + "/actions/" + school.at1ActionId() + "/letter");
        assertThat(card.select("button[name=decision]").eachAttr("value")).containsExactly("ACCEPTED", "COMPLETED", "DISMISSED");
        assertThat(page.select(".count").text()).contains("actions, newest first");
        assertThat(page.select("svg rect.bar")).as("a bar per school week, 8 September to 17 October").hasSize(6);
        assertThat(page.select(".chart-table tbody tr").eachText()).first().isEqualTo("8 September 2025 80.0% 8 of 10");
    }

    @Test
    void theQueueFiltersByTypeAndByStatus() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(302, "Jo", "Fenn");
        PageSession admin = PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword());

        Document letters = html(admin.htmxGet("/schools/{id}?type=AT1_LETTER", school.id()));
        assertThat(letters.select("article.action h3").eachText()).containsExactly("Send the AT1 letter");
        assertThat(letters.select("select[name=type] option[selected]").text()).startsWith("Send the AT1 letter (1)");

        Document completed = html(admin.htmxGet("/schools/{id}?status=COMPLETED", school.id()));
        assertThat(completed.select("article.action")).isEmpty();
        assertThat(completed.select(".count").text()).isEqualTo("Nothing to show.");
    }

    @Test
    void acceptingAndCompletingUpdateTheCardInPlaceAndCompletingALetterRecordsIt() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(303, "Ash", "Tarrant");
        TestUsers.Person lead = TestUsers.lead(school.id());
        PageSession session = PageSession.signIn(lead.username(), lead.password());
        session.get("/schools/{id}", school.id());

        Response accepted = session.htmxPost("/schools/{id}/actions/{action}/decision",
                Map.of("decision", "ACCEPTED", "note", "Will post Monday"), school.id(), school.at1ActionId());
        assertThat(accepted.statusCode()).isEqualTo(200);
        Element card = html(accepted).getElementById("action-" + school.at1ActionId());
        assertThat(card.select(".status").text()).isEqualTo("Accepted");
        assertThat(card.select(".decided").text()).contains("Accepted by " + lead.username()).contains("Will post Monday");
        assertThat(card.select("button[name=decision]").eachAttr("value")).containsExactly("COMPLETED", "DISMISSED");

        Response completed = session.htmxPost("/schools/{id}/actions/{action}/decision",
                Map.of("decision", "COMPLETED", "date", "2025-10-20", "note", "Posted"), school.id(), school.at1ActionId());
        Element done = html(completed).getElementById("action-" + school.at1ActionId());
        assertThat(done.select(".status").text()).isEqualTo("Completed");
        assertThat(done.select(".decided").text()).isEqualTo("Completed on 20 Oct 2025 by " + lead.username() + ": “Posted”");
        assertThat(done.select("form")).isEmpty();

        given().get("/api/schools/{id}/pupils/{upn}/interventions", school.id(), school.upn()).then()
                .body("[0].kind", equalTo("LETTER")).body("[0].type", equalTo("AT1")).body("[0].date", equalTo("2025-10-20"))
                .body("[0].recordedBy", equalTo(lead.username()));
    }

    @Test
    void aRefusedDecisionIsShownOnTheCardAndAPlainFormPostReturnsToThePage() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(304, "Bo", "Kember");
        PageSession session = PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword());

        Response posted = session.post("/schools/{id}/actions/{action}/decision",
                Map.of("decision", "DISMISSED", "returnTo", "/schools/" + school.id() + "?type=AT1_LETTER"), school.id(), school.at1ActionId());
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.header("Location")).endsWith("/schools/" + school.id() + "?type=AT1_LETTER");

        Response again = session.htmxPost("/schools/{id}/actions/{action}/decision", Map.of("decision", "COMPLETED"),
                school.id(), school.at1ActionId());
        Element card = html(again).getElementById("action-" + school.at1ActionId());
        assertThat(card.select("[role=alert]").text()).contains("was already DISMISSED");
        assertThat(card.select(".status").text()).isEqualTo("Dismissed");

        Response offSite = session.post("/schools/{id}/actions/{action}/decision",
                Map.of("decision", "ACCEPTED", "returnTo", "https://example.org/"), school.id(), school.at1ActionId());
        assertThat(offSite.statusCode()).isEqualTo(400);
        assertThat(html(offSite).text()).contains("returnTo");
    }

    /** Issue 10: an unsafe returnTo is refused with 400 before the decision is saved (one used to answer 500 after saving it). */
    @Test
    void anUnsafeReturnToIsRefusedBeforeTheDecisionIsSaved() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(306, "Di", "Ormsby");
        PageSession session = PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword());
        String home = "/schools/" + school.id();

        for (String returnTo : List.of(home + "/pupils/ x", home + "?q=%zz", "https://example.org/", "//example.org/" + home,
                "/schools/another-school", home + "/\\example.org", "javascript:alert(1)", home + "/\u0000")) {
            Response refused = session.post("/schools/{id}/actions/{action}/decision",
                    Map.of("decision", "DISMISSED", "note", "Duplicate", "returnTo", returnTo), school.id(), school.at1ActionId());

            assertThat(refused.statusCode()).as(returnTo).isEqualTo(400);
            assertThat(html(refused).text()).contains("returnTo");
            given().get("/api/schools/{id}/actions?type=AT1_LETTER", school.id()).then()
                    .body("[0].status", equalTo("OPEN")).body("[0].decisions", org.hamcrest.Matchers.empty());
        }
        Response kept = session.post("/schools/{id}/actions/{action}/decision",
                Map.of("decision", "DISMISSED", "returnTo", home + "/pupils/" + school.upn() + "#actions"), school.id(), school.at1ActionId());
        assertThat(kept.statusCode()).isEqualTo(303);
        assertThat(kept.header("Location")).endsWith(home + "/pupils/" + school.upn() + "#actions");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(305, "Cy", "Dunmore");
        PageSession session = PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword());

        Response refused = session.postWithoutToken("/schools/{id}/actions/{action}/decision", Map.of("decision", "DISMISSED"),
                school.id(), school.at1ActionId());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(html(refused).select("h1").text()).isEqualTo("This form has expired");
        given().get("/api/schools/{id}/actions?type=AT1_LETTER", school.id()).then().body("[0].status", equalTo("OPEN"));
    }

    @Test
    void thePupilsPanelCountsPupilsByBandAndPersistentAndSevereAbsence() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(306, "Di", "Holt");
        PageSession session = PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword());

        Document panel = html(session.htmxGet("/schools/{id}/overview", school.id()));

        assertThat(panel.select(".meta").text()).startsWith("1 pupils");
        assertThat(panel.select(".figures dd").eachText()).containsExactly("1", "0");
        assertThat(panel.select("table.bands tbody tr").text()).isEqualTo("Cause for concern level 2 1");
        assertThat(html(session.get("/schools/{id}/overview", school.id())).select("nav.breadcrumbs").text())
                .as("without htmx the panel comes as a whole page").contains("Pupils");
    }

    @Test
    void evaluateNowRunsThePolicyAndSaysWhatItRaised() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(307, "Ed", "Varley");
        PageSession session = PageSession.signIn("admin", uk.attendance.AdminByDefault.adminPassword());
        session.get("/schools/{id}", school.id());
        // The AT1 letter turns out to have gone on 19 September: its 20 school days of monitoring ended on 17 October
        // without improvement, so judging those days again brings the AT2 stage.
        given().contentType("application/json").body(Map.of("upn", school.upn(), "kind", "LETTER", "type", "AT1", "date", "2025-09-19"))
                .post("/api/schools/{id}/interventions", school.id()).then().statusCode(201);

        Response evaluated = session.post("/schools/{id}/evaluate", Map.of(), school.id());

        int raisedToday = given().get("/api/schools/{id}/actions", school.id()).then().extract().jsonPath()
                .getList("findAll { it.raisedOn == '" + FixedClock.TODAY + "' }").size();
        assertThat(raisedToday).as("the letter recorded late brings the AT2 stage").isPositive();
        assertThat(evaluated.statusCode()).isEqualTo(303);
        assertThat(evaluated.header("Location")).endsWith("/schools/" + school.id() + "?raised=" + raisedToday);
        assertThat(html(session.get("/schools/{id}?raised=" + raisedToday, school.id())).select(".notice").text())
                .isEqualTo("Evaluated: " + raisedToday + (raisedToday == 1 ? " new action." : " new actions."));

        Response again = session.post("/schools/{id}/evaluate", Map.of(), school.id());
        assertThat(again.header("Location")).endsWith("?raised=0");
        assertThat(html(session.get("/schools/{id}?raised=0", school.id())).select(".notice").text())
                .isEqualTo("Evaluated: nothing new to do.");
    }

    @Test
    void aLeadOfAnotherSchoolIsRefusedAndSomeoneNotSignedInIsSentToSignIn() {
        WebTestData.School school = WebTestData.coopersWithAnAt1Letter(308, "Fi", "Gale");
        TestUsers.Person otherLead = TestUsers.lead(TestData.school("coopers"));

        Response refused = PageSession.signIn(otherLead.username(), otherLead.password()).get("/schools/{id}", school.id());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(html(refused).select("main p").first().text()).isEqualTo("You are not bound to school '" + school.id() + "'.");

        Response anonymous = PageSession.anonymous().get("/schools/{id}", school.id());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");

        given().auth().none().get("/api/schools/{id}/actions", school.id()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }
}

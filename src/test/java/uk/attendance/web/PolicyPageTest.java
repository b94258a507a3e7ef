package uk.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.web.SchoolPageTest.html;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import uk.attendance.OnFixedToday;
import uk.attendance.PolicyFolderTestResource;
import uk.attendance.TestData;
import uk.attendance.TestUsers;
import uk.attendance.rules.HostilePolicies;

@QuarkusTest
class PolicyPageTest implements OnFixedToday {

    @Test
    void anAuthorSeesEachPolicysStatusAndVersionAndItsFilesAndLetters() {
        TestUsers.Person author = TestUsers.author();
        PageSession session = PageSession.signIn(author.username(), author.password());

        Document list = html(session.get("/policies"));
        Element coopers = list.select("table.policy-table tbody tr").stream()
                .filter(row -> row.select("th .meta").text().equals("coopers")).findFirst().orElseThrow();
        assertThat(coopers.select("td").get(0).text()).isEqualTo("Loaded");
        assertThat(coopers.select("code").text()).matches("[0-9a-f]{12}");

        Document policy = html(session.get("/policies/coopers"));
        assertThat(policy.select("h1").text()).isEqualTo("Coopers");
        assertThat(policy.select(".policy-files summary").eachText())
                .contains("coopers.drl", "parameters.properties", "README.md", "letters/AT1_LETTER.html");
        assertThat(policy.select("textarea[data-editor=coopers.drl]").text()).contains("rule \"Coopers: Cause for concern level 1 — AT1 letter\"");
        assertThat(policy.select("textarea[data-editor=parameters.properties]").text()).contains("level2.below.percent");
    }

    @Test
    void aChangedLadderIsCheckedAndItsErrorsAreShownAtTheirLines() throws IOException {
        TestUsers.Person author = TestUsers.author();
        PageSession session = PageSession.signIn(author.username(), author.password());
        session.get("/policies/st-dunstans");
        String drl = Files.readString(PolicyFolderTestResource.POLICIES.resolve("st-dunstans").resolve("st-dunstans.drl"));
        String broken = drl.replaceFirst("(?m)^when$", "when\n    PupilFacts( possibleSessions > ) )");
        int badLine = broken.lines().toList().indexOf("    PupilFacts( possibleSessions > ) )") + 1;

        Document checked = html(session.htmxPost("/policies/{id}/workbench", check(broken), "st-dunstans"));

        assertThat(checked.select("[role=alert] strong").text()).isEqualTo("The files do not compile.");
        assertThat(checked.select("li.bad").eachAttr("id")).contains("st-dunstans.drl-line-" + badLine);
        assertThat(checked.select("[role=alert] a").eachAttr("href")).contains("#st-dunstans.drl-line-" + badLine);
        assertThat(checked.select("[data-error-file=st-dunstans.drl]").eachAttr("data-error-line")).contains(String.valueOf(badLine));

        Document fine = html(session.htmxPost("/policies/{id}/workbench", check(drl), "st-dunstans"));
        assertThat(fine.select(".ok").text()).isEqualTo("The files compile with the rest of the st-dunstans folder.");
        assertThat(Files.readString(PolicyFolderTestResource.POLICIES.resolve("st-dunstans").resolve("st-dunstans.drl"))).isEqualTo(drl);
    }

    private static Map<String, Object> check(String drl) {
        return Map.of("name", List.of("st-dunstans.drl"), "content", List.of(drl), "do", "check");
    }

    /** Issue 10: the page's check box refuses a policy whose declarations call code, at its line, and creates nothing. */
    @Test
    void theCheckBoxRefusesAPolicyThatWouldRunCodeAndCreatesNothing() throws IOException {
        TestUsers.Person author = TestUsers.author();
        PageSession session = PageSession.signIn(author.username(), author.password());
        session.get("/policies/st-dunstans");
        Path dir = Files.createTempDirectory("hostile-page");
        for (Path target : List.of(dir.resolve("by-default"), dir.resolve("by-enum"))) {
            String drl = target.endsWith("by-default") ? HostilePolicies.fieldDefault(target) : HostilePolicies.enumArgument(target);

            Document checked = html(session.htmxPost("/policies/{id}/workbench", check(drl), "st-dunstans"));

            assertThat(checked.select("[role=alert] strong").text()).isEqualTo("The files do not compile.");
            assertThat(checked.select("li.bad").eachAttr("id")).contains("st-dunstans.drl-line-" + HostilePolicies.CODE_LINE);
            assertThat(checked.select("[role=alert]").text()).contains("plain value");
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void theScenariosRunFromThePageAndTheApi() {
        TestUsers.Person author = TestUsers.author();
        PageSession session = PageSession.signIn(author.username(), author.password());
        session.get("/policies/coopers");

        Document ran = html(session.htmxPost("/policies/{id}/workbench", Map.of("do", "scenarios"), "coopers"));

        assertThat(ran.select(".scenarios [role=status]").text()).matches("\\d+ passed, 0 failed[.;].*");
        assertThat(ran.select(".scenarios li .passed")).isNotEmpty();
        author.given().post("/api/policies/{id}/scenarios/run", "coopers").then().statusCode(200)
                .body("failed", org.hamcrest.Matchers.equalTo(0))
                .body("passed", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void reloadReadsEveryFolderAgainAndSaysSo() {
        TestUsers.Person author = TestUsers.author();
        PageSession session = PageSession.signIn(author.username(), author.password());
        session.get("/policies");

        var reloaded = session.post("/policies/reload", Map.of());

        assertThat(reloaded.statusCode()).isEqualTo(303);
        assertThat(html(session.get("/policies?reloaded=true")).select(".notice").text()).isEqualTo("Policies reloaded from their folders.");
    }

    @Test
    void aLeadCannotOpenThePoliciesPage() {
        TestUsers.Person lead = TestUsers.lead(TestData.school("coopers"));

        var response = PageSession.signIn(lead.username(), lead.password()).get("/policies");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("text/html");
    }
}

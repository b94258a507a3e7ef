package uk.attendance.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import uk.attendance.FixedClock;
import uk.attendance.TestData;
import uk.attendance.TestUsers;
import uk.attendance.demo.DemoSchoolGenerator;

/**
 * A morning's review in a real headless Chromium (Debian's, driven by Playwright; no browser is downloaded):
 * sign in, read the queue, open a pupil, print and send a letter, evaluate, and find the next stage's letter.
 * Screenshots of each page go to target/screenshots/ (the screen; with -Dscreenshots=full, the whole page too).
 */
@QuarkusTest
class BrowserJourneyTest extends DemoSchoolBrowserTest {

    @Override
    String school() {
        return SCHOOL;
    }

    static final String SCHOOL = "demo-trust-template";

    @Test
    void aLeadDoesTheMorningsReviewAndTheNextLetterAppearsAfterEvaluation() {
        TestUsers.Person lead = TestUsers.lead(SCHOOL);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base.toString())
                .setViewportSize(1280, 900))) {
            Page page = context.newPage();

            page.navigate("/schools/" + SCHOOL);
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            shot(page, "sign-in");
            Axe.check(page);
            signIn(page, lead);
            assertThat(page).hasURL(Pattern.compile(".*/schools/" + SCHOOL + "$"));

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review queue"))).isVisible();
            assertThat(page.locator("#queue-panel article.action").first()).isVisible();
            assertThat(page.locator("#overview table.bands")).isVisible();
            assertThat(page.locator("figure.chart svg rect.bar").first()).isVisible();
            shot(page, "school");
            Axe.check(page);
            page.keyboard().press("Tab");
            assertThat(page.locator(":focus")).hasText("Skip to main content");

            // The queue filters in place.
            page.getByLabel("Type").selectOption("CONCERN_LETTER_1");
            assertThat(page).hasURL(Pattern.compile(".*type=CONCERN_LETTER_1.*"));
            Locator concernLetters = page.locator("#queue-panel article.action");
            assertThat(concernLetters.locator("h3").first()).hasText("Send the first attendance concern letter, with the leaflet");
            assertThat(page.locator("#queue-panel article.action h3", new Page.LocatorOptions().setHasNotText("first attendance concern letter")))
                    .hasCount(0);
            Axe.check(page);

            // A pupil below 90% at the end of the register: sending the first letter should bring the second.
            String upn = belowNinetyWithAFirstLetter();
            String pupilPage = "/schools/" + SCHOOL + "/pupils/" + upn;
            page.navigate(pupilPage);
            String pupil = page.locator("h1").textContent().trim();
            assertThat(pupil).isNotBlank();
            assertThat(page.locator("table.month").first()).isVisible();
            assertThat(page.locator(".s.present").first()).isVisible();
            assertThat(page.locator("#pupil-chart-caption")).isVisible();
            assertThat(page.locator(".timeline li").first()).containsText("Recommended");
            shot(page, "pupil");
            Axe.check(page);

            Locator todo = page.locator("section[aria-labelledby=todo-heading] article.action",
                    new Page.LocatorOptions().setHasText("first attendance concern letter"));
            todo.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open the letter to print")).click();
            assertThat(page.locator("article.letter")).containsText(pupil);
            assertThat(page.locator("article.letter")).containsText("Dear ");
            assertThat(page.locator("article.letter")).containsText("below our expected standard");
            shot(page, "letter");
            Axe.check(page);
            // Sent on the last school day marked so far: every school day is judged, and the demo's register ends at half term.
            java.time.LocalDate lastSchoolDay = lastSchoolDay();
            page.getByLabel("Date sent").fill(lastSchoolDay.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the letter as sent")).click();
            assertThat(page.locator(".letter-toolbar .decided")).containsText(
                    "Completed on " + Formats.shortDate(lastSchoolDay) + " by " + lead.username());
            Axe.check(page);

            page.navigate("/schools/" + SCHOOL);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate now")).click();
            assertThat(page.locator(".notice")).containsText("new action");
            Axe.check(page);
            page.getByLabel("Type").selectOption("CONCERN_LETTER_2");
            assertThat(page).hasURL(Pattern.compile(".*type=CONCERN_LETTER_2.*"));
            Locator second = page.locator("#queue-panel article.action:has(.who a[href='" + pupilPage + "'])");
            assertThat(second.locator("h3")).hasText("Send the second letter (formal monitoring) and contact the parents");

            // Accepting, from the keyboard, updates the card in place: no new page, and focus stays on the card.
            String url = page.url();
            second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).focus();
            page.keyboard().press("Enter");
            assertThat(second.locator(".status")).hasText("Accepted");
            assertThat(page).hasURL(url);
            assertThat(second).isFocused();
            shot(page, "school-after-review");
            Axe.check(page);
        }
    }

    @Test
    void theSchoolPageFitsAPhoneScreen() {
        TestUsers.Person lead = TestUsers.lead(SCHOOL);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base.toString())
                .setViewportSize(390, 844).setIsMobile(true))) {
            Page page = context.newPage();
            page.navigate("/login");
            Axe.check(page);
            signIn(page, lead);
            assertThat(page.locator("#overview table.bands")).isVisible();

            Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
            shot(page, "school-390");
            Axe.check(page);
        }
    }

    @Test
    void theSchoolCalendarAndItsFormPassAxeOnAPhoneAndADesktop() {
        TestUsers.Person admin = TestUsers.admin();
        for (int width : new int[] {390, 1280}) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base.toString())
                    .setViewportSize(width, 900))) {
                Page page = context.newPage();
                page.navigate("/login");
                signIn(page, admin);
                page.navigate("/schools/" + SCHOOL + "/calendar");
                assertThat(page.locator("h1")).containsText("School calendar");
                assertThat(page.getByLabel("Academic year")).isVisible();
                Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow.intValue()).as("no sideways scrolling at " + width + " px").isLessThanOrEqualTo(0);
                shot(page, "calendar-" + width);
                Axe.check(page);
            }
        }
    }

    @Test
    void aLeadOfAnotherSchoolCannotOpenThePage() {
        String otherSchool = TestData.school("coopers");
        TestUsers.Person otherLead = TestUsers.lead(otherSchool);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base.toString()))) {
            Page page = context.newPage();
            page.navigate("/login");
            signIn(page, otherLead);
            assertThat(page).hasURL(Pattern.compile(".*/schools/" + otherSchool + "$"));

            page.navigate("/schools/" + SCHOOL);

            assertThat(page.locator("h1")).hasText("Forbidden");
            assertThat(page.locator("main")).containsText("You are not bound to school '" + SCHOOL + "'.");
            assertThat(page.locator("article.action")).hasCount(0);
            shot(page, "forbidden");
            Axe.check(page);
        }
    }

    /** Issue 14's "done when": in the browser only, change a threshold, dry-run it on a demo school, activate it, roll it back. */
    @Test
    void anAuthorChangesAThresholdSeesWhoGainsOrLosesActionsActivatesItAndRollsItBack() throws Exception {
        TestUsers.Person author = TestUsers.person("author", SCHOOL);
        Path parameters = Path.of(ConfigProvider.getConfig().getValue("attendance.policies-dir", String.class), "trust-template",
                "parameters.properties");
        String original = Files.readString(parameters);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base.toString())
                .setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate("/login");
            signIn(page, author);
            assertThat(page).hasURL(Pattern.compile(".*/policies$"));
            assertThat(page.locator("table.policy-table tbody tr").first()).containsText("Loaded");
            shot(page, "policies");
            Axe.check(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trust primary template (Gloucestershire)")).click();
            Axe.check(page);
            page.locator(".policy-files summary", new Page.LocatorOptions().setHasText("trust-template.drl")).click();
            assertThat(page.locator(".policy-files details[open] pre")).isVisible();
            Axe.check(page);
            String before = page.locator("tr.active th code").textContent().trim();

            // The files are in code editors that stand in for the textareas (kept, hidden, for the form and for pages without
            // JavaScript); Tab moves on out of an editor, as from a textarea.
            Locator ladder = page.locator(".code-editor[data-editor-for='trust-template.drl']");
            Locator ladderText = page.locator("textarea[data-editor='trust-template.drl']");
            assertThat(ladderText).isHidden();
            String drl = ladderText.inputValue();
            assertThat(ladder.locator(".cm-content")).hasAttribute("aria-labelledby", page.locator("label", new Page.LocatorOptions()
                    .setHasText("trust-template.drl")).getAttribute("id"));
            // DRL highlighting: the keywords are marked up apart from the rest of their line.
            assertThat(ladder.locator(".cm-line .tok-keyword", new Locator.LocatorOptions().setHasText(Pattern.compile("^rule$"))).first())
                    .isVisible();
            ladder.locator(".cm-content").focus();
            page.keyboard().press("Tab");
            assertThat(ladder.locator(".cm-content")).not().isFocused();

            // A rule with a syntax error, typed at the end of the ladder, is shown at its line there and in the list.
            ladder.locator(".cm-content").focus();
            page.keyboard().press("ControlOrMeta+End");
            page.keyboard().press("Enter");
            page.keyboard().insertText("rule \"Broken\"\nwhen\nPupilFacts( possibleSessions > ) )\nthen\nend");
            org.assertj.core.api.Assertions.assertThat(ladderText.inputValue()).as("the textarea the form posts follows the editor")
                    .endsWith("end\n\nrule \"Broken\"\nwhen\nPupilFacts( possibleSessions > ) )\nthen\nend");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
            assertThat(page.locator("#workbench-result [role=alert]")).containsText("The files do not compile.");
            assertThat(page.locator("#workbench-result li.bad").first()).containsText("PupilFacts( possibleSessions > ) )");
            ladder.locator(".cm-content").focus();
            page.keyboard().press("ControlOrMeta+End");
            assertThat(ladder.locator(".cm-lint-marker-error").first()).isVisible();
            shot(page, "policy-check");
            Axe.check(page);
            // Undone in the editor.
            ladder.locator(".cm-content").focus();
            for (int undo = 0; undo < 5 && !ladderText.inputValue().equals(drl); undo++) {
                page.keyboard().press("ControlOrMeta+z");
            }
            assertThat(ladderText).hasValue(drl);

            // The author lowers the line for the first letter from below 96% to below 95%, typing in the parameters' editor.
            Locator editor = page.locator(".code-editor[data-editor-for='parameters.properties']");
            editor.scrollIntoViewIfNeeded();
            editor.locator(".cm-line", new Locator.LocatorOptions().setHasText("letter1.below.percent=96")).click();
            page.keyboard().press("End");
            page.keyboard().press("Backspace");
            page.keyboard().type("5");
            assertThat(editor.locator(".cm-content")).containsText("letter1.below.percent=95");

            // A dry run on the demo school says which pupils gain or lose which actions; nothing is stored.
            page.getByLabel("School").selectOption(SCHOOL);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dry run")).click();
            Locator dryRun = page.locator("#workbench-result .dry-run");
            // The demo primary's pupils are each judged day by day through the half term with both versions.
            assertThat(dryRun).containsText("Dry run on " + SCHOOL, new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
            assertThat(dryRun.locator("tbody tr").first()).isVisible();
            shot(page, "policy-dry-run");
            Axe.check(page);
            assertThat(Files.readString(parameters)).isEqualTo(original);

            // Activated: a new version in use, written to the policy's folder.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make these files the version in use")).click();
            assertThat(page.locator("#workbench-result .ok")).containsText("is now in use");
            assertThat(Files.readString(parameters)).contains("letter1.below.percent=95");

            page.navigate("/policies/trust-template");
            String changed = page.locator("tr.active th code").textContent().trim();
            assertThat(changed).isNotEqualTo(before);
            page.getByLabel("Compare version").selectOption(before);
            page.getByLabel("with version").selectOption(changed);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the differences")).click();
            assertThat(page.locator("#comparison .diff .removed")).containsText("letter1.below.percent=96");
            assertThat(page.locator("#comparison .diff .added")).containsText("letter1.below.percent=95");
            shot(page, "policy-versions");
            Axe.check(page);

            // Rolled back: the earlier version is in use again and its files are back in the folder.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this version again (" + before + ")"))
                    .click();
            assertThat(page.locator(".notice")).containsText("Version " + before + " is now in use");
            assertThat(page.locator("tr.active th code")).hasText(before);
            assertThat(Files.readString(parameters)).isEqualTo(original);
            Axe.check(page);
        } finally {
            Files.writeString(parameters, original);
            given().post("/api/policies/reload").then().statusCode(200);
        }
    }

    private static void signIn(Page page, TestUsers.Person person) {
        page.getByLabel("Username").fill(person.username());
        page.getByLabel("Password").fill(person.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForLoadState();
    }

    /** A pupil with an open first concern letter whose attendance, on the last school day marked, is below 90%. */
    private static String belowNinetyWithAFirstLetter() {
        java.time.LocalDate lastSchoolDay = lastSchoolDay();
        java.util.List<String> upns = given().queryParam("status", "OPEN").queryParam("type", "CONCERN_LETTER_1")
                .get("/api/schools/{id}/actions", SCHOOL).then().statusCode(200).extract().path("upn");
        for (String upn : upns) {
            Number percent = given().queryParam("asOf", lastSchoolDay.toString()).get("/api/schools/{id}/pupils/{upn}", SCHOOL, upn)
                    .then().statusCode(200).extract().path("attendance.attendancePercent");
            if (percent != null && percent.doubleValue() < 90) {
                return upn;
            }
        }
        throw new AssertionError("no pupil below 90% among the first concern letters");
    }

    private static java.time.LocalDate lastSchoolDay() {
        java.util.List<java.time.LocalDate> days = DemoSchoolGenerator.firstHalfTermSchoolDays(FixedClock.TODAY);
        return days.get(days.size() - 1);
    }
}

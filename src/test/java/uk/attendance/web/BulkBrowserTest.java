package uk.attendance.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import uk.attendance.TestUsers;

/**
 * A morning of bulk work in headless Chromium on the 1,000-pupil demo Coopers school, at desk and phone width: filter the
 * queue to the AT1 letters, tick some by keyboard, print them as one PDF, mark them sent, accept another by keyboard
 * alone (Tab, arrow, Space, typing, Enter), then find a pupil by name and see their form. axe-core checks each page, and
 * at desk width each in-place change to the queue.
 */
@QuarkusTest
class BulkBrowserTest extends DemoSchoolBrowserTest {

    @Override
    String school() {
        return SCHOOL;
    }

    static final String SCHOOL = "demo-coopers";

    @Test
    void aMorningOfBulkWorkAtDeskWidth() throws Exception {
        morning(1280, 900, false);
    }

    @Test
    void aMorningOfBulkWorkOnAPhone() throws Exception {
        morning(390, 844, true);
    }

    private void morning(int width, int height, boolean phone) throws Exception {
        TestUsers.Person lead = TestUsers.lead(SCHOOL);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base.toString())
                .setViewportSize(width, height).setIsMobile(phone))) {
            AtomicReference<byte[]> printed = new AtomicReference<>();
            context.route("**/letters.pdf*", route -> {
                APIResponse response = route.fetch();
                printed.set(response.body());
                route.fulfill(new Route.FulfillOptions().setResponse(response));
            });
            Page page = context.newPage();
            page.navigate("/login");
            Axe.check(page);
            page.getByLabel("Username").fill(lead.username());
            page.getByLabel("Password").fill(lead.password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForLoadState();
            page.navigate("/schools/" + SCHOOL);
            Axe.check(page);

            // Filter the queue to the AT1 letters still to do.
            page.getByLabel("Type").selectOption("AT1_LETTER");
            assertThat(page).hasURL(Pattern.compile(".*type=AT1_LETTER.*"));
            Locator cards = page.locator("#queue-panel article.action");
            assertThat(cards.first().locator("h3")).hasText("Send the AT1 letter");
            assertThat(page.locator("form#bulk")).containsText("matching these filters");
            checkQueueChange(page, phone);

            // Tick three letters from the keyboard.
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Locator box = cards.nth(i).locator("input.select");
                box.focus();
                page.keyboard().press("Space");
                assertThat(box).isChecked();
                ids.add(box.getAttribute("value"));
            }
            shot(page, "bulk-selected-" + width);
            checkQueueChange(page, phone);

            // Print them as one PDF (it opens beside the queue), one letter a page.
            Page pdfTab = context.waitForPage(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Print the selected letters (PDF)")).click());
            pdfTab.waitForLoadState();
            long deadline = System.currentTimeMillis() + 30_000;
            while (printed.get() == null && System.currentTimeMillis() < deadline) {
                page.waitForTimeout(200);
            }
            assertThat(printed.get()).as("the letters PDF").isNotNull();
            try (PDDocument pdf = Loader.loadPDF(printed.get())) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            }
            pdfTab.close();

            // Mark them sent, all at once, with one note.
            page.getByLabel("Note (optional, for each)").fill("Posted second class");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark selected as done (letters sent)")).click();
            assertThat(page.locator(".notice")).hasText("3 actions completed.");
            for (String id : ids) {
                assertThat(page.locator("#action-" + id)).hasCount(0);
            }
            List<Map<String, Object>> completed = given().queryParam("type", "AT1_LETTER").queryParam("status", "COMPLETED")
                    .get("/api/schools/{id}/actions", SCHOOL).then().statusCode(200).extract().jsonPath().getList("");
            assertThat(completed.stream().filter(a -> ids.contains(String.valueOf(a.get("id")))))
                    .hasSize(3).allMatch(a -> "Posted second class".equals(a.get("note")));
            shot(page, "bulk-done-" + width);
            Axe.check(page);

            // By keyboard alone: narrow the queue to the letters' stage without losing one's place, tick the next letter,
            // write a note and accept it.
            tabTo(page, "Tab", "#queue-stage");
            assertFocusRingShows(page);
            page.keyboard().press("ArrowDown");
            assertThat(page).hasURL(Pattern.compile(".*stage=[^&].*"));
            assertThat(page.locator("#queue-stage")).isFocused();
            checkQueueChange(page, phone);
            Locator nextBox = cards.first().locator("input.select");
            String nextId = nextBox.getAttribute("value");
            tabTo(page, "Tab", "#queue-panel article.action input.select");
            assertThat(nextBox).isFocused();
            assertFocusRingShows(page);
            page.keyboard().press("Space");
            assertThat(nextBox).isChecked();
            tabTo(page, "Shift+Tab", "#bulk-note");
            page.keyboard().type("Phoned home first");
            tabTo(page, "Tab", "#bulk button[value=ACCEPTED]");
            assertFocusRingShows(page);
            page.keyboard().press("Enter");
            assertThat(page.locator(".notice")).hasText("1 action accepted.");
            assertThat(page.locator("#action-" + nextId + " .status")).hasText("Accepted");
            assertThat(page.locator("#action-" + nextId + " .decided")).containsText("Phoned home first");
            shot(page, "bulk-keyboard-" + width);
            checkQueueChange(page, phone);
            // "Show more" from the keyboard: the next cards come in below and focus is on the first of them.
            page.locator("#queue-panel li.more a").focus();
            page.keyboard().press("Enter");
            assertThat(cards.nth(25)).isFocused();
            checkQueueChange(page, phone);

            // Find a pupil by name.
            Map<String, Object> someone = given().queryParam("limit", "1").queryParam("offset", String.valueOf(width % 97))
                    .get("/api/schools/{id}/pupils", SCHOOL).then().statusCode(200).extract().path("items[0]");
            String name = someone.get("givenName") + " " + someone.get("familyName");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Find a pupil")).click();
            page.getByLabel("Name or UPN").fill(name.toLowerCase());
            page.getByLabel("Name or UPN").press("Enter");
            // The one with this UPN: another pupil may share the name.
            Locator row = page.locator("table.pupils tbody tr th a[href$='/pupils/" + someone.get("upn") + "']");
            assertThat(row).hasText(someone.get("familyName") + ", " + someone.get("givenName"));
            assertThat(row).isVisible();
            Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("no sideways scrolling at " + width + " px").isLessThanOrEqualTo(0);
            shot(page, "pupils-" + width);
            Axe.check(page);
            row.click();
            assertThat(page.locator("h1")).hasText(name);
            assertThat(page.locator(".page-head .meta").first()).containsText("form " + someone.get("registrationGroup") + " · UPN");
            Axe.check(page);

            // The pages not reached above, at this width too: a printed letter and the home page.
            page.navigate("/schools/" + SCHOOL + "/actions/" + ids.get(0) + "/letter");
            assertThat(page.locator("h1, .letter").first()).isVisible();
            Axe.check(page);
            page.navigate("/");
            Axe.check(page);
        }
    }

    /**
     * axe-core after an in-place change to the queue (a filter, ticks, a decision, more cards): at desk width every time; at
     * phone width the queue's markup is the one checked at desk width, so there each page is checked once, with its first
     * notice.
     */
    private static void checkQueueChange(Page page, boolean phone) {
        if (!phone) {
            Axe.check(page);
        }
    }

    /** Presses {@code key} (Tab or Shift+Tab) until the focused element matches {@code selector}, as a keyboard user would. */
    private static void tabTo(Page page, String key, String selector) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press(key);
            if (Boolean.TRUE.equals(page.evaluate("s => document.activeElement !== null && document.activeElement.matches(s)", selector))) {
                return;
            }
        }
        throw new AssertionError("80 presses of " + key + " never reached " + selector);
    }

    /** The focused element shows the focus ring: an outline at least 2 px wide. */
    private static void assertFocusRingShows(Page page) {
        Object ring = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth); }");
        assertThat(((Number) ring).doubleValue()).as("focus ring width of the focused element").isGreaterThanOrEqualTo(2);
    }
}

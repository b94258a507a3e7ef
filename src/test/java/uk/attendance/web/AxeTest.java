package uk.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser tests' accessibility check finds what Deque's own runner finds: on a page breaking several WCAG rules
 * (text alternatives, contrast, names, language, target size at phone width), the same rules; inside a frame, too;
 * and nothing on a page that breaks none.
 */
class AxeTest {

    private static final String BROKEN = "<html><head><title>Broken</title></head><body><main><h1>Broken</h1>"
            + "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
            + "<p style='color:#777;background:#888'>Hard to read</p><button></button>"
            + "<p><a href='#a' style='display:inline-block;width:8px;height:8px'>a</a>"
            + "<a href='#b' style='display:inline-block;width:8px;height:8px'>b</a></p></main></body></html>";

    private static final String CLEAN = "<html lang='en'><head><title>Clean</title></head><body><main><h1>Clean</h1>"
            + "<p>Nothing wrong here.</p><button>Go</button></main></body></html>";

    private static HeadlessChromium chromium;

    @BeforeAll
    static void launch() {
        chromium = HeadlessChromium.shared();
    }

    @Test
    void findsTheSameViolationsAsDequesRunner() {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true))) {
            Page page = context.newPage();
            page.setContent(BROKEN);
            List<String> ours = ids(Axe.violations(page));
            assertThat(ours).contains("image-alt", "color-contrast", "button-name", "html-has-lang", "target-size");
            assertThat(ours).isEqualTo(ids(Axe.deque(page)));
            // Again on the same document, where axe-core is already there.
            assertThat(ids(Axe.violations(page))).isEqualTo(ours);
            assertThatThrownBy(() -> Axe.check(page)).isInstanceOf(AssertionError.class).hasMessageContaining("image-alt")
                    .hasMessageContaining("color-contrast");
        }
    }

    @Test
    void looksInsideFrames() {
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = context.newPage();
            page.setContent("<html lang='en'><head><title>Framed</title></head><body><main><h1>Framed</h1>"
                    + "<iframe title='inner' srcdoc=\"<html lang='en'><head><title>Inner</title></head><body>"
                    + "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></body></html>\"></iframe></main></body></html>");
            page.frames().get(1).waitForLoadState();
            assertThat(ids(Axe.violations(page))).contains("image-alt");
        }
    }

    @Test
    void passesAPageThatBreaksNothing() {
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = context.newPage();
            page.setContent(CLEAN);
            Axe.check(page);
            assertThat(Axe.deque(page)).isEmpty();
        }
    }

    private static List<String> ids(List<Rule> rules) {
        return rules.stream().map(Rule::getId).sorted().toList();
    }
}

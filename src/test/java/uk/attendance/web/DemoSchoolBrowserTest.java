package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import uk.attendance.OnFixedToday;
import uk.attendance.demo.DemoDataLoader;

/**
 * What the browser tests share: one headless Chromium for all of them (Debian's, which .ci/run installs), the demo school
 * they work in, created once per test database (with the others when DemoDataLoaderTest ran first), and the folder their screenshots go to.
 */
abstract class DemoSchoolBrowserTest implements OnFixedToday {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** With {@code -Dscreenshots=full}, each screenshot also has a -full one of the whole page (seconds each on a long page). */
    private static final boolean FULL_PAGE_SCREENSHOTS = "full".equals(System.getProperty("screenshots"));

    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoDataLoader demo;

    /** The demo school the test works in. */
    abstract String school();

    @BeforeAll
    static void launchChromium() {
        assertThat(HeadlessChromium.EXECUTABLE).as("Debian's chromium package (.ci/run installs it)").isExecutable();
        browser = HeadlessChromium.shared().browser;
    }

    @BeforeEach
    void demoSchools() throws Exception {
        if (given().get("/api/schools/{id}", school()).statusCode() == 404) {
            assertThat(demo.createDemoSchool(school().substring("demo-".length()))).contains(school());
        }
        Files.createDirectories(SCREENSHOTS);
    }

    /** What the screen shows, in target/screenshots/, and the whole page below it when asked for. */
    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        if (FULL_PAGE_SCREENSHOTS) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-full.png")).setFullPage(true));
        }
    }
}

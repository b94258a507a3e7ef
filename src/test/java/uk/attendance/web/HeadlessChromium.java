package uk.attendance.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, as the browser tests need it here: Playwright never downloads a browser,
 * and as root on a closed network Chromium runs without its sandbox and without background networking.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    final Browser browser;

    private static HeadlessChromium shared;

    /**
     * One Chromium for every browser test class in the JVM, closed when it exits: each launch (Playwright's driver and the
     * browser) costs seconds on 2 cores, and every test works in a browser context of its own anyway.
     */
    static synchronized HeadlessChromium shared() {
        if (shared == null) {
            HeadlessChromium chromium = new HeadlessChromium();
            Runtime.getRuntime().addShutdownHook(new Thread(chromium::close, "headless-chromium-close"));
            shared = chromium;
        }
        return shared;
    }

    HeadlessChromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

package uk.attendance.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.List;

/**
 * Runs axe-core (Deque's engine, injected into the page by its Playwright runner) on the page as it stands and fails
 * listing every violation of WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rule, its impact, and the elements it found.
 * The browser tests call it on every page they visit, and again after a change made in place (an htmx swap); the printed
 * letters' PDF is no web page and is checked for its pages instead. No rule is disabled: a page that fails is fixed.
 * (axe-core comes from Deque's Maven Central artifact, which carries the script; the registry here serves no
 * {@code org.mvnpm:axe-core} to bundle it the way htmx is.)
 *
 * <p>A page without frames is checked with one {@code axe.run} in the page, axe-core injected once per document: Deque's
 * {@link AxeBuilder} re-reads and injects the 560 kB script on every call, runs {@code runPartial}, ships every pass back
 * and forth and finishes in a new blank page: half as long again on the 1,000-pupil queue, three times as long on a small page. The
 * rules, tags and violations are the same ({@code AxeTest} compares the two); a page with frames still goes through
 * {@link AxeBuilder}, which checks inside them.
 */
final class Axe {

    /** axe-core's tags for the success criteria of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private static final String SOURCE = AxeBuilder.getAxeScript();

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Axe() {
    }

    /** Fails if the page, as it stands, breaks any WCAG 2.2 A or AA rule axe-core checks. */
    static void check(Page page) {
        page.waitForLoadState();
        List<Rule> violations = violations(page);
        if (!violations.isEmpty()) {
            throw new AssertionError(report(page.url(), violations));
        }
    }

    /** What axe-core finds on the page as it stands, at WCAG 2.0/2.1/2.2 A and AA. */
    static List<Rule> violations(Page page) {
        if (page.frames().size() > 1) {
            return deque(page);
        }
        try {
            if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe?.run === 'function'"))) {
                page.evaluate("() => {" + SOURCE + "}");
            }
            // Only the violations are needed, so axe-core need not collect every passing node.
            Object raw = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
                    + ".then(r => JSON.parse(JSON.stringify({violations: r.violations})))", WCAG_A_AA);
            return JSON.convertValue(raw, AxeResults.class).getViolations();
        } catch (PlaywrightException e) {
            throw new AssertionError("axe-core could not check " + page.url() + ": " + e.getMessage(), e);
        }
    }

    /** The same check by Deque's runner, which also goes into frames. */
    static List<Rule> deque(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_A_AA).analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page.url() + ": " + results.getErrorMessage());
        }
        return results.getViolations();
    }

    static String report(String url, List<Rule> violations) {
        StringBuilder out = new StringBuilder().append(violations.size()).append(" accessibility rule(s) broken on ")
                .append(url).append(':');
        for (Rule rule : violations) {
            out.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ").append(rule.getHelp())
                    .append(" [").append(String.join(", ", rule.getTags())).append(']');
            for (CheckedNode node : rule.getNodes()) {
                out.append("\n    ").append(node.getTarget());
                String summary = node.getFailureSummary();
                if (summary != null && !summary.isBlank()) {
                    out.append(" — ").append(summary.replaceAll("\\s+", " ").trim());
                }
            }
        }
        return out.toString();
    }
}

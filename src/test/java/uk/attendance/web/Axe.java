package uk.attendance.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Runs axe-core (Deque's engine, injected into the page by its Playwright runner) on the page as it stands and fails
 * listing every violation of WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rule, its impact, and the elements it found.
 * The browser tests call it on every page they visit, and again after a change made in place (an htmx swap); the printed
 * letters' PDF is no web page and is checked for its pages instead. No rule is disabled: a page that fails is fixed.
 * (axe-core comes from Deque's Maven Central artifact, which carries the script; the registry here serves no
 * {@code org.mvnpm:axe-core} to bundle it the way htmx is.)
 */
final class Axe {

    /** axe-core's tags for the success criteria of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private Axe() {
    }

    /** Fails if the page, as it stands, breaks any WCAG 2.2 A or AA rule axe-core checks. */
    static void check(Page page) {
        page.waitForLoadState();
        AxeResults results = new AxeBuilder(page).withTags(WCAG_A_AA).analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(report(page.url(), violations));
        }
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

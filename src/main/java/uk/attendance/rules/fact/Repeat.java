package uk.attendance.rules.fact;

import java.util.Arrays;
import java.util.Optional;

/**
 * How often a ladder step may be raised again for a pupil, as an author writes it on the rule:
 * {@code rule "..." @repeats("each half term")}. The action's period follows from it (see
 * {@link EvaluationContext#period(Repeat)}); a rule without it is raised once a year.
 */
public enum Repeat {
    ONCE_A_YEAR("once a year"),
    EACH_TERM("each term"),
    EACH_HALF_TERM("each half term"),
    EVERY_FOUR_WEEKS("every four weeks"),
    EACH_MONTH("each month"),
    EACH_WEEK("each week");

    /** The rule attribute that names the repeat. */
    public static final String ATTRIBUTE = "repeats";

    private final String words;

    Repeat(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The repeat a rule names, e.g. "each half term"; empty for a name no ladder knows. */
    public static Optional<Repeat> named(String words) {
        String wanted = words == null ? "" : words.trim().replaceAll("^\"|\"$", "");
        return Arrays.stream(values()).filter(r -> r.words.equalsIgnoreCase(wanted)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(r -> "\"" + r.words + "\"").toList());
    }
}

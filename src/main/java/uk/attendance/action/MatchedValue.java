package uk.attendance.action;

import java.util.Locale;

/**
 * One value a rule read when it raised an action, as it stood on the first day the rule's condition held: the fact
 * ({@code PupilFacts}, {@code InterventionFact LETTER AT1 of 2025-10-06}...), its field and the value, in words.
 */
public record MatchedValue(String fact, String field, String value) {

    /** The field as a lead reads it: {@code unauthorisedSessionsLast10SchoolWeeks} is "unauthorised sessions last 10 school weeks". */
    public String label() {
        return field.replaceAll("([a-z])([A-Z0-9])", "$1 $2").replaceAll("([0-9])([A-Za-z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}

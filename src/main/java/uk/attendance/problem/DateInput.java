package uk.attendance.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date as a client sent it, checked the same way everywhere: present, ISO, and not after {@code latest}. */
public record DateInput(LocalDate date, String problem) {

    public static DateInput parse(String field, String text, LocalDate latest) {
        if (text == null || text.isBlank()) {
            return new DateInput(null, field + " is required");
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (date.isAfter(latest)) {
                return new DateInput(date, field + " " + date + " is in the future");
            }
            return new DateInput(date, null);
        } catch (DateTimeParseException e) {
            return new DateInput(null, field + " must be a date YYYY-MM-DD, not '" + text + "'");
        }
    }

    /** An optional date query parameter: null when absent, a 400 naming the parameter when not a date. */
    public static LocalDate query(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        DateInput input = parse(parameter, text, LocalDate.MAX);
        if (!input.valid()) {
            throw ProblemException.invalid(FieldError.of(parameter, input.problem()));
        }
        return input.date();
    }

    public boolean valid() {
        return problem == null;
    }
}

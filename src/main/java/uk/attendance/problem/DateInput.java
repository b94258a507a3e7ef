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

    public boolean valid() {
        return problem == null;
    }
}

package uk.attendance.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date as a client sent it, checked the same way everywhere: present, ISO, between 1900-01-01 and
 * 2100-12-31 (year -5000, 0 or 9999 is a typing slip, and a register dated so could never be corrected),
 * and not after {@code latest}.
 */
public record DateInput(LocalDate date, String problem) {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    public static DateInput parse(String field, String text, LocalDate latest) {
        if (text == null || text.isBlank()) {
            return new DateInput(null, field + " is required");
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                return new DateInput(null, field + " must be between " + EARLIEST + " and " + LATEST + ", not '" + text.trim() + "'");
            }
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

package uk.attendance.attendance;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school (academic) year, 1 September to 31 August, named by the year it starts in. */
public record AcademicYear(int startYear) {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})/(\\d{2})");

    /** The year a label such as {@code "2025/26"} names; empty for anything else, e.g. {@code "2025/27"}. */
    public static Optional<AcademicYear> parse(String label) {
        Matcher matcher = label == null ? null : LABEL.matcher(label.trim());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(matcher.group(1));
        boolean consecutive = (start + 1) % 100 == Integer.parseInt(matcher.group(2));
        return consecutive && start >= 1900 && start < 2100 ? Optional.of(new AcademicYear(start)) : Optional.empty();
    }

    public static AcademicYear containing(LocalDate date) {
        return new AcademicYear(date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate start() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** As schools write it, e.g. {@code "2025/26"}. */
    public String label() {
        return String.format("%d/%02d", startYear, (startYear + 1) % 100);
    }
}

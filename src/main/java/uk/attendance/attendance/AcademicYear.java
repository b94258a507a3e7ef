package uk.attendance.attendance;

import java.time.LocalDate;
import java.time.Month;

/** A school (academic) year, 1 September to 31 August, named by the year it starts in. */
public record AcademicYear(int startYear) {

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

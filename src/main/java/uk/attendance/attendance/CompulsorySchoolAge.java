package uk.attendance.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Compulsory school age (Education Act 1996 s8): legal measures such as penalty notices apply only
 * to a pupil of compulsory school age on the date concerned.
 */
public final class CompulsorySchoolAge {

    /** The "prescribed days" of s8(2), in calendar order. */
    private static final List<MonthDay> PRESCRIBED_DAYS = List.of(
            MonthDay.of(Month.JANUARY, 1), MonthDay.of(Month.APRIL, 1), MonthDay.of(Month.SEPTEMBER, 1));

    private CompulsorySchoolAge() {
    }

    /** Whether the child is of compulsory school age at any time on {@code date}. */
    public static boolean on(LocalDate dateOfBirth, LocalDate date) {
        return !date.isBefore(startDate(dateOfBirth)) && !date.isAfter(endDate(dateOfBirth));
    }

    /**
     * The first prescribed day (1 January, 1 April, 1 September) on or after the 5th birthday:
     * s8(2) starts it on the birthday itself when that is a prescribed day.
     */
    public static LocalDate startDate(LocalDate dateOfBirth) {
        // A 29 February birthday gives the same answer whether the anniversary falls on 28 February or 1 March.
        LocalDate fifthBirthday = dateOfBirth.plusYears(5);
        return PRESCRIBED_DAYS.stream()
                .map(day -> day.atYear(fifthBirthday.getYear()))
                .filter(day -> !day.isBefore(fifthBirthday))
                .findFirst()
                .orElse(LocalDate.of(fifthBirthday.getYear() + 1, Month.JANUARY, 1));
    }

    /**
     * The last day of compulsory school age: the last Friday in June of the school year in which the
     * child turns 16. The child is still of compulsory school age on that Friday.
     */
    public static LocalDate endDate(LocalDate dateOfBirth) {
        int leavingYear = AcademicYear.containing(dateOfBirth.plusYears(16)).end().getYear();
        return LocalDate.of(leavingYear, Month.JUNE, 30).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
    }
}

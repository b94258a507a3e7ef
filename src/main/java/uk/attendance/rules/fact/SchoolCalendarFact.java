package uk.attendance.rules.fact;

import java.time.LocalDate;
import java.util.List;
import uk.attendance.attendance.SchoolCalendar;

/**
 * The school's calendar as found in its register, for a rule that needs a period the other facts do
 * not give: school days between two dates, and the half terms found from the gaps in its sessions.
 */
public class SchoolCalendarFact {

    private final SchoolCalendar calendar;

    public SchoolCalendarFact(SchoolCalendar calendar) {
        this.calendar = calendar;
    }

    /** School days after {@code fromExclusive} up to and including {@code toInclusive}. */
    public int schoolDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return calendar.countSchoolDays(fromExclusive, toInclusive);
    }

    public boolean isSchoolDay(LocalDate date) {
        return calendar.isSchoolDay(date);
    }

    public List<SchoolCalendar.HalfTerm> getHalfTerms() {
        return calendar.halfTerms();
    }
}

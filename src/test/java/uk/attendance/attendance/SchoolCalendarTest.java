package uk.attendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.attendance.attendance.SchoolCalendar.HalfTerm;

class SchoolCalendarTest {

    // Autumn 2025 and the start of spring 2026, as a school's register shows them:
    //   half term 1: Wed 3 Sep – Fri 24 Oct; break Mon 27 – Fri 31 Oct;
    //   half term 2: Mon 3 Nov – Fri 19 Dec, with an INSET day on Fri 14 Nov; Christmas 22 Dec – 2 Jan;
    //   half term 3: Mon 5 Jan – Fri 13 Feb 2026.
    private static final LocalDate INSET_DAY = LocalDate.of(2025, 11, 14);
    private static final HalfTerm AUTUMN_1 = new HalfTerm(LocalDate.of(2025, 9, 3), LocalDate.of(2025, 10, 24));
    private static final HalfTerm AUTUMN_2 = new HalfTerm(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 12, 19));
    private static final HalfTerm SPRING_1 = new HalfTerm(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 13));

    private static final SchoolCalendar CALENDAR = SchoolCalendar.of(concat(
            weekdays(AUTUMN_1.start(), AUTUMN_1.end(), Set.of()),
            weekdays(AUTUMN_2.start(), AUTUMN_2.end(), Set.of(INSET_DAY)),
            weekdays(SPRING_1.start(), SPRING_1.end(), Set.of())));

    @Test
    void schoolDaysAreOnlyTheDaysTheSchoolHeldSessions() {
        assertThat(CALENDAR.isSchoolDay(LocalDate.of(2025, 9, 3))).isTrue();
        assertThat(CALENDAR.isSchoolDay(LocalDate.of(2025, 9, 2))).as("before term").isFalse();
        assertThat(CALENDAR.isSchoolDay(LocalDate.of(2025, 9, 6))).as("Saturday").isFalse();
        assertThat(CALENDAR.isSchoolDay(LocalDate.of(2025, 10, 29))).as("half-term break").isFalse();
        assertThat(CALENDAR.isSchoolDay(INSET_DAY)).isFalse();
    }

    @Test
    void schoolDaysBetweenTwoDatesIncludeBothEnds() {
        // Mon 20 – Fri 24 Oct (5), the break, then Mon 3 – Wed 5 Nov (3).
        assertThat(CALENDAR.schoolDays(LocalDate.of(2025, 10, 20), LocalDate.of(2025, 11, 5)))
                .hasSize(8)
                .startsWith(LocalDate.of(2025, 10, 20))
                .endsWith(LocalDate.of(2025, 11, 5))
                .doesNotContain(LocalDate.of(2025, 10, 27));
        assertThat(CALENDAR.schoolDays(LocalDate.of(2025, 10, 27), LocalDate.of(2025, 10, 31))).isEmpty();
    }

    @Test
    void schoolDaysSinceALetterCountNeitherTheLetterDayNorDaysWithoutSchool() {
        // Letter on Mon 3 Nov, asOf Mon 24 Nov: 4–7 Nov (4) + 10–13 Nov (4, not the INSET Fri 14)
        // + 17–21 Nov (5) + Mon 24 Nov (1) = 14.
        assertThat(CALENDAR.countSchoolDays(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 24))).isEqualTo(14);
        assertThat(CALENDAR.countSchoolDays(LocalDate.of(2025, 11, 24), LocalDate.of(2025, 11, 3))).isZero();
    }

    @Test
    void lastSchoolDayOnOrBeforeReachesBackOverBreaks() {
        assertThat(CALENDAR.lastSchoolDayOnOrBefore(LocalDate.of(2025, 11, 2))).contains(LocalDate.of(2025, 10, 24));
        assertThat(CALENDAR.lastSchoolDayOnOrBefore(LocalDate.of(2025, 9, 3))).contains(LocalDate.of(2025, 9, 3));
        assertThat(CALENDAR.lastSchoolDayOnOrBefore(LocalDate.of(2025, 9, 2))).isEmpty();
    }

    @Test
    void nthSchoolDayAfterSkipsTheInsetDay() {
        // After Thu 13 Nov: (Fri 14 INSET) Mon 17, Tue 18, Wed 19, Thu 20, Fri 21 is the 5th.
        assertThat(CALENDAR.nthSchoolDayAfter(LocalDate.of(2025, 11, 13), 5)).contains(LocalDate.of(2025, 11, 21));
        assertThat(CALENDAR.nthSchoolDayAfter(LocalDate.of(2026, 2, 12), 2)).as("beyond the register").isEmpty();
    }

    @Test
    void tenSchoolWeeksSkipTheHalfTermWeek() {
        // asOf Fri 5 Dec. School weeks back: 1 Dec (1), 24 Nov (2), 17 Nov (3), 10 Nov (4), 3 Nov (5),
        // [27 Oct break, skipped], 20 Oct (6), 13 Oct (7), 6 Oct (8), 29 Sep (9), 22 Sep (10).
        assertThat(CALENDAR.startOfLastSchoolWeeks(LocalDate.of(2025, 12, 5), 10)).isEqualTo(LocalDate.of(2025, 9, 22));
    }

    @Test
    void schoolWeeksWindowInsideABreakStartsFromTheWeeksBeforeIt() {
        // asOf Wed 29 Oct (break): the latest school week is 20 Oct, the one before 13 Oct.
        assertThat(CALENDAR.startOfLastSchoolWeeks(LocalDate.of(2025, 10, 29), 2)).isEqualTo(LocalDate.of(2025, 10, 13));
    }

    @Test
    void schoolWeeksWindowWithTooFewWeeksStartsAtTheFirstSchoolWeek() {
        // Only 1 Sep (Wed 3 – Fri 5), 8 Sep and 15 Sep weeks exist by Fri 19 Sep.
        assertThat(CALENDAR.startOfLastSchoolWeeks(LocalDate.of(2025, 9, 19), 10)).isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    void halfTermsAreFoundFromBreaksNotFromSingleDaysOff() {
        assertThat(CALENDAR.halfTerms()).containsExactly(AUTUMN_1, AUTUMN_2, SPRING_1);
    }

    @Test
    void aBankHolidayJoinedToInsetDaysIsNotABreakButFourWeekdaysOffAre() {
        // Summer 2026 from Mon 20 Apr to Fri 22 May: bank holiday Mon 4 May (1 weekday off) and
        // Fri 15, Mon 18, Tue 19 May (3 weekdays off) leave one half term.
        LocalDate first = LocalDate.of(2026, 4, 20);
        LocalDate last = LocalDate.of(2026, 5, 22);
        SchoolCalendar threeDaysOff = SchoolCalendar.of(weekdays(first, last,
                Set.of(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 15), LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 19))));
        assertThat(threeDaysOff.halfTerms()).containsExactly(new HalfTerm(first, last));

        // Mon 11 – Thu 14 May off: 4 weekdays, a break.
        SchoolCalendar fourDaysOff = SchoolCalendar.of(weekdays(first, last,
                Set.of(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 12), LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 14))));
        assertThat(fourDaysOff.halfTerms()).containsExactly(
                new HalfTerm(first, LocalDate.of(2026, 5, 8)), new HalfTerm(LocalDate.of(2026, 5, 15), last));
    }

    @Test
    void halfTermContainingCoversDaysOffInsideItButNotTheBreak() {
        assertThat(CALENDAR.halfTermContaining(INSET_DAY)).contains(AUTUMN_2);
        assertThat(CALENDAR.halfTermContaining(LocalDate.of(2025, 11, 8))).as("Saturday").contains(AUTUMN_2);
        assertThat(CALENDAR.halfTermContaining(LocalDate.of(2025, 10, 29))).isEmpty();
        assertThat(CALENDAR.halfTermContaining(LocalDate.of(2025, 9, 1))).isEmpty();
    }

    @Test
    void previousCompletedHalfTermInsideATermIsTheOneBefore() {
        assertThat(CALENDAR.previousCompletedHalfTerm(LocalDate.of(2025, 11, 10))).contains(AUTUMN_1);
        assertThat(CALENDAR.previousCompletedHalfTerm(LocalDate.of(2026, 1, 20))).contains(AUTUMN_2);
        assertThat(CALENDAR.previousCompletedHalfTerm(LocalDate.of(2025, 10, 1))).isEmpty();
        // On its last day a half term is still the current one.
        assertThat(CALENDAR.previousCompletedHalfTerm(AUTUMN_1.end())).isEmpty();
    }

    @Test
    void previousCompletedHalfTermInsideABreakIsTheOneJustBeforeIt() {
        assertThat(CALENDAR.previousCompletedHalfTerm(LocalDate.of(2025, 10, 29))).contains(AUTUMN_1);
        assertThat(CALENDAR.previousCompletedHalfTerm(LocalDate.of(2025, 12, 24))).contains(AUTUMN_2);
    }

    @Test
    void theLatestHalfTermRunsOnUntilABreakHasElapsed() {
        // Registers marked up to Wed 7 Jan; asOf Thu 8 Jan is the next day of the same half term, not a break.
        SchoolCalendar live = SchoolCalendar.of(concat(
                weekdays(AUTUMN_1.start(), AUTUMN_1.end(), Set.of()),
                weekdays(AUTUMN_2.start(), AUTUMN_2.end(), Set.of(INSET_DAY)),
                weekdays(SPRING_1.start(), LocalDate.of(2026, 1, 7), Set.of())));
        HalfTerm soFar = new HalfTerm(SPRING_1.start(), LocalDate.of(2026, 1, 7));
        assertThat(live.halfTermContaining(LocalDate.of(2026, 1, 8))).contains(soFar);
        assertThat(live.previousCompletedHalfTerm(LocalDate.of(2026, 1, 8))).contains(AUTUMN_2);

        // After the last marked day, Fri 13 Feb: Mon 16 – Wed 18 Feb is 3 weekdays, not yet known to be a
        // break; by Thu 19 Feb (4 weekdays) spring 1 is over.
        assertThat(CALENDAR.previousCompletedHalfTerm(LocalDate.of(2026, 2, 18))).contains(AUTUMN_2);
        assertThat(CALENDAR.previousCompletedHalfTerm(LocalDate.of(2026, 2, 19))).contains(SPRING_1);
    }

    static List<LocalDate> weekdays(LocalDate from, LocalDate to, Set<LocalDate> except) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !except.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    @SafeVarargs
    private static List<LocalDate> concat(List<LocalDate>... parts) {
        List<LocalDate> all = new ArrayList<>();
        for (List<LocalDate> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}

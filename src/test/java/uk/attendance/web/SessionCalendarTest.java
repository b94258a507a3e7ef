package uk.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.Session;
import uk.attendance.web.SessionCalendar.Day;
import uk.attendance.web.SessionCalendar.Entry;
import uk.attendance.web.SessionCalendar.Month;

class SessionCalendarTest {

    @Test
    void eachSessionIsColouredByWhatItsCodeCountsAs() {
        LocalDate monday = LocalDate.of(2025, 9, 8);
        SessionCalendar calendar = SessionCalendar.of(List.of(
                new Entry(monday, Session.AM, AttendanceCode.PRESENT_AM, false),
                new Entry(monday, Session.PM, AttendanceCode.O, true),
                new Entry(monday.plusDays(1), Session.AM, AttendanceCode.V, false),
                new Entry(monday.plusDays(1), Session.PM, AttendanceCode.I, false),
                new Entry(monday.plusDays(2), Session.AM, AttendanceCode.CLOSED, false)),
                LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30));

        Day day = find(calendar.months().get(0), monday);
        assertThat(day.am().category()).isEqualTo("present");
        assertThat(day.pm().category()).isEqualTo("unauthorised");
        assertThat(day.pm().describe()).isEqualTo("O — absent in other or unknown circumstances (amended)");
        Day tuesday = find(calendar.months().get(0), monday.plusDays(1));
        assertThat(tuesday.am().category()).isEqualTo("approved");
        assertThat(tuesday.pm().category()).isEqualTo("authorised");
        assertThat(find(calendar.months().get(0), monday.plusDays(2)).am().category()).isEqualTo("not-possible");
        assertThat(find(calendar.months().get(0), monday.plusDays(3)).am()).isNull();
    }

    @Test
    void monthsRunFromTheStartToTheEndDateInWeeksOfMondayToFriday() {
        SessionCalendar calendar = SessionCalendar.of(List.of(), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 3));

        assertThat(calendar.months()).extracting(Month::name).containsExactly("September 2025", "October 2025", "November 2025");
        Month november = calendar.months().get(2);
        // 1 November 2025 is a Saturday: the week of 27 October has no weekday in November and is left out.
        assertThat(november.weeks().get(0).get(0).date()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(november.weeks()).allSatisfy(week -> assertThat(week).hasSize(5));
        Month september = calendar.months().get(0);
        assertThat(september.weeks()).hasSize(5);
        assertThat(september.weeks().get(4).get(2).inMonth()).isFalse();
    }

    @Test
    void aMonthWithAWeekendMarkShowsTheWholeWeek() {
        LocalDate saturday = LocalDate.of(2025, 10, 11);
        SessionCalendar calendar = SessionCalendar.of(List.of(new Entry(saturday, Session.AM, AttendanceCode.V, false)),
                LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31));

        Month october = calendar.months().get(0);
        assertThat(october.weekend()).isTrue();
        assertThat(october.weeks()).allSatisfy(week -> assertThat(week).hasSize(7));
        assertThat(find(october, saturday).am().code()).isEqualTo("V");
    }

    private static Day find(Month month, LocalDate date) {
        return month.weeks().stream().flatMap(List::stream).filter(d -> d.date().equals(date)).findFirst().orElseThrow();
    }

    @Test
    void theKeyListsEachCodeShownOnceWithItsMeaningSoNoMeaningIsOnlyInATooltip() {
        LocalDate monday = LocalDate.of(2025, 9, 8);
        SessionCalendar calendar = SessionCalendar.of(List.of(
                new Entry(monday, Session.AM, AttendanceCode.O, false),
                new Entry(monday, Session.PM, AttendanceCode.O, false),
                new Entry(monday.plusDays(1), Session.AM, AttendanceCode.I, false),
                new Entry(LocalDate.of(2025, 10, 1), Session.AM, AttendanceCode.V, false)),
                LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30));

        assertThat(calendar.codesShown()).extracting(SessionCalendar.CodeMeaning::code).containsExactlyInAnyOrder("O", "I");
        assertThat(calendar.codesShown()).allSatisfy(c -> assertThat(c.meaning()).isNotBlank());
    }
}

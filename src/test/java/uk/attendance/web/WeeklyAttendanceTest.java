package uk.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.web.WeeklyAttendance.CodeCount;
import uk.attendance.web.WeeklyAttendance.Week;

class WeeklyAttendanceTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    @Test
    void presentAndApprovedActivityCountAsAttendedOverPossibleSessions() {
        List<Week> weeks = WeeklyAttendance.of(List.of(
                new CodeCount(MONDAY, AttendanceCode.PRESENT_AM, 6),
                new CodeCount(MONDAY.plusDays(1), AttendanceCode.V, 1),
                new CodeCount(MONDAY.plusDays(2), AttendanceCode.I, 2),
                new CodeCount(MONDAY.plusDays(4), AttendanceCode.O, 1)));

        assertThat(weeks).containsExactly(new Week(MONDAY, 10, 7));
        assertThat(weeks.get(0).percent()).isEqualTo(70.0);
    }

    @Test
    void sessionsThatAreNotPossibleAreLeftOutOfTheWeek() {
        List<Week> weeks = WeeklyAttendance.of(List.of(
                new CodeCount(MONDAY, AttendanceCode.PRESENT_AM, 9),
                new CodeCount(MONDAY, AttendanceCode.O, 1),
                new CodeCount(MONDAY.plusDays(3), AttendanceCode.CLOSED, 40),
                new CodeCount(MONDAY.plusDays(3), AttendanceCode.Y4, 12)));

        assertThat(weeks).containsExactly(new Week(MONDAY, 10, 9));
    }

    @Test
    void weeksRunMondayToSundayInDateOrderAndHolidayWeeksAreSkipped() {
        List<Week> weeks = WeeklyAttendance.of(List.of(
                new CodeCount(MONDAY.plusWeeks(3).plusDays(4), AttendanceCode.PRESENT_AM, 2),
                new CodeCount(MONDAY.plusWeeks(2), AttendanceCode.CLOSED, 2),
                new CodeCount(MONDAY.plusDays(6), AttendanceCode.V, 1),
                new CodeCount(MONDAY.minusDays(1), AttendanceCode.G, 1)));

        assertThat(weeks).extracting(Week::monday)
                .containsExactly(MONDAY.minusWeeks(1), MONDAY, MONDAY.plusWeeks(3));
        assertThat(weeks).extracting(Week::percent).containsExactly(0.0, 100.0, 100.0);
    }

    @Test
    void noMarksNoWeeks() {
        assertThat(WeeklyAttendance.of(List.of())).isEmpty();
    }
}

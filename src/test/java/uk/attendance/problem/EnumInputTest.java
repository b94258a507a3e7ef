package uk.attendance.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class EnumInputTest {

    @Test
    void aValueIsReadTrimmedInAnyCase() {
        assertThat(EnumInput.parse(DayOfWeek.class, "  monday ")).contains(DayOfWeek.MONDAY);
        assertThat(EnumInput.parse(DayOfWeek.class, "Friday")).contains(DayOfWeek.FRIDAY);
    }

    @Test
    void blankUnknownOrDisallowedTextNamesNothing() {
        assertThat(EnumInput.parse(DayOfWeek.class, " ")).isEmpty();
        assertThat(EnumInput.parse(DayOfWeek.class, null)).isEmpty();
        assertThat(EnumInput.parse(DayOfWeek.class, "Funday")).isEmpty();
        assertThat(EnumInput.parse(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "monday")).isEmpty();
    }

    @Test
    void theErrorListsWhatIsAllowedAndQuotesWhatWasSent() {
        assertThat(EnumInput.notOneOf("day", "Funday", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)))
                .isEqualTo("day must be SATURDAY or SUNDAY, not 'Funday'");
        assertThat(EnumInput.oneOf(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)))
                .isEqualTo("MONDAY, TUESDAY or WEDNESDAY");
    }
}

package uk.attendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CompactRegisterTest {

    @Test
    void everyCodeHasItsOwnSymbolAndReadsBackAsItself() {
        for (AttendanceCode code : AttendanceCode.values()) {
            char symbol = CompactRegister.symbol(code);
            assertThat(symbol).as(code.mark()).isNotEqualTo(CompactRegister.NO_MARK);
            assertThat(CompactRegister.code(symbol)).isEqualTo(code);
        }
        assertThat(Arrays.stream(AttendanceCode.values()).map(CompactRegister::symbol).distinct()).hasSize(AttendanceCode.values().length);
        assertThat(CompactRegister.code(CompactRegister.NO_MARK)).isNull();
        assertThatThrownBy(() -> CompactRegister.code('?')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionsCountFromTheFirstOfSeptemberOfTheirAcademicYear() {
        assertThat(CompactRegister.position(LocalDate.of(2025, 9, 1), Session.AM)).isZero();
        assertThat(CompactRegister.position(LocalDate.of(2025, 9, 2), Session.PM)).isEqualTo(3);
        assertThat(CompactRegister.position(LocalDate.of(2025, 8, 31), Session.PM)).isEqualTo(2 * 364 + 1);
        assertThat(CompactRegister.position(LocalDate.of(2024, 8, 31), Session.PM)).as("2024 was a leap year")
                .isEqualTo(CompactRegister.MAX_SESSIONS - 1);
    }

    @Test
    void aYearIsStoredUpToItsLastMarkedSession() {
        char[] sessions = CompactRegister.widened("/\\");
        assertThat(sessions).hasSize(CompactRegister.MAX_SESSIONS);
        sessions[5] = CompactRegister.symbol(AttendanceCode.C2);
        assertThat(CompactRegister.trimmed(sessions)).isEqualTo("/\\---t");
        assertThat(CompactRegister.trimmed(CompactRegister.widened(null))).isEmpty();
    }
}

package uk.attendance.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks every name, note and date a caller sends goes through, without the service running. */
class TextAndDateInputTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 12, 1);

    @Test
    void aLineIsMeasuredTrimmedAndRefusedOneCharacterOverItsLimit() {
        assertThat(TextInput.lineProblem("source", "  " + "x".repeat(200) + "  ", 200)).isEmpty();
        assertThat(TextInput.lineProblem("source", "x".repeat(201), 200)).contains("source is at most 200 characters, not 201");
    }

    @Test
    void aNoteMayBreakLinesButALineMayNot() {
        assertThat(TextInput.noteProblem("note", "Met mum.\nAgreed target 95%.", 2000)).isEmpty();
        assertThat(TextInput.lineProblem("outcome", "Met\nmum", 64)).get().asString()
                .contains("U+000A at position 4");
    }

    @Test
    void aBidirectionalOverrideThatWouldDisguiseANameIsRefusedWherever() {
        assertThat(TextInput.lineProblem("familyName", "Smith\u202Egnp.exe", 100)).get().asString().contains("U+202E");
        assertThat(TextInput.noteProblem("note", "ok\u0000", 2000)).get().asString().contains("U+0000");
    }

    @Test
    void checkLineNamesTheRowWhenThereIsOne() {
        List<FieldError> errors = new ArrayList<>();
        TextInput.checkLine(errors, 3, "name", "x".repeat(11), 10);
        TextInput.checkLine(errors, null, "name", "fine", 10);
        assertThat(errors).extracting(FieldError::index, FieldError::field).containsExactly(tuple(3, "name"));
    }

    @Test
    void aDateMustBeIsoWithinTheCenturiesARegisterCanHoldAndNotInTheFuture() {
        assertThat(DateInput.parse("date", " 2025-09-10 ", TODAY).date()).isEqualTo(LocalDate.of(2025, 9, 10));
        assertThat(DateInput.parse("date", "10/09/2025", TODAY).problem()).isEqualTo("date must be a date YYYY-MM-DD, not '10/09/2025'");
        assertThat(DateInput.parse("date", "2025-02-29", TODAY).valid()).isFalse();
        assertThat(DateInput.parse("date", "1899-12-31", TODAY).problem()).contains("between 1900-01-01 and 2100-12-31");
        assertThat(DateInput.parse("date", "2025-12-02", TODAY).problem()).isEqualTo("date 2025-12-02 is in the future");
        assertThat(DateInput.parse("date", "2025-12-01", TODAY).valid()).isTrue();
        assertThat(DateInput.parse("date", "", TODAY).problem()).isEqualTo("date is required");
    }

    @Test
    void anOptionalDateParameterIsNullWhenAbsentAndA400NamingItWhenMalformed() {
        assertThat(DateInput.query("asOf", null)).isNull();
        assertThatThrownBy(() -> DateInput.query("asOf", "yesterday")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).toProblem().errors()).extracting(FieldError::field).containsExactly("asOf"));
    }
}

package uk.attendance.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UpnTest {

    @Test
    void acceptsTheExampleFromTheDomainNotes() {
        assertThat(Upn.isValid("B801200005001")).isTrue();
        assertThat(Upn.problem("B801200005001")).isEmpty();
        assertThat(Upn.checkLetter("801200005001")).isEqualTo('B');
        assertThat(Upn.of("801200005001")).isEqualTo("B801200005001");
    }

    @Test
    void rejectsAWrongCheckLetterAndSaysWhichIsRight() {
        assertThat(Upn.isValid("A801200005001")).isFalse();
        assertThat(Upn.problem("A801200005001")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("UPN check letter should be 'B'"));
    }

    @Test
    void rejectsAWrongLength() {
        assertThat(Upn.problem("B80120000500")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("UPN must be 13 characters"));
        assertThat(Upn.problem("B8012000050011")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("UPN must be 13 characters"));
        assertThat(Upn.problem("")).contains("UPN is missing");
        assertThat(Upn.problem(null)).contains("UPN is missing");
    }

    @Test
    void lowercaseIsRejectedUntilNormalised() {
        assertThat(Upn.problem("b801200005001")).hasValueSatisfying(problem ->
                assertThat(problem).contains("capitals"));

        String normalised = Upn.normalise("  b801200005001 ");

        assertThat(normalised).isEqualTo("B801200005001");
        assertThat(Upn.isValid(normalised)).isTrue();
        assertThat(Upn.normalise(null)).isNull();
    }

    @Test
    void acceptsATemporaryUpnEndingInALetter() {
        String temporary = Upn.of("80120000501A");

        assertThat(Upn.isValid(temporary)).isTrue();
        assertThat(Upn.isValid(temporary.charAt(0) + "80120000501B")).isFalse();
    }

    @Test
    void aLetterOnlyBelongsInTheLastPosition() {
        String upn = Upn.checkLetter("8012000A5001") + "8012000A5001";

        assertThat(Upn.problem(upn)).hasValueSatisfying(problem ->
                assertThat(problem).contains("character 9").contains("digits"));
        assertThatThrownBy(() -> Upn.of("8012000A5001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCheckCharacterMustBeALetter() {
        assertThat(Upn.problem("1801200005001")).hasValueSatisfying(problem ->
                assertThat(problem).contains("check letter"));
    }

    @Test
    void rejectsIOAndSWhichNeverAppear() {
        for (char misread : new char[] {'I', 'O', 'S'}) {
            assertThat(Upn.problem(misread + "801200005001")).hasValueSatisfying(problem ->
                    assertThat(problem).contains("'" + misread + "'").contains("never appears in a UPN"));
            assertThat(Upn.problem("B80120000500" + misread)).hasValueSatisfying(problem ->
                    assertThat(problem).contains("'" + misread + "' at character 13"));
        }
    }

    @Test
    void rejectsPunctuation() {
        assertThat(Upn.problem("B8012-0005001")).hasValueSatisfying(problem ->
                assertThat(problem).contains("'-'").contains("only digits and capital letters"));
    }
}

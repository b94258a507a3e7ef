package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyParametersTest {

    @Test
    void aCodeSetIsTheNationalCodesItNamesInOrder() {
        PolicyParameters parameters = PolicyParameters.parse("p", "codes.unexplained = O, N\ncodes.absentDay=C1, I ,G\n");
        assertThat(parameters.codes("codes.unexplained")).containsExactly("N", "O");
        assertThat(parameters.codes("codes.absentDay")).containsExactly("C1", "G", "I");
        assertThat(parameters.codeSetErrors()).isEmpty();
    }

    @Test
    void aCodeSetNamingSomethingElseFailsToLoadNamingTheParameter() {
        PolicyParameters parameters = PolicyParameters.parse("p", "codes.holiday=G, H2\nthreshold=10\n");
        assertThat(parameters.codeSetErrors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("codes.holiday", "'H2'"))
                .satisfies(error -> assertThat(error.file()).isEqualTo("parameters.properties"));
        assertThatThrownBy(() -> parameters.codes("codes.holiday")).hasMessageContaining("not an attendance code");
    }

    @Test
    void aListIsTrimmedNames() {
        assertThat(PolicyParameters.parse("p", "letters = STAGE_2, FORMAL_WARNING ,").list("letters"))
                .containsExactly("STAGE_2", "FORMAL_WARNING");
    }
}

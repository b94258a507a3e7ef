package uk.attendance.pupil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Year groups as MIS systems send them, and as a lead reads them on the pages. */
class YearGroupTest {

    @Test
    void nurseryAndReceptionReadAsWordsOtherYearsAsNumbers() {
        assertThat(YearGroup.label(-1)).isEqualTo("Nursery");
        assertThat(YearGroup.label(0)).isEqualTo("Reception");
        assertThat(YearGroup.label(7)).isEqualTo("Year 7");
    }

    @Test
    void lettersAndNumbersAreParsedAndAnythingElseRefused() {
        assertThat(YearGroup.parse("N")).contains(-1);
        assertThat(YearGroup.parse("reception")).contains(0);
        assertThat(YearGroup.parse("Y10")).contains(10);
        assertThat(YearGroup.parse(14)).contains(14);
        assertThat(YearGroup.parse(15)).isEmpty();
        assertThat(YearGroup.parse(-2)).isEmpty();
        assertThat(YearGroup.parse("7.5")).isEmpty();
    }

    @Test
    void parsingDoesNotDependOnTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        try {
            // Without Locale.ROOT, "reception" upper-cases to "RECEPTİON" (dotted capital I) in Turkish.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(YearGroup.parse("reception")).contains(0);
        } finally {
            Locale.setDefault(before);
        }
    }
}

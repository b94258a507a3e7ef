package uk.attendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;

/** The nightly post's body as an MIS sends it, read into rows without the service running. */
class MarkBodyReaderTest {

    private static final String UPN_1 = "A123456789012";
    private static final String UPN_2 = "B123456789012";
    private static final LocalDate TODAY = LocalDate.of(2025, 12, 1);

    private static MarkBatchValidator validator() {
        return new MarkBatchValidator(Map.of(UPN_1, 1L, UPN_2, 2L), TODAY, false);
    }

    private static MarkBatchValidator csv(String body) {
        MarkBatchValidator validator = validator();
        MarkBodyReader.readCsv(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), validator);
        return validator;
    }

    @Test
    void aQuotedFieldMayHoldALineBreakACommaAndADoubledQuote() {
        // A spreadsheet export quotes every field; the stray note column holds a line break, a comma and a quote.
        MarkBatchValidator read = csv("\"upn\",\"date\",\"session\",\"code\",\"note\"\r\n"
                + "\"" + UPN_1 + "\",\"2025-09-10\",\"AM\",\"/\",\"left early,\r\nsaid \"\"dentist\"\"\"\r\n"
                + "\"" + UPN_1 + "\",\"2025-09-10\",\"PM\",\"M\",\"\"\r\n");

        assertThat(read.rows()).isEqualTo(2);
        assertThat(read.errors()).isEmpty();
        assertThat(read.batch().code(1)).isEqualTo(AttendanceCode.fromMark("M", false).orElseThrow());
    }

    @Test
    void columnsMayComeInAnyOrderAndCaseAfterAByteOrderMarkAndBlankLinesAreSkipped() {
        MarkBatchValidator read = csv("\uFEFFCode,Session,UPN,Date\n\n/,AM," + UPN_2 + ",2025-09-10\n   \n");

        assertThat(read.rows()).isEqualTo(1);
        assertThat(read.errors()).isEmpty();
        assertThat(read.batch().pupilId(0)).isEqualTo(2L);
        assertThat(read.batch().date(0)).isEqualTo(LocalDate.of(2025, 9, 10));
    }

    @Test
    void rowsAreCountedFromTheFirstAfterTheHeaderSoAnErrorNamesTheRowTheMisSent() {
        MarkBatchValidator read = csv("upn,date,session,code\n" + UPN_1 + ",2025-09-10,AM,/\n" + UPN_1 + ",2025-09-10,PM,Q9\n");

        assertThat(read.errors()).containsExactly(FieldError.atRow(1, "code", "unknown attendance code 'Q9'"));
    }

    @Test
    void aHeaderWithoutTheCodeColumnIsRefusedNamingIt() {
        assertThatThrownBy(() -> csv("upn,date,session\n" + UPN_1 + ",2025-09-10,AM\n"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("'code' is missing");
    }

    @Test
    void anUnterminatedQuoteIsAClearErrorNotAServerFault() {
        assertThatThrownBy(() -> csv("upn,date,session,code\n\"" + UPN_1 + ",2025-09-10,AM,/\n"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("The CSV body is malformed");
    }

    @Test
    void anEmptyBodyAsksForTheHeader() {
        assertThatThrownBy(() -> csv("")).isInstanceOf(ProblemException.class).hasMessageContaining("needs the header");
    }

    @Test
    void jsonMarksAreReadInOrderAndUnknownFieldsIgnored() {
        MarkBatchValidator validator = validator();
        String json = "{\"source\":\"SIMS nightly\",\"extra\":{\"a\":[1]},\"marks\":["
                + "{\"upn\":\"" + UPN_1 + "\",\"date\":\"2025-09-10\",\"session\":\"AM\",\"code\":\"/\",\"teacher\":\"x\"},"
                + "{\"upn\":\"" + UPN_2 + "\",\"date\":\"2025-09-10\",\"session\":\"PM\",\"code\":\"N\"}]}";

        String source = MarkBodyReader.readJson(new JsonFactory(), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), validator);

        assertThat(source).isEqualTo("SIMS nightly");
        assertThat(validator.rows()).isEqualTo(2);
        assertThat(validator.batch().pupilId(1)).isEqualTo(2L);
    }

    @Test
    void jsonWithoutAMarksArrayIsRefused() {
        assertThatThrownBy(() -> MarkBodyReader.readJson(new JsonFactory(),
                new ByteArrayInputStream("{\"source\":\"x\"}".getBytes(StandardCharsets.UTF_8)), validator()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("no 'marks' array");
    }
}

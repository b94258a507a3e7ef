package uk.attendance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.pupil.Upn;

class DemoExportTest {

    @Test
    void writesTheRollAndAWholeYearOfMarksAsAnMisWouldPostThem(@TempDir Path dir) throws IOException {
        DemoExport.main(new String[] {dir.toString(), "export-test", "20", "2024", "7", "SECONDARY"});

        JsonNode pupils = new ObjectMapper().readTree(dir.resolve(DemoExport.PUPILS_FILE).toFile());
        assertThat(pupils.isArray()).isTrue();
        assertThat(pupils).hasSize(20).allSatisfy(pupil -> {
            assertThat(Upn.isValid(pupil.get("upn").asText())).isTrue();
            assertThat(pupil.get("givenName").asText()).isNotBlank();
            assertThat(pupil.get("familyName").asText()).isNotBlank();
            assertThat(pupil.get("dateOfBirth").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(pupil.get("yearGroup").asInt()).isBetween(7, 11);
            assertThat(pupil.get("characteristics").isArray()).isTrue();
            assertThat(pupil.get("parents")).isNotEmpty().allSatisfy(parent -> {
                assertThat(parent.get("parentId").asText()).isNotBlank();
                assertThat(parent.get("name").asText()).isNotBlank();
            });
        });

        List<String> lines = Files.readAllLines(dir.resolve(DemoExport.MARKS_FILE), StandardCharsets.UTF_8);
        int schoolDays = DemoSchoolGenerator.academicYearSchoolDays(2024).size();
        assertThat(lines.get(0)).isEqualTo("upn,date,session,code");
        assertThat(lines).hasSize(1 + 20 * 2 * schoolDays);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
            String[] fields = line.split(",", -1);
            assertThat(fields).hasSize(4);
            assertThat(Upn.isValid(fields[0])).isTrue();
            assertThat(fields[2]).isIn("AM", "PM");
            assertThat(AttendanceCode.fromMark(fields[3], false)).isPresent();
        });
    }
}

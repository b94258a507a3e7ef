package uk.attendance.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;

/**
 * St Clare's half-termly class list (7.21–7.22) and the trust template's weekly spreadsheet (Appendix 1 step 1), read
 * back from the PDF and the XLSX. Three half terms of marks: 1 Sept–17 Oct, 27 Oct–12 Dec, and the first week of January.
 */
@QuarkusTest
class AttendanceListsTest {

    private static final LocalDate HT1_START = LocalDate.of(2025, 9, 1);
    private static final LocalDate HT1_END = LocalDate.of(2025, 10, 17);
    private static final LocalDate HT2_START = LocalDate.of(2025, 10, 27);
    private static final LocalDate HT2_END = LocalDate.of(2025, 12, 12);
    private static final LocalDate HT3_START = LocalDate.of(2026, 1, 5);
    private static final LocalDate HT3_END = LocalDate.of(2026, 1, 9);

    private static String school;

    /** Days of the week the pupil misses in each half term (none: every day present). */
    private record Pupil(int serial, String given, String family, String group, Set<DayOfWeek> offFirst, Set<DayOfWeek> offSecond) {
    }

    private static final List<Pupil> PUPILS = List.of(
            new Pupil(601, "Ava", "Stone", "3A", Set.of(), Set.of()),
            new Pupil(602, "Ben", "Stone", "3A", Set.of(), Set.of(DayOfWeek.MONDAY)),
            new Pupil(603, "Cal", "Stone", "3A", Set.of(DayOfWeek.MONDAY), Set.of()),
            new Pupil(604, "Dee", "Stone", "3B", Set.of(), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY)));

    @BeforeEach
    void threeHalfTerms() {
        if (school != null) {
            return;
        }
        school = TestData.school("st-clares");
        List<Map<String, Object>> roll = new ArrayList<>();
        StringBuilder csv = new StringBuilder("upn,date,session,code\n");
        for (Pupil p : PUPILS) {
            Map<String, Object> row = new HashMap<>(TestData.pupil(TestData.upn(p.serial()), "2018-02-03", 3));
            row.put("givenName", p.given());
            row.put("familyName", p.family());
            row.put("registrationGroup", p.group());
            roll.add(row);
            marks(csv, TestData.upn(p.serial()), HT1_START, HT1_END, p.offFirst());
            marks(csv, TestData.upn(p.serial()), HT2_START, HT2_END, p.offSecond());
            marks(csv, TestData.upn(p.serial()), HT3_START, HT3_END, Set.of());
        }
        given().contentType(ContentType.JSON).body(roll).put("/api/schools/{id}/pupils", school).then().statusCode(200);
        given().contentType("text/csv").body(csv.toString()).post("/api/schools/{id}/attendance", school).then().statusCode(200);
    }

    private static void marks(StringBuilder csv, String upn, LocalDate from, LocalDate to, Set<DayOfWeek> off) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                String code = off.contains(d.getDayOfWeek()) ? "I" : "/";
                csv.append(upn).append(',').append(d).append(",AM,").append(code).append('\n');
                csv.append(upn).append(',').append(d).append(",PM,").append(code).append('\n');
            }
        }
    }

    private static byte[] get(String path, Map<String, String> query, String type) {
        Response response = given().queryParams(query).get("/api/schools/{id}/lists/" + path, school);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(type);
        return response.asByteArray();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<List<String>> rows(Sheet sheet) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet.read()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getCellCount(); c++) {
                cells.add(row.getCellText(c));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void theClassListRanksEachFormByLastHalfTermWithArrowsAgainstTheOneBefore() throws IOException {
        byte[] xlsx = get("class-list.xlsx", Map.of("asOf", HT3_END.toString()), ListResource.XLSX);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("3A", "3B");
            List<List<String>> form = rows(sheets.get(0));
            assertThat(form.get(0)).startsWith("Pupil", "UPN", "Attendance %", "Change");
            assertThat(form.subList(1, 4)).extracting(r -> r.get(0)).containsExactly("Ava Stone", "Cal Stone", "Ben Stone");
            assertThat(new BigDecimal(form.get(3).get(2))).isEqualByComparingTo("80.0");
            assertThat(form.get(1).get(3)).isEqualTo("→ same");
            assertThat(form.get(2).get(3)).isEqualTo("↑ improved");
            assertThat(form.get(3).get(3)).isEqualTo("↓ worse");
            assertThat(new BigDecimal(form.get(2).get(4))).isEqualByComparingTo("80.0");
            assertThat(form.get(1).get(5)).startsWith("GREEN");
            assertThat(form.get(3).get(5)).startsWith("RED");
        }
        String styles = entry(xlsx, "xl/styles.xml");
        assertThat(styles).contains(BandColour.GREEN.hex()).contains(BandColour.RED.hex());

        String text = pdfText(get("class-list.pdf", Map.of("asOf", HT3_END.toString(), "registrationGroup", "3A"), ListResource.PDF));
        assertThat(text).contains("3A").doesNotContain("Dee Stone");
        assertThat(text.indexOf("Ava Stone")).isLessThan(text.indexOf("Cal Stone"));
        assertThat(text.indexOf("Cal Stone")).isLessThan(text.indexOf("Ben Stone"));
        assertThat(text).contains("improved").contains("worse");
    }

    @Test
    void theWeeklySummaryGivesEachPupilsWeekAndYearToDateByYearGroupAndForm() throws IOException {
        byte[] xlsx = get("weekly-summary.xlsx", Map.of("weekOf", "2025-12-10"), ListResource.XLSX);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            List<List<String>> pupils = rows(sheets.get(0));
            List<String> ben = pupils.stream().filter(r -> r.get(2).equals("Ben Stone")).findFirst().orElseThrow();
            assertThat(ben.subList(0, 2)).containsExactly("Year 3", "3A");
            assertThat(new BigDecimal(ben.get(4))).isEqualByComparingTo("80.0");
            assertThat(ben.subList(5, 7)).containsExactly("8", "10");
            // 7 weeks present, then 7 weeks missing every Monday: 126 of 140 sessions.
            assertThat(new BigDecimal(ben.get(7))).isEqualByComparingTo("90.0");
            List<List<String>> forms = rows(sheets.get(1));
            assertThat(forms).extracting(r -> r.get(1)).contains("3A", "3B");
            List<String> threeB = forms.stream().filter(r -> r.get(1).equals("3B")).findFirst().orElseThrow();
            assertThat(new BigDecimal(threeB.get(3))).isEqualByComparingTo("60.0");
        }
        String text = pdfText(get("weekly-summary.pdf", Map.of("weekOf", "2025-12-10"), ListResource.PDF));
        assertThat(text).contains("Year 3, 3A").contains("Year 3, 3B").contains("8 of 10").contains("8 December 2025");
    }

    @Test
    void aBadDateIsNamed() {
        given().queryParam("weekOf", "2025-13-01").get("/api/schools/{id}/lists/weekly-summary.pdf", school).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("weekOf"));
    }

    /** A part of the workbook: an XLSX is a zip, read from a file as its entries' sizes follow their data. */
    private static String entry(byte[] zip, String name) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("class-list", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (ZipFile workbook = new ZipFile(file.toFile())) {
                ZipEntry entry = workbook.getEntry(name);
                assertThat(entry).as(name).isNotNull();
                return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}

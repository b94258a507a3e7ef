package uk.attendance.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The lists as printable PDF (one form or year group a page) and as spreadsheets (one sheet per form, or one sheet). */
final class ListFiles {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String STYLE = """
            @page { size: A4; margin: 14mm 12mm; }
            body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #000; }
            h1 { font-size: 14pt; margin: 0 0 2pt 0; }
            h2 { font-size: 12pt; margin: 10pt 0 4pt 0; }
            p.meta { margin: 0 0 6pt 0; color: #333; }
            section.group + section.group { page-break-before: always; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #888; padding: 2pt 4pt; text-align: left; }
            td.number, th.number { text-align: right; }
            tr.total td { font-weight: bold; }
            """;

    private ListFiles() {
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String percent(BigDecimal percent) {
        return percent == null ? "–" : percent.toPlainString() + "%";
    }

    static byte[] classListPdf(AttendanceLists.ClassList list) {
        Document document = HtmlPdf.document("Class list: " + list.schoolName(), STYLE);
        for (AttendanceLists.ClassGroup group : list.groups()) {
            Element section = document.body().appendElement("section").addClass("group");
            section.appendElement("h1").text(list.schoolName() + ": " + group.registrationGroup());
            section.appendElement("p").addClass("meta").text("Attendance " + date(list.from()) + " to " + date(list.to())
                    + (list.previousFrom() == null ? "" : ", compared with " + date(list.previousFrom()) + " to " + date(list.previousTo()))
                    + ". Highest attendance first.");
            Element table = section.appendElement("table");
            Element head = table.appendElement("thead").appendElement("tr");
            for (String column : new String[] {"Pupil", "Attendance", "Change", "Half term before", "Band"}) {
                head.appendElement("th").attr("scope", "col").text(column);
            }
            Element body = table.appendElement("tbody");
            for (AttendanceLists.ClassRow row : group.pupils()) {
                Element tr = body.appendElement("tr");
                if (row.colour() != null) {
                    tr.attr("style", "background-color: #" + row.colour().hex());
                }
                tr.appendElement("td").text(row.name());
                tr.appendElement("td").addClass("number").text(percent(row.percent()));
                tr.appendElement("td").text((row.trend().arrow() + " " + row.trend().words()).trim());
                tr.appendElement("td").addClass("number").text(percent(row.previousPercent()));
                tr.appendElement("td").text(row.band() == null ? "" : row.band());
            }
        }
        return HtmlPdf.render(document);
    }

    static byte[] weeklyPdf(AttendanceLists.WeeklySummary summary) {
        Document document = HtmlPdf.document("Weekly attendance: " + summary.schoolName(), STYLE);
        Element intro = document.body().appendElement("div");
        intro.appendElement("h1").text(summary.schoolName() + ": weekly attendance");
        intro.appendElement("p").addClass("meta").text("Week of " + date(summary.weekFrom()) + " to " + date(summary.weekTo())
                + "; year to date from " + date(summary.yearFrom()) + ". Whole school: week " + percent(summary.weekPercent())
                + ", year to date " + percent(summary.yearPercent()) + ".");
        for (AttendanceLists.WeekGroup group : summary.groups()) {
            Element section = document.body().appendElement("section").addClass("group");
            section.appendElement("h2").text(yearGroup(group.yearGroup()) + ", " + group.registrationGroup());
            Element table = section.appendElement("table");
            Element head = table.appendElement("thead").appendElement("tr");
            head.appendElement("th").attr("scope", "col").text("Pupil");
            head.appendElement("th").attr("scope", "col").text("UPN");
            head.appendElement("th").attr("scope", "col").addClass("number").text("Week");
            head.appendElement("th").attr("scope", "col").addClass("number").text("Sessions this week");
            head.appendElement("th").attr("scope", "col").addClass("number").text("Year to date");
            head.appendElement("th").attr("scope", "col").text("Persistently absent");
            Element body = table.appendElement("tbody");
            for (AttendanceLists.WeekRow row : group.pupils()) {
                Element tr = body.appendElement("tr");
                tr.appendElement("td").text(row.name());
                tr.appendElement("td").text(row.upn());
                tr.appendElement("td").addClass("number").text(percent(row.weekPercent()));
                tr.appendElement("td").addClass("number").text(row.weekAttended() + " of " + row.weekPossible());
                tr.appendElement("td").addClass("number").text(percent(row.yearPercent()));
                tr.appendElement("td").text(row.persistentlyAbsent() ? "Yes" : "");
            }
            Element total = body.appendElement("tr").addClass("total");
            total.appendElement("td").attr("colspan", "2").text("All of " + group.registrationGroup());
            total.appendElement("td").addClass("number").text(percent(group.weekPercent()));
            total.appendElement("td");
            total.appendElement("td").addClass("number").text(percent(group.yearPercent()));
            total.appendElement("td");
        }
        return HtmlPdf.render(document);
    }

    static byte[] classListXlsx(AttendanceLists.ClassList list) {
        return workbook(workbook -> {
            for (AttendanceLists.ClassGroup group : list.groups()) {
                Worksheet sheet = workbook.newWorksheet(sheetName(group.registrationGroup()));
                String[] columns = {"Pupil", "UPN", "Attendance %", "Change", "Half term before %", "Band"};
                header(sheet, columns);
                int r = 1;
                for (AttendanceLists.ClassRow row : group.pupils()) {
                    sheet.value(r, 0, row.name());
                    sheet.value(r, 1, row.upn());
                    number(sheet, r, 2, row.percent());
                    sheet.value(r, 3, (row.trend().arrow() + " " + row.trend().words()).trim());
                    number(sheet, r, 4, row.previousPercent());
                    sheet.value(r, 5, row.band() == null ? "" : row.band());
                    if (row.colour() != null) {
                        sheet.range(r, 0, r, columns.length - 1).style().fillColor(row.colour().hex()).set();
                    }
                    r++;
                }
                sheet.value(r + 1, 0, "Attendance " + date(list.from()) + " to " + date(list.to()));
                sheet.width(0, 28);
                sheet.width(5, 30);
            }
        });
    }

    static byte[] weeklyXlsx(AttendanceLists.WeeklySummary summary) {
        return workbook(workbook -> {
            Worksheet sheet = workbook.newWorksheet("Weekly attendance");
            header(sheet, new String[] {"Year group", "Form", "Pupil", "UPN", "Week %", "Week sessions attended", "Week sessions possible",
                    "Year to date %", "Persistently absent"});
            int r = 1;
            for (AttendanceLists.WeekGroup group : summary.groups()) {
                for (AttendanceLists.WeekRow row : group.pupils()) {
                    sheet.value(r, 0, yearGroup(row.yearGroup()));
                    sheet.value(r, 1, group.registrationGroup());
                    sheet.value(r, 2, row.name());
                    sheet.value(r, 3, row.upn());
                    number(sheet, r, 4, row.weekPercent());
                    sheet.value(r, 5, row.weekAttended());
                    sheet.value(r, 6, row.weekPossible());
                    number(sheet, r, 7, row.yearPercent());
                    sheet.value(r, 8, row.persistentlyAbsent() ? "Yes" : "No");
                    r++;
                }
            }
            sheet.value(r + 1, 0, "Week of " + date(summary.weekFrom()) + " to " + date(summary.weekTo()));
            Worksheet groups = workbook.newWorksheet("By form");
            header(groups, new String[] {"Year group", "Form", "Pupils", "Week %", "Year to date %"});
            int g = 1;
            for (AttendanceLists.WeekGroup group : summary.groups()) {
                groups.value(g, 0, yearGroup(group.yearGroup()));
                groups.value(g, 1, group.registrationGroup());
                groups.value(g, 2, group.pupils().size());
                number(groups, g, 3, group.weekPercent());
                number(groups, g, 4, group.yearPercent());
                g++;
            }
            groups.value(g, 0, "Whole school");
            number(groups, g, 3, summary.weekPercent());
            number(groups, g, 4, summary.yearPercent());
        });
    }

    private static String yearGroup(int yearGroup) {
        return yearGroup == 0 ? "Reception" : yearGroup < 0 ? "Nursery" : "Year " + yearGroup;
    }

    /** Sheet names are at most 31 characters and cannot hold []:*?/\ . */
    private static String sheetName(String group) {
        String name = group.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private static void header(Worksheet sheet, String[] columns) {
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c]);
        }
        sheet.range(0, 0, 0, columns.length - 1).style().bold().set();
    }

    private static void number(Worksheet sheet, int r, int c, BigDecimal value) {
        if (value != null) {
            sheet.value(r, c, value);
        }
    }

    private interface Filler {
        void fill(Workbook workbook) throws IOException;
    }

    private static byte[] workbook(Filler filler) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook workbook = new Workbook(out, "Attendance review", "1.0");
            filler.fill(workbook);
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

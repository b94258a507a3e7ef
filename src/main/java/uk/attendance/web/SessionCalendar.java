package uk.attendance.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.CodeCategory;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.Session;

/**
 * A pupil's register as a calendar: a month at a time, a row a week, Monday to Friday, each day split into
 * its AM and PM sessions and coloured by what the code counts as. Weekend marks are rare but real (a trip),
 * so a week shows Saturday and Sunday only when one of them has a mark.
 */
public record SessionCalendar(List<Month> months) {

    public record Month(String name, boolean weekend, List<List<Day>> weeks) {
    }

    /** A date cell; {@code inMonth} is false for the days of the first and last week outside the month. */
    public record Day(LocalDate date, int dayOfMonth, boolean inMonth, Cell am, Cell pm) {

        public String label() {
            return LABEL.format(date);
        }
    }

    /** One session: its code, what it counts as and whether the mark was amended; null when there is no mark. */
    public record Cell(String code, String category, String meaning, boolean amended) {

        public String describe() {
            return code + " — " + meaning + (amended ? " (amended)" : "");
        }
    }

    /** A code shown in the calendar and what it means: the key below it, so no meaning is only in a tooltip. */
    public record CodeMeaning(String code, String meaning) {
    }

    /** Every code the calendar shows, once each, in the order of the national code list. */
    public List<CodeMeaning> codesShown() {
        Set<String> shown = new HashSet<>();
        months.forEach(month -> month.weeks().forEach(week -> week.forEach(day -> {
            if (day.inMonth()) {
                Stream.of(day.am(), day.pm()).filter(Objects::nonNull).forEach(cell -> shown.add(cell.code()));
            }
        })));
        return Arrays.stream(AttendanceCode.values()).filter(code -> shown.contains(code.mark()))
                .map(code -> new CodeMeaning(code.mark(), code.meaning())).toList();
    }

    /** One register entry for the calendar. */
    public record Entry(LocalDate date, Session session, AttendanceCode code, boolean amended) {
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    /** The months from {@code from} to {@code to}, both inclusive, with every entry in that range. */
    public static SessionCalendar of(List<Entry> entries, LocalDate from, LocalDate to) {
        Map<LocalDate, Cell[]> byDate = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.date().isBefore(from) || entry.date().isAfter(to)) {
                continue;
            }
            AttendanceCode code = entry.code();
            byDate.computeIfAbsent(entry.date(), d -> new Cell[2])[entry.session().ordinal()] =
                    new Cell(code.mark(), cssClass(code.category()), code.meaning(), entry.amended());
        }
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            months.add(month(month, byDate));
        }
        return new SessionCalendar(months);
    }

    private static Month month(YearMonth month, Map<LocalDate, Cell[]> byDate) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        boolean weekend = first.datesUntil(last.plusDays(1)).anyMatch(d -> isWeekend(d) && byDate.containsKey(d));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate monday = SchoolCalendar.mondayOf(first); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Day> week = new ArrayList<>(7);
            for (int i = 0; i < (weekend ? 7 : 5); i++) {
                LocalDate date = monday.plusDays(i);
                Cell[] cells = byDate.getOrDefault(date, new Cell[2]);
                week.add(new Day(date, date.getDayOfMonth(), YearMonth.from(date).equals(month), cells[0], cells[1]));
            }
            if (week.stream().anyMatch(Day::inMonth)) {
                weeks.add(week);
            }
        }
        return new Month(MONTH.format(first), weekend, weeks);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The CSS class (and legend key) for a category. */
    static String cssClass(CodeCategory category) {
        return switch (category) {
            case PRESENT -> "present";
            case APPROVED_ACTIVITY -> "approved";
            case AUTHORISED_ABSENCE -> "authorised";
            case UNAUTHORISED_ABSENCE -> "unauthorised";
            case NOT_POSSIBLE -> "not-possible";
        };
    }
}

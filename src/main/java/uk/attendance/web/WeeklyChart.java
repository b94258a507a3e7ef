package uk.attendance.web;

import io.quarkus.qute.TemplateData;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.attendance.attendance.PeriodAttendance;

/**
 * A bar chart of weekly attendance, laid out for an inline SVG: one bar a school week, a dashed line at the
 * persistent-absence boundary (90%), and the same figures as rows for a table, so the page needs no script
 * and a screen reader gets the numbers.
 */
@TemplateData
public record WeeklyChart(List<Bar> bars, List<Gridline> gridlines, double referenceY, List<Row> rows) {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 250;
    static final double LEFT = 44;
    static final double RIGHT = 8;
    static final double TOP = 10;
    static final double BOTTOM = 36;
    static final double REFERENCE_PERCENT = PeriodAttendance.PERSISTENT_ABSENCE_LINE;
    private static final int MAX_X_LABELS = 6;
    private static final double MIN_BAR = 2;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** {@code label} is null where the axis has no room for it. */
    @TemplateData
    public record Bar(String x, String y, String width, String height, String label, String labelX, String tooltip,
            boolean belowReference) {
    }

    @TemplateData
    public record Gridline(String y, String label) {
    }

    @TemplateData
    public record Row(String weekCommencing, String percent, int attendedSessions, int possibleSessions) {
    }

    public static WeeklyChart of(List<WeeklyAttendance.Week> weeks) {
        double floor = floor(weeks);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double slot = weeks.isEmpty() ? plotWidth : plotWidth / weeks.size();
        int labelEvery = Math.max(1, (int) Math.ceil(weeks.size() / (double) MAX_X_LABELS));
        List<Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            WeeklyAttendance.Week week = weeks.get(i);
            double percent = week.percent();
            // A week with no attendance at all still gets a sliver, so it reads as a bar at zero, not a gap.
            double top = Math.min(y(percent, floor), y(floor, floor) - MIN_BAR);
            double x = LEFT + i * slot + slot * 0.15;
            String percentText = percent(percent);
            bars.add(new Bar(n(x), n(top), n(slot * 0.7), n(y(floor, floor) - top),
                    i % labelEvery == 0 ? SHORT.format(week.monday()) : null, n(x + slot * 0.35),
                    "Week commencing " + LONG.format(week.monday()) + ": " + percentText,
                    percent < REFERENCE_PERCENT));
            rows.add(new Row(LONG.format(week.monday()), percentText, week.attendedSessions(), week.possibleSessions()));
        }
        List<Gridline> gridlines = new ArrayList<>();
        double step = 100 - floor > 40 ? 20 : 5;
        for (double p = floor; p <= 100; p += step) {
            gridlines.add(new Gridline(n(y(p, floor)), (int) p + "%"));
        }
        return new WeeklyChart(bars, gridlines, y(REFERENCE_PERCENT, floor), rows);
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public String plotLeft() {
        return n(LEFT);
    }

    public String plotRight() {
        return n(WIDTH - RIGHT);
    }

    /** The persistent-absence line the chart draws, as the caption names it. */
    public int referencePercent() {
        return PeriodAttendance.PERSISTENT_ABSENCE_LINE;
    }

    public String referenceLineY() {
        return n(referenceY);
    }

    public String axisLabelY() {
        return n(HEIGHT - 8);
    }

    /**
     * The bottom of the scale: 80% unless a week falls to it or lower, then the multiple of 20 below the lowest
     * week, so every bar has height. Attendance mostly sits between 85 and 100%, where a scale from 0 would
     * flatten every difference that matters.
     */
    static double floor(List<WeeklyAttendance.Week> weeks) {
        double lowest = weeks.stream().mapToDouble(WeeklyAttendance.Week::percent).min().orElse(100);
        return lowest > 80 ? 80 : Math.max(0, Math.ceil(lowest / 20) * 20 - 20);
    }

    private static double y(double percent, double floor) {
        double plotHeight = HEIGHT - TOP - BOTTOM;
        return TOP + (100 - percent) / (100 - floor) * plotHeight;
    }

    static String percent(double percent) {
        return String.format(Locale.UK, "%.1f%%", percent);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

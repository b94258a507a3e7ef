package uk.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.attendance.web.WeeklyAttendance.Week;

class WeeklyChartTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    @Test
    void aBarPerWeekTallerForBetterAttendanceAndFlaggedBelowNinetyPercent() {
        WeeklyChart chart = WeeklyChart.of(List.of(new Week(MONDAY, 100, 96), new Week(MONDAY.plusWeeks(1), 100, 85)));

        assertThat(chart.bars()).hasSize(2);
        WeeklyChart.Bar good = chart.bars().get(0);
        WeeklyChart.Bar poor = chart.bars().get(1);
        assertThat(Double.parseDouble(good.height())).isGreaterThan(Double.parseDouble(poor.height()));
        assertThat(good.belowReference()).isFalse();
        assertThat(poor.belowReference()).isTrue();
        assertThat(poor.tooltip()).isEqualTo("Week commencing 15 September 2025: 85.0%");
        assertThat(chart.rows()).extracting(WeeklyChart.Row::percent).containsExactly("96.0%", "85.0%");
    }

    @Test
    void theScaleStartsAtEightyPercentUnlessAWeekIsAsLowAndEveryBarHasHeight() {
        assertThat(WeeklyChart.floor(List.of(new Week(MONDAY, 10, 9)))).isEqualTo(80);
        assertThat(WeeklyChart.floor(List.of(new Week(MONDAY, 10, 8)))).isEqualTo(60);
        assertThat(WeeklyChart.floor(List.of(new Week(MONDAY, 100, 65)))).isEqualTo(60);
        assertThat(WeeklyChart.floor(List.of(new Week(MONDAY, 10, 6)))).isEqualTo(40);
        assertThat(WeeklyChart.floor(List.of(new Week(MONDAY, 10, 0)))).isEqualTo(0);
        WeeklyChart lowWeeks = WeeklyChart.of(List.of(new Week(MONDAY, 10, 6), new Week(MONDAY.plusWeeks(1), 10, 0)));
        assertThat(lowWeeks.bars()).allSatisfy(bar -> assertThat(Double.parseDouble(bar.height())).isPositive());

        WeeklyChart chart = WeeklyChart.of(List.of(new Week(MONDAY, 10, 9)));
        assertThat(chart.gridlines()).extracting(WeeklyChart.Gridline::label).containsExactly("80%", "85%", "90%", "95%", "100%");
    }

    @Test
    void aFullYearLabelsOnlySomeWeeksSoTheAxisStaysReadable() {
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            weeks.add(new Week(MONDAY.plusWeeks(i), 10, 9));
        }

        WeeklyChart chart = WeeklyChart.of(weeks);

        assertThat(chart.bars()).hasSize(39);
        assertThat(chart.bars().stream().filter(b -> b.label() != null).count()).isBetween(4L, 6L);
        assertThat(chart.bars().get(0).label()).isEqualTo("8 Sept");
        double lastRight = Double.parseDouble(chart.bars().get(38).x()) + Double.parseDouble(chart.bars().get(38).width());
        assertThat(lastRight).isLessThanOrEqualTo(WeeklyChart.WIDTH - WeeklyChart.RIGHT);
    }

    @Test
    void noWeeksIsAnEmptyChart() {
        assertThat(WeeklyChart.of(List.of()).empty()).isTrue();
    }
}

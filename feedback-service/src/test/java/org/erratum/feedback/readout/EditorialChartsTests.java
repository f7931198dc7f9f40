package org.erratum.feedback.readout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.erratum.events.ArticleChanged.Significance;
import org.erratum.feedback.article.ArticleHistory.PublishedRevision;
import org.erratum.feedback.readout.TrendChart.WeekVotes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The charts' geometry: what the SVG draws must stand for the figures, at the scale its axis claims. */
class EditorialChartsTests {

    private static final List<BarChart.Series> TWO = List.of(new BarChart.Series("Inaccurate", "#0072b2"),
            new BarChart.Series("Other", "#cc79a7"));

    @Test
    void aStackedBarIsAsLongAsItsSumAndEachPartAsItsShareAtTheAxisScale() {
        BarChart chart = BarChart.of("c", "t", "d", TWO, List.of(
                new BarChart.Input("First", List.of(2.0, 1.0), "3"),
                new BarChart.Input("Second", List.of(0.0, 1.0), "1")), 3, v -> Long.toString((long) v), v -> "" + v);

        List<BarChart.Segment> first = chart.rows().get(0).segments();
        assertThat(Double.parseDouble(first.get(0).width())).isCloseTo(BarChart.PLOT_WIDTH * 2 / 3.0, within(0.1));
        assertThat(Double.parseDouble(first.get(1).width())).isCloseTo(BarChart.PLOT_WIDTH / 3.0, within(0.1));
        assertThat(Double.parseDouble(first.get(1).x())).isCloseTo(BarChart.PLOT_LEFT + BarChart.PLOT_WIDTH * 2 / 3.0,
                within(0.1));
        assertThat(chart.rows().get(1).segments()).singleElement()
                .satisfies(only -> assertThat(only.tooltip()).isEqualTo("Second — Other: 1.0"));
        assertThat(chart.rows()).extracting(BarChart.Row::total).containsExactly("3", "1");
    }

    @Test
    void anAxisLeavesOutATickItsLabelCannotWrite() {
        BarChart chart = BarChart.of("c", "t", "d", TWO, List.of(new BarChart.Input("Only", List.of(3.0, 0.0), "3")),
                3, v -> v == Math.rint(v) ? Long.toString((long) v) : null, v -> "" + v);

        assertThat(chart.ticks()).extracting(BarChart.Tick::label).containsExactly("0", "3");
    }

    @Test
    void aLongTitleIsShortenedInTheChartOnly() {
        String title = "Paracetamol for adults: how much to take, how often, and when to get help";
        BarChart chart = BarChart.of("c", "t", "d", TWO, List.of(new BarChart.Input(title, List.of(1.0, 0.0), "1")),
                1, v -> "", v -> "" + v);

        assertThat(chart.rows().get(0).label()).hasSizeLessThanOrEqualTo(36).endsWith("…");
        assertThat(chart.rows().get(0).segments().get(0).tooltip()).startsWith(title);
    }

    @Test
    void theShareLineBreaksAtAWeekWithoutVotesAndARevisionIsMarkedWhereItFallsInItsWeek() {
        LocalDate monday = LocalDate.parse("2026-11-02");
        List<WeekVotes> weeks = List.of(new WeekVotes(monday, 1, 3), new WeekVotes(monday.plusWeeks(1), 0, 0),
                new WeekVotes(monday.plusWeeks(2), 3, 1), new WeekVotes(monday.plusWeeks(3), 4, 0));
        // half way through the second week
        Instant revised = Instant.parse("2026-11-12T12:00:00Z");

        TrendChart chart = TrendChart.of("t", "title", "desc", weeks, List.of(
                new PublishedRevision(1, Instant.parse("2026-01-01T00:00:00Z"), "First published", Significance.MAJOR),
                new PublishedRevision(2, revised, "Corrected the dose", Significance.MAJOR)));

        assertThat(chart.lines()).hasSize(2);
        assertThat(chart.lines().get(0).split(" ")).hasSize(1);
        assertThat(chart.lines().get(1).split(" ")).hasSize(2);
        assertThat(chart.weeks()).extracting(TrendChart.Week::pointY)
                .containsExactly(y(25), null, y(75), y(100));
        double band = (TrendChart.RIGHT - TrendChart.LEFT) / 4.0;
        assertThat(chart.markers()).singleElement().satisfies(marker -> {
            assertThat(marker.label()).isEqualTo("r2");
            assertThat(Double.parseDouble(marker.x())).isCloseTo(TrendChart.LEFT + band * (1 + 3.5 / 7), within(0.1));
        });
        double panel = TrendChart.VOTES_BOTTOM - TrendChart.VOTES_TOP;
        assertThat(Double.parseDouble(chart.weeks().get(3).yesHeight())).isCloseTo(panel, within(0.1));
        assertThat(Double.parseDouble(chart.weeks().get(0).noHeight())).isCloseTo(panel * 3 / 4, within(0.1));
    }

    private static String y(int percent) {
        return Figures.coordinate(TrendChart.SHARE_BOTTOM
                - (TrendChart.SHARE_BOTTOM - TrendChart.SHARE_TOP) * percent / 100.0);
    }
}

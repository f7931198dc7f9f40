package org.erratum.feedback.readout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A horizontal bar chart for a page to draw as inline SVG: one row per article (or window), each bar stacked from
 * one or more series. Geometry is worked out here, so the template only places what it is given, and every figure
 * a bar shows is written out in the bar's tooltip and in the data table the page puts beside the chart.
 *
 * @param id     the chart's element id; its title and description are {@code id-title} and {@code id-desc}
 * @param height of the drawing, in the same units as {@link #WIDTH}
 */
record BarChart(String id, String title, String description, int height, List<Series> series, List<Row> rows,
        List<Tick> ticks, int plotTop, int plotBottom) {

    static final int WIDTH = 720;
    static final int LABEL_X = 4;
    static final int PLOT_LEFT = 262;
    static final int PLOT_WIDTH = 380;
    private static final int ROW = 28;
    private static final int BAR = 18;
    private static final int TOP = 8;
    private static final int AXIS = 30;
    private static final int LABEL_CHARACTERS = 36;

    /** A stack's part: what it counts and its colour, which the page's legend repeats with the name. */
    record Series(String name, String fill) {
    }

    /**
     * @param values one per series, in the order of the chart's series
     * @param total  what the row adds up to, as the table writes it
     */
    record Input(String label, List<Double> values, String total) {
    }

    /** @param y the top of the row's band; its label sits on the bar's middle */
    record Row(String label, String labelY, List<Segment> segments, String total, String totalX, String totalY) {
    }

    /** @param tooltip the row, the series and the value, for a pointer resting on the bar */
    record Segment(String x, String y, String width, String height, String fill, String tooltip) {
    }

    record Tick(String x, String label) {
    }

    /**
     * @param max       the value a full-length bar stands for; at least the largest row's sum
     * @param tickLabel how the axis writes 0, half the maximum and the maximum; null leaves a tick out (half of an
     *                  odd count)
     * @param valueText how a tooltip writes one segment's value
     */
    static BarChart of(String id, String title, String description, List<Series> series, List<Input> inputs,
            double max, DoubleFunction<String> tickLabel, DoubleFunction<String> valueText) {
        double scale = max <= 0 ? 0 : PLOT_WIDTH / max;
        List<Row> rows = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            double top = TOP + i * ROW;
            double barY = top + (ROW - BAR) / 2.0;
            double x = PLOT_LEFT;
            List<Segment> segments = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                double value = input.values().get(s);
                if (value <= 0) {
                    continue;
                }
                double width = value * scale;
                segments.add(new Segment(Figures.coordinate(x), Figures.coordinate(barY), Figures.coordinate(width),
                        Integer.toString(BAR), series.get(s).fill(),
                        input.label() + " — " + series.get(s).name() + ": " + valueText.apply(value)));
                x += width;
            }
            String middle = Figures.coordinate(barY + BAR / 2.0 + 4);
            rows.add(new Row(Figures.shorten(input.label(), LABEL_CHARACTERS), middle, segments, input.total(),
                    Figures.coordinate(x + 6), middle));
        }
        int plotBottom = TOP + inputs.size() * ROW;
        List<Tick> ticks = List.of(0.0, 0.5, 1.0).stream()
                .filter(f -> tickLabel.apply(f * max) != null)
                .map(f -> new Tick(Figures.coordinate(PLOT_LEFT + f * PLOT_WIDTH), tickLabel.apply(f * max)))
                .toList();
        return new BarChart(id, title, description, plotBottom + AXIS, series, rows, ticks, TOP, plotBottom);
    }

    public int width() {
        return WIDTH;
    }

    public int labelX() {
        return LABEL_X;
    }

    public int plotLeft() {
        return PLOT_LEFT;
    }

    /** Where the axis labels sit, under the rows. */
    public int tickLabelY() {
        return plotBottom + AXIS - 12;
    }
}

package org.erratum.feedback.readout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.erratum.feedback.article.ArticleHistory.PublishedRevision;

/**
 * An article's helpfulness week by week, for a page to draw as inline SVG: the helpful share as a line (0–100%)
 * over the votes as stacked bars (helpful below, not helpful above), with a marker at every revision published in
 * the period, so an editor sees whether a correction changed what readers say. Geometry is worked out here; the
 * page's data table holds the same figures.
 *
 * @param lines    the share line, broken where a week has no votes (each entry one SVG {@code points} list)
 * @param maxVotes what the top of the votes panel stands for
 */
record TrendChart(String id, String title, String description, List<Week> weeks, List<String> lines,
        List<Marker> markers, List<Tick> shareTicks, long maxVotes) {

    static final int WIDTH = 720;
    static final int HEIGHT = 318;
    static final int LEFT = 60;
    static final int RIGHT = 700;
    static final int SHARE_TOP = 34;
    static final int SHARE_BOTTOM = 174;
    static final int VOTES_TOP = 204;
    static final int VOTES_BOTTOM = 284;
    static final int LABEL_Y = 304;
    /** Week labels the axis has room for; with more weeks, every second (or third...) is written. */
    private static final int MOST_LABELS = 13;
    private static final double BAR_SHARE_OF_BAND = 0.6;

    /** What one week's column shows. */
    record WeekVotes(LocalDate startsOn, long yes, long no) {

        long votes() {
            return yes + no;
        }
    }

    /**
     * @param label   the week's start, written under the axis when {@code labelled}
     * @param pointY  the share's point, null in a week without votes
     * @param tooltip every figure of the week, for a pointer resting on its column
     */
    record Week(String x, String barX, String barWidth, String centre, String label, boolean labelled,
            String yesY, String yesHeight, String noY, String noHeight, String pointY, String tooltip) {
    }

    record Marker(String x, String labelX, String label, String tooltip) {
    }

    record Tick(String y, String label) {
    }

    /**
     * @param weeks     the period's weeks, oldest first
     * @param revisions the article's revisions; those published within the period are marked
     */
    static TrendChart of(String id, String title, String description, List<WeekVotes> weeks,
            List<PublishedRevision> revisions) {
        int n = weeks.size();
        double band = (RIGHT - LEFT) / (double) n;
        long maxVotes = Math.max(1, weeks.stream().mapToLong(WeekVotes::votes).max().orElse(0));
        int labelEvery = (n + MOST_LABELS - 1) / MOST_LABELS;
        List<Week> columns = new ArrayList<>(n);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            WeekVotes week = weeks.get(i);
            double left = LEFT + i * band;
            double centre = left + band / 2;
            double barWidth = band * BAR_SHARE_OF_BAND;
            double yesHeight = (VOTES_BOTTOM - VOTES_TOP) * week.yes() / (double) maxVotes;
            double noHeight = (VOTES_BOTTOM - VOTES_TOP) * week.no() / (double) maxVotes;
            String pointY = null;
            if (week.votes() > 0) {
                double y = SHARE_BOTTOM - (SHARE_BOTTOM - SHARE_TOP)
                        * Figures.percent(week.yes(), week.votes()) / 100.0;
                pointY = c(y);
                line.append(line.isEmpty() ? "" : " ").append(c(centre)).append(',').append(pointY);
            } else if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            columns.add(new Week(c(left), c(centre - barWidth / 2), c(barWidth), c(centre),
                    Figures.shortDay(week.startsOn()), i % labelEvery == 0,
                    c(VOTES_BOTTOM - yesHeight), c(yesHeight), c(VOTES_BOTTOM - yesHeight - noHeight), c(noHeight),
                    pointY, tooltip(week)));
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        List<Tick> ticks = List.of(0, 50, 100).stream()
                .map(p -> new Tick(c(SHARE_BOTTOM - (SHARE_BOTTOM - SHARE_TOP) * p / 100.0), p + "%")).toList();
        return new TrendChart(id, title, description, columns, lines, markers(weeks, revisions), ticks, maxVotes);
    }

    private static List<Marker> markers(List<WeekVotes> weeks, List<PublishedRevision> revisions) {
        Instant start = weeks.get(0).startsOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = weeks.get(weeks.size() - 1).startsOn().plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        double span = Duration.between(start, end).toMillis();
        return revisions.stream()
                .filter(r -> r.at() != null && !r.at().isBefore(start) && r.at().isBefore(end))
                .map(r -> {
                    double x = LEFT + (RIGHT - LEFT) * Duration.between(start, r.at()).toMillis() / span;
                    return new Marker(c(x), c(x + 3), "r" + r.revision(), "Revision " + r.revision()
                            + " published " + Figures.day(r.at()));
                })
                .toList();
    }

    private static String tooltip(WeekVotes week) {
        return "Week of " + Figures.day(week.startsOn()) + ": " + week.yes()
                + " helpful, " + week.no() + " not helpful"
                + (week.votes() == 0 ? "" : ", " + Figures.share(week.yes(), week.no())
                        + " helpful");
    }

    private static String c(double value) {
        return Figures.coordinate(value);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return RIGHT;
    }

    public int shareTop() {
        return SHARE_TOP;
    }

    public int votesTop() {
        return VOTES_TOP;
    }

    public int votesBottom() {
        return VOTES_BOTTOM;
    }

    public int labelY() {
        return LABEL_Y;
    }
}

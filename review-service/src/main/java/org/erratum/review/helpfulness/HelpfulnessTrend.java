package org.erratum.review.helpfulness;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.erratum.platform.helpfulness.SmoothedHelpfulness;

/**
 * How readers rate an article over its revisions and over the last weeks. A reader counts once per revision, with
 * their latest vote, in the week they cast it.
 *
 * @param revisions every revision with votes, oldest first
 * @param weeks     the last weeks (Monday to Sunday, UTC), oldest first and ending with the current week; a week
 *                  without votes is listed too, so gaps show
 */
public record HelpfulnessTrend(List<RevisionVotes> revisions, List<WeekVotes> weeks) {

    /**
     * @param helpfulPercent the share of helpful votes, rounded to a whole percent
     * @param score          the smoothed score the review queue judges the revision by
     */
    public record RevisionVotes(int revision, long yes, long no, int helpfulPercent, double score) {
    }

    /** @param helpfulPercent the share of helpful votes, rounded to a whole percent; 0 in a week without votes */
    public record WeekVotes(LocalDate startsOn, long votes, int helpfulPercent) {
    }

    /** How many readers voted one way on one revision. */
    record Tally(int revision, boolean helpful, long votes) {
    }

    /** One reader's latest vote on a revision. */
    record Vote(Instant occurredAt, boolean helpful) {
    }

    /**
     * @param tallies every vote on the article, counted per revision and answer
     * @param recent  the votes cast since {@link #windowStart}; earlier ones are ignored
     */
    static HelpfulnessTrend of(List<Tally> tallies, List<Vote> recent, SmoothedHelpfulness smoothing, Instant now,
            int weeks) {
        return new HelpfulnessTrend(revisions(tallies, smoothing), weeks(recent, now, weeks));
    }

    /** The start of the oldest week shown: Monday 00:00 UTC, {@code weeks - 1} weeks before the current one. */
    static Instant windowStart(Instant now, int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("A trend needs at least one week, got " + weeks);
        }
        return weekOf(now).minusWeeks(weeks - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Half a percent rounds up; in whole numbers, so that no floating-point error decides a half. */
    static int percent(long yes, long votes) {
        return votes == 0 ? 0 : (int) ((200 * yes + votes) / (2 * votes));
    }

    private static List<RevisionVotes> revisions(List<Tally> tallies, SmoothedHelpfulness smoothing) {
        Map<Integer, long[]> yesAndNo = new TreeMap<>();
        for (Tally tally : tallies) {
            yesAndNo.computeIfAbsent(tally.revision(), r -> new long[2])[tally.helpful() ? 0 : 1] += tally.votes();
        }
        return yesAndNo.entrySet().stream().map(e -> {
            long yes = e.getValue()[0];
            long no = e.getValue()[1];
            return new RevisionVotes(e.getKey(), yes, no, percent(yes, yes + no), smoothing.score(yes, no));
        }).toList();
    }

    private static List<WeekVotes> weeks(List<Vote> recent, Instant now, int weeks) {
        LocalDate first = weekOf(windowStart(now, weeks));
        long[] votes = new long[weeks];
        long[] yes = new long[weeks];
        for (Vote vote : recent) {
            long index = ChronoUnit.WEEKS.between(first, weekOf(vote.occurredAt()));
            if (index < 0) {
                continue;
            }
            // a vote stamped after now (the feedback service's clock runs ahead) belongs to the current week
            int week = (int) Math.min(index, weeks - 1);
            votes[week]++;
            yes[week] += vote.helpful() ? 1 : 0;
        }
        List<WeekVotes> result = new ArrayList<>(weeks);
        for (int week = 0; week < weeks; week++) {
            result.add(new WeekVotes(first.plusWeeks(week), votes[week], percent(yes[week], votes[week])));
        }
        return result;
    }

    private static LocalDate weekOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

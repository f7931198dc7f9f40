package org.erratum.feedback.readout;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;

/**
 * One vote or report as the CSV export shows it. It is read from only the fields named here, so what the export
 * must never show (reader keys, contact emails, which live in another collection anyway) is never even loaded.
 *
 * @param helpful  the vote's answer; null for a report
 * @param reason   why a vote said "not helpful", when given; null for a report
 * @param category the report's category; null for a vote
 * @param passage  the passage a report quoted, when given
 * @param comment  the report's comment
 */
record FeedbackRow(String type, Instant acceptedAt, String articleId, int revision, Boolean helpful, String reason,
        String category, String passage, String comment, boolean spam) {

    static final List<String> COLUMNS = List.of("type", "acceptedAt", "articleId", "revision", "helpful", "reason",
            "category", "passage", "comment", "spam");

    static final List<String> VOTE_FIELDS = List.of("acceptedAt", "articleId", "revision", "helpful", "reason",
            "spam");

    static final List<String> REPORT_FIELDS = List.of("acceptedAt", "articleId", "revision", "category", "passage",
            "comment", "spam");

    static FeedbackRow ofVote(Document vote) {
        return new FeedbackRow("vote", vote.getDate("acceptedAt").toInstant(), vote.getString("articleId"),
                vote.getInteger("revision"), vote.getBoolean("helpful"), vote.getString("reason"), null, null, null,
                vote.getBoolean("spam", false));
    }

    static FeedbackRow ofReport(Document report) {
        return new FeedbackRow("report", report.getDate("acceptedAt").toInstant(), report.getString("articleId"),
                report.getInteger("revision"), null, null, report.getString("category"),
                report.getString("passage"), report.getString("comment"), report.getBoolean("spam", false));
    }

    /** The cells in the order of {@link #COLUMNS}; null where the row has no value. */
    List<String> cells() {
        return Arrays.asList(type, acceptedAt.toString(), articleId, Integer.toString(revision),
                helpful == null ? null : helpful.toString(), reason, category, passage, comment,
                Boolean.toString(spam));
    }
}

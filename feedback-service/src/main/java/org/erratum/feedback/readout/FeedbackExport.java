package org.erratum.feedback.readout;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.bson.Document;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
import org.erratum.platform.web.Problems;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * All feedback accepted in a date range, spam included and marked, as CSV: votes and reports in one sequence,
 * oldest first. Both collections are read through cursors in {@code acceptedAt} order (which an index serves) and
 * merged as they are written, so an export of any size holds only a cursor batch of each in memory.
 */
@Component
class FeedbackExport {

    private static final String CSV = "text/csv;charset=UTF-8";
    private static final int LAST_YEAR = 9999;
    private static final String DATE = "must be a date YYYY-MM-DD (UTC)";

    private final MongoTemplate mongo;
    private final ReadoutProperties properties;

    FeedbackExport(MongoTemplate mongo, ReadoutProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /**
     * The days from {@code from} to {@code to}, both included, if one export may cover them.
     *
     * @throws org.springframework.web.ErrorResponseException 400 naming {@code to} (or {@code from} for a year
     *                                                        beyond four digits, where date arithmetic runs out)
     */
    ExportRange range(LocalDate from, LocalDate to) {
        if (from.getYear() > LAST_YEAR) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "from", DATE);
        }
        if (to.getYear() > LAST_YEAR) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "to", DATE);
        }
        if (to.isBefore(from)) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "to", "must not be before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > properties.exportMaxDays()) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "to", "must be within " + properties.exportMaxDays()
                    + " days of from, counting both; export a longer period in parts");
        }
        return new ExportRange(from, to);
    }

    /**
     * Refuses a range that holds more than one export may, before anything is written: a file cut short would look
     * complete in a spreadsheet.
     *
     * @throws org.springframework.web.ErrorResponseException 400 naming {@code to}
     */
    void checkSize(ExportRange range) {
        long rows = mongo.count(inRange(range), Vote.class) + mongo.count(inRange(range), Report.class);
        if (rows > properties.exportMaxRows()) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "to", "the range " + range.from() + " to "
                    + range.to() + " holds " + rows + " feedback items, more than the " + properties.exportMaxRows()
                    + " one export may hold; export it in shorter ranges");
        }
    }

    /**
     * The export as a file a browser saves, for the JSON API and the editorial pages alike: the range checked, then
     * every row.
     *
     * @throws org.springframework.web.ErrorResponseException 400 before anything is written, for a range one export
     *                                                        may not cover or that holds too much
     */
    void download(LocalDate from, LocalDate to, HttpServletResponse response) throws IOException {
        ExportRange range = range(from, to);
        checkSize(range);
        response.setContentType(CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(range.filename()).build().toString());
        write(range, response.getWriter());
    }

    void write(ExportRange range, Writer out) {
        Csv csv = new Csv(out);
        csv.writeRow(FeedbackRow.COLUMNS);
        try (Stream<FeedbackRow> votes = rows(range, Vote.class, FeedbackRow.VOTE_FIELDS, FeedbackRow::ofVote);
                Stream<FeedbackRow> reports = rows(range, Report.class, FeedbackRow.REPORT_FIELDS,
                        FeedbackRow::ofReport)) {
            inAcceptanceOrder(votes.iterator(), reports.iterator(), row -> csv.writeRow(row.cells()));
        }
    }

    private Stream<FeedbackRow> rows(ExportRange range, Class<?> kind, List<String> fields,
            Function<Document, FeedbackRow> toRow) {
        Query query = inRange(range).with(Sort.by("acceptedAt", "_id"))
                // bounds the read even if the range filled up after checkSize counted it
                .limit(properties.exportMaxRows());
        query.fields().include(fields.toArray(String[]::new)).exclude("_id");
        return mongo.stream(query, Document.class, mongo.getCollectionName(kind)).map(toRow);
    }

    private static Query inRange(ExportRange range) {
        return query(where("acceptedAt").gte(range.start()).lt(range.end()));
    }

    /** Merges two sequences that are each in acceptance order; a vote goes first when both have the same time. */
    private static void inAcceptanceOrder(Iterator<FeedbackRow> votes, Iterator<FeedbackRow> reports,
            Consumer<FeedbackRow> sink) {
        FeedbackRow vote = nextOrNull(votes);
        FeedbackRow report = nextOrNull(reports);
        while (vote != null || report != null) {
            if (report == null || (vote != null && !vote.acceptedAt().isAfter(report.acceptedAt()))) {
                sink.accept(vote);
                vote = nextOrNull(votes);
            } else {
                sink.accept(report);
                report = nextOrNull(reports);
            }
        }
    }

    private static FeedbackRow nextOrNull(Iterator<FeedbackRow> rows) {
        return rows.hasNext() ? rows.next() : null;
    }
}

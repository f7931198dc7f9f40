package org.erratum.feedback.report;

import java.time.Clock;
import java.time.Instant;

import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.intake.Acceptance;
import org.erratum.feedback.outbox.Outbox;
import org.erratum.platform.web.Problems;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Problem reports: intake, and erasing contact emails once their retention ends. */
@Service
public class ReportService {

    /** Output binding to {@code feedback.reports}. */
    static final String BINDING = "reports";

    private final ArticleProjection articles;
    private final Outbox outbox;
    private final MongoTemplate mongo;
    private final FeedbackProperties properties;
    private final Clock clock;

    ReportService(ArticleProjection articles, Outbox outbox, MongoTemplate mongo, FeedbackProperties properties,
            Clock clock) {
        this.articles = articles;
        this.outbox = outbox;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the report and returns once Kafka has it.
     *
     * @throws org.springframework.web.ErrorResponseException 400 for a contact email without consent, 422 for an
     *                                                         unknown article or revision
     * @throws org.erratum.platform.messaging.EventNotPublishedException Kafka did not acknowledge; the report is
     *                                                         stored and the outbox relay publishes it later
     */
    public Acceptance submit(ReportRequest request) {
        // an HTML form sends empty inputs as empty strings: they mean "not given"
        String contactEmail = StringUtils.hasText(request.contactEmail()) ? request.contactEmail().strip() : null;
        String passage = StringUtils.hasText(request.passage()) ? request.passage() : null;
        if (contactEmail != null && !Boolean.TRUE.equals(request.contactConsent())) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "contactConsent",
                    "must be true to leave a contact email; we only use it to tell you the outcome");
        }
        KnownArticle article = articles.requireRevision(request.articleId(), request.revision());
        Instant now = clock.instant();
        Report report = Report.submit(article.articleId(), request.revision(), request.category(), passage,
                request.comment(), contactEmail, now, now.plus(properties.contactRetention()));
        mongo.insert(report);
        outbox.publish(BINDING, report);
        return new Acceptance(report.eventId(), article);
    }

    /** Publishes reports whose request could not; see {@link Outbox#relayPending}. */
    public int relayPending() {
        return outbox.relayPending(BINDING, Report.class);
    }

    /**
     * Erases contact emails whose retention has ended. A job rather than a TTL index, because the report itself
     * stays and only the address goes.
     *
     * @return how many addresses were erased
     */
    public long eraseExpiredContacts(Instant now) {
        return mongo.updateMulti(query(where("contactExpiresAt").lte(now)),
                new Update().unset("contactEmail").unset("contactExpiresAt"), Report.class).getModifiedCount();
    }
}

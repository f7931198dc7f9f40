package org.erratum.feedback.report;

import java.time.Clock;
import java.time.Instant;

import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.contact.Contact;
import org.erratum.feedback.contact.ReaderMailProperties;
import org.erratum.feedback.intake.Acceptance;
import org.erratum.feedback.intake.Intake;
import org.erratum.feedback.intake.Screening;
import org.erratum.feedback.intake.Sender;
import org.erratum.feedback.intake.Submission;
import org.erratum.feedback.outbox.IntakeWrites;
import org.erratum.platform.outbox.CurrentTrace;
import org.erratum.platform.outbox.Outbox;
import org.erratum.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/** Problem reports: intake. */
@Service
public class ReportService {

    private final ArticleProjection articles;
    private final Outbox<Report> outbox;
    private final IntakeWrites writes;
    private final FeedbackProperties properties;
    private final ReaderMailProperties mail;
    private final Clock clock;
    private final Intake intake;
    private final CurrentTrace trace;

    ReportService(ArticleProjection articles, Outbox<Report> outbox, IntakeWrites writes, FeedbackProperties properties,
            ReaderMailProperties mail, Clock clock, Intake intake, CurrentTrace trace) {
        this.intake = intake;
        this.trace = trace;
        this.articles = articles;
        this.outbox = outbox;
        this.writes = writes;
        this.properties = properties;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Stores the report and returns once it is stored as a pending outbox entry: from then on it cannot be lost,
     * and the outbox relay publishes it. Spam is stored marked, with nothing pending, and its contact email is not
     * kept: nobody will write to a bot.
     *
     * @throws org.springframework.web.ErrorResponseException 400 for a contact email without consent or a bad form
     *                                                         token, 429 over the client's rate limit, 422 for an
     *                                                         unknown article or revision
     */
    public Acceptance submit(ReportRequest request, Sender sender) {
        // an HTML form sends empty inputs as empty strings: they mean "not given"
        String contactEmail = StringUtils.hasText(request.contactEmail()) ? request.contactEmail().strip() : null;
        String passage = StringUtils.hasText(request.passage()) ? request.passage() : null;
        if (contactEmail != null && !Boolean.TRUE.equals(request.contactConsent())) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "contactConsent",
                    "must be true to leave a contact email; we only use it to tell you the outcome");
        }
        Submission submission = Submission.report(sender, request.articleId(), request.formToken(),
                request.website(), request.comment(), passage);
        Screening screening = intake.screen(submission);
        KnownArticle article = articles.requireRevision(request.articleId(), request.revision());
        Instant now = clock.instant();
        boolean withContact = contactEmail != null && !screening.spam();
        Report report = Report.submit(article.articleId(), request.revision(), request.category(),
                screening.passage(), screening.comment(), withContact, now, screening.spamReasons(),
                trace.traceparent());
        if (withContact) {
            // stored first: should the report then fail to store, the orphan address still expires
            writes.insert(Contact.consented(report.id(), contactEmail, article.articleId(), now, mail,
                    properties.contactRetention()));
        }
        writes.insert(report);
        intake.accepted(submission);
        if (!report.spam()) {
            outbox.handOver(report);
        }
        return new Acceptance(report.eventId(), article);
    }
}

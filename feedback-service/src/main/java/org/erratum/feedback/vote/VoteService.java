package org.erratum.feedback.vote;

import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.bson.Document;
import org.erratum.events.VoteCast.NotHelpfulReason;
import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.intake.Acceptance;
import org.erratum.feedback.intake.Intake;
import org.erratum.feedback.intake.Screening;
import org.erratum.feedback.intake.Sender;
import org.erratum.feedback.intake.Submission;
import org.erratum.feedback.outbox.IntakeWrites;
import org.erratum.platform.outbox.CurrentTrace;
import org.erratum.platform.outbox.Outbox;
import org.erratum.platform.web.Problems;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Helpfulness votes: intake (one vote per reader and revision) and the per-revision tallies. */
@Service
public class VoteService {

    private final ArticleProjection articles;
    private final ReaderKeys readerKeys;
    private final Outbox<Vote> outbox;
    private final MongoTemplate mongo;
    private final IntakeWrites writes;
    private final SmoothedHelpfulness smoothing;
    private final Clock clock;
    private final Intake intake;
    private final CurrentTrace trace;

    VoteService(ArticleProjection articles, ReaderKeys readerKeys, Outbox<Vote> outbox, MongoTemplate mongo,
            IntakeWrites writes, SmoothedHelpfulness smoothing, Clock clock, Intake intake, CurrentTrace trace) {
        this.intake = intake;
        this.trace = trace;
        this.articles = articles;
        this.readerKeys = readerKeys;
        this.outbox = outbox;
        this.mongo = mongo;
        this.writes = writes;
        this.smoothing = smoothing;
        this.clock = clock;
    }

    /**
     * Records the reader's vote, replacing their earlier vote on the same revision, and returns once it is stored
     * as a pending outbox entry: from then on it cannot be lost, and the outbox relay publishes it. Spam is stored
     * marked, beside the reader's genuine vote rather than over it, with nothing pending.
     *
     * @throws org.springframework.web.ErrorResponseException 400 for a reason on a helpful vote or a bad form
     *                                                         token, 429 over the client's rate limit, 422 for an
     *                                                         unknown article or revision
     */
    public Acceptance cast(VoteRequest request, String readerId, Sender sender) {
        if (request.helpful() && request.reason() != null) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "reason", "is only given with a \"not helpful\" vote");
        }
        Submission submission = Submission.vote(sender, request.articleId(), request.formToken(),
                request.website());
        Screening screening = intake.screen(submission);
        KnownArticle article = articles.requireRevision(request.articleId(), request.revision());
        Vote vote = Vote.cast(article.articleId(), request.revision(), readerKeys.keyOf(readerId),
                request.helpful(), request.reason(), clock.instant(), screening.spamReasons(), trace.traceparent());
        writes.replace(vote); // replaces the reader's earlier vote: same id
        intake.accepted(submission);
        if (!vote.spam()) {
            intake.countVote(vote.helpful());
            outbox.handOver(vote);
        }
        return new Acceptance(vote.eventId(), article);
    }

    /**
     * Counts at read time from the votes themselves: a replaced vote then needs no decrement of a separate
     * counter, which could not be kept in step with the vote without a multi-document transaction.
     *
     * @throws org.springframework.web.ErrorResponseException 404 for an unknown article or revision
     */
    public Helpfulness helpfulness(String articleId, int revision) {
        boolean revisionExists = articles.find(articleId).filter(a -> a.hasRevision(revision)).isPresent();
        if (!revisionExists) {
            throw Problems.notFound("Revision " + revision + " of article " + articleId);
        }
        Aggregation byAnswerAndReason = Aggregation.newAggregation(
                // spam is kept for the record but says nothing about the article
                match(where("articleId").is(articleId).and("revision").is(revision).and("spam").ne(true)),
                group("helpful", "reason").count().as("votes"));
        long yes = 0;
        long no = 0;
        Map<NotHelpfulReason, Long> reasons = new EnumMap<>(NotHelpfulReason.class);
        for (NotHelpfulReason reason : NotHelpfulReason.values()) {
            reasons.put(reason, 0L);
        }
        for (Document group : mongo.aggregate(byAnswerAndReason, Vote.class, Document.class)) {
            Document key = group.get("_id", Document.class);
            long votes = ((Number) group.get("votes")).longValue();
            if (Boolean.TRUE.equals(key.getBoolean("helpful"))) {
                yes += votes;
            } else {
                no += votes;
                String reason = key.getString("reason");
                if (reason != null) {
                    reasons.merge(NotHelpfulReason.valueOf(reason), votes, Long::sum);
                }
            }
        }
        return new Helpfulness(articleId, revision, yes, no, SmoothedHelpfulness.ratio(yes, no), reasons,
                smoothing.score(yes, no));
    }
}

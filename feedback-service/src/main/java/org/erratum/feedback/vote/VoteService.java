package org.erratum.feedback.vote;

import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import java.time.Clock;

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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Helpfulness votes: intake (one vote per reader and revision) and the per-revision tallies. */
@Service
public class VoteService {

    private final ArticleProjection articles;
    private final ReaderKeys readerKeys;
    private final Outbox<Vote> outbox;
    private final VoteTallies tallies;
    private final IntakeWrites writes;
    private final SmoothedHelpfulness smoothing;
    private final Clock clock;
    private final Intake intake;
    private final CurrentTrace trace;

    VoteService(ArticleProjection articles, ReaderKeys readerKeys, Outbox<Vote> outbox, VoteTallies tallies,
            IntakeWrites writes, SmoothedHelpfulness smoothing, Clock clock, Intake intake, CurrentTrace trace) {
        this.intake = intake;
        this.trace = trace;
        this.articles = articles;
        this.readerKeys = readerKeys;
        this.outbox = outbox;
        this.tallies = tallies;
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
     * Read from the revision's tally, kept as the votes come back from {@code feedback.votes} (spam never does), so
     * a vote shows here a moment after it was accepted, and the read costs one key lookup however many votes there
     * are.
     *
     * @throws org.springframework.web.ErrorResponseException 404 for an unknown article or revision
     */
    public Helpfulness helpfulness(String articleId, int revision) {
        boolean revisionExists = articles.find(articleId).filter(a -> a.hasRevision(revision)).isPresent();
        if (!revisionExists) {
            throw Problems.notFound("Revision " + revision + " of article " + articleId);
        }
        VoteTallies.Tally tally = tallies.of(articleId, revision);
        long yes = tally.yes();
        long no = tally.no();
        return new Helpfulness(articleId, revision, yes, no, SmoothedHelpfulness.ratio(yes, no), tally.reasons(),
                smoothing.score(yes, no));
    }
}

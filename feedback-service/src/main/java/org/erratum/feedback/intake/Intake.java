package org.erratum.feedback.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.platform.web.FormTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The screening every piece of feedback goes through, from the JSON API and the HTML form alike, before the
 * feedback service checks the article and stores it: rate limit, form timestamp, honeypot, spam rules, then
 * scrubbing of personal data from the free text. Spam is not refused (that would teach a bot what gives it away):
 * the verdict travels with the feedback, which is stored marked and never published.
 */
@Component
public class Intake {

    private final Map<FeedbackKind, RateLimiter> rateLimits = new EnumMap<>(FeedbackKind.class);
    private final ClientKeys clientKeys = new ClientKeys();
    private final FormTimestamp formTimestamp;
    private final Clock clock;
    private final MeterRegistry meters;

    Intake(IntakeProperties properties, FormTokens formTokens, Clock clock, MeterRegistry meters) {
        IntakeProperties.RateLimits limits = properties.rateLimits();
        rateLimits.put(FeedbackKind.VOTE, new RateLimiter(limits.votes(), limits.maxClients()));
        rateLimits.put(FeedbackKind.REPORT, new RateLimiter(limits.reports(), limits.maxClients()));
        this.formTimestamp = new FormTimestamp(formTokens, properties.formToken().minAge(),
                properties.formToken().maxAge());
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @return the spam verdict and the scrubbed free text
     * @throws ErrorResponseException 429 with {@code Retry-After} when the client sent too much of this kind of
     *                                feedback; 400 naming {@code formToken} when the form timestamp is missing
     *                                from a form, not genuine, or expired
     */
    public Screening screen(Submission submission) {
        enforceRateLimit(submission);
        List<String> spamReasons = new ArrayList<>();
        formTimestamp.check(submission.sender().channel(), submission.formToken(), submission.articleId(),
                clock.instant()).ifPresent(spamReasons::add);
        if (Honeypot.caught(submission.website())) {
            spamReasons.add(Honeypot.REASON);
        }
        if (submission.comment() != null) {
            spamReasons.addAll(SpamRules.reasonsFor(submission.comment(), submission.passage()));
        }
        if (!spamReasons.isEmpty()) {
            meters.counter("erratum.feedback.spam", "kind", kindTag(submission)).increment();
        }
        return new Screening(spamReasons, PersonalDataScrubber.scrub(submission.comment()),
                PersonalDataScrubber.scrub(submission.passage()));
    }

    /** Counts feedback that is now stored, spam included: it was answered like any other. */
    public void accepted(Submission submission) {
        meters.counter("erratum.feedback.accepted", "kind", kindTag(submission),
                "channel", submission.sender().channel() == Channel.FORM ? "form" : "json").increment();
    }

    /** Counts a genuine helpfulness vote by its answer. */
    public void countVote(boolean helpful) {
        meters.counter("erratum.feedback.votes", "answer", helpful ? "helpful" : "not_helpful").increment();
    }

    private void enforceRateLimit(Submission submission) {
        String clientKey = clientKeys.keyOf(submission.sender().address());
        rateLimits.get(submission.kind()).tryAcquire(clientKey).ifPresent(wait -> {
            meters.counter("erratum.feedback.rate.limited", "kind", kindTag(submission)).increment();
            throw tooManyRequests(wait);
        });
    }

    private static ErrorResponseException tooManyRequests(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000); // round up: sooner would be refused again
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "You have sent a lot of feedback in a short time. Please try again in " + seconds + " seconds.");
        problem.setTitle("Too many requests");
        problem.setProperty("retryAfterSeconds", seconds);
        ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return tooMany;
    }

    private static String kindTag(Submission submission) {
        return submission.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}

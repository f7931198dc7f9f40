package org.erratum.feedback.outbox;

import java.time.Clock;

import org.erratum.events.Topics;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
import org.erratum.platform.outbox.Outbox;
import org.erratum.platform.outbox.Outboxes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Votes and reports each go through an outbox of their own ({@code votes}, {@code reports}), with the in-memory
 * hand-over switched on ({@code erratum.outbox.<name>.hand-over-capacity}): intake answers once MongoDB has the
 * feedback, and the relay sends it in batches without waiting per record.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackOutboxes {

    @Bean
    Outbox<Vote> votesOutbox(Outboxes outboxes, MongoTemplate mongo, Clock clock) {
        return outboxes.create("votes", outboxes.topic(Topics.VOTES).build(),
                new FeedbackOutbox<>(mongo, clock, Vote.class));
    }

    @Bean
    Outbox<Report> reportsOutbox(Outboxes outboxes, MongoTemplate mongo, Clock clock) {
        return outboxes.create("reports", outboxes.topic(Topics.REPORTS).build(),
                new FeedbackOutbox<>(mongo, clock, Report.class));
    }
}

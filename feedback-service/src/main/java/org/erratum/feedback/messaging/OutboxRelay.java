package org.erratum.feedback.messaging;

import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.report.ReportService;
import org.erratum.feedback.vote.VoteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code erratum.feedback.outbox.relay-interval}, publishes accepted feedback that Kafka did not acknowledge
 * while the reader waited. Several instances may relay the same entry; consumers dedupe by event id.
 */
@Configuration(proxyBeanMethods = false)
class OutboxRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final VoteService votes;
    private final ReportService reports;
    private final FeedbackProperties properties;

    OutboxRelay(VoteService votes, ReportService reports, FeedbackProperties properties) {
        this.votes = votes;
        this.reports = reports;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::relay, properties.outbox().relayInterval());
    }

    private void relay() {
        int relayed = votes.relayPending() + reports.relayPending();
        if (relayed > 0) {
            log.info("Outbox relay published {} pending feedback event(s)", relayed);
        }
    }
}

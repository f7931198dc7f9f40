package org.erratum.platform.mail;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every poll interval, on every instance: first what writes the service's due messages to the outbox, then sending
 * what is due. Instances share the sending through the outbox's atomic claims. A service declares it as a bean
 * (scheduling on).
 */
public class MailRounds implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MailRounds.class);

    private final Duration pollInterval;
    private final Runnable writeDue;
    private final Postman postman;

    /** @param writeDue writes the messages that fell due since the last round (may do nothing) */
    public MailRounds(Duration pollInterval, Runnable writeDue, Postman postman) {
        this.pollInterval = pollInterval;
        this.writeDue = writeDue;
        this.postman = postman;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::round, pollInterval);
    }

    /** One round, as the schedule runs it. */
    public void round() {
        try {
            writeDue.run();
            postman.deliverDue();
        } catch (RuntimeException e) {
            // MongoDB away: the outbox keeps everything for the next round
            log.warn("Mail round did not complete: {}", e.getMessage());
        }
    }
}

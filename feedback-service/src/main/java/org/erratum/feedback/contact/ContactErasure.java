package org.erratum.feedback.contact;

import java.time.Clock;

import org.erratum.feedback.config.FeedbackProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code erratum.feedback.contact-erasure-interval}, erases contact emails past their retention, with any
 * message to them that did not go.
 */
@Configuration(proxyBeanMethods = false)
class ContactErasure implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ContactErasure.class);

    private final Contacts contacts;
    private final FeedbackProperties properties;
    private final Clock clock;

    ContactErasure(Contacts contacts, FeedbackProperties properties, Clock clock) {
        this.contacts = contacts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::eraseExpired, properties.contactErasureInterval());
    }

    private void eraseExpired() {
        long erased = contacts.eraseExpired(clock.instant());
        if (erased > 0) {
            log.info("Erased {} contact email(s) past their retention", erased);
        }
    }
}

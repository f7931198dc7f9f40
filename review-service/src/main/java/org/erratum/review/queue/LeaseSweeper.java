package org.erratum.review.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Returns items whose reviewer's lease ran out, so nothing sits claimed by someone who went home. */
@Component
class LeaseSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LeaseSweeper.class);

    private final Claims claims;
    private final QueueProperties properties;

    LeaseSweeper(Claims claims, QueueProperties properties) {
        this.claims = claims;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::returnExpiredLeases, properties.leaseSweep());
    }

    void returnExpiredLeases() {
        long returned = claims.returnExpiredLeases();
        if (returned > 0) {
            log.info("Returned {} item(s) whose lease expired", returned);
        }
    }
}

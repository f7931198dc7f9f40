package org.erratum.review.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Returns items whose reviewer's lease ran out, so nothing sits claimed by someone who went home. */
@Component
class LeaseSweeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseSweeper.class);

    private final Claims claims;

    LeaseSweeper(Claims claims) {
        this.claims = claims;
    }

    @Scheduled(fixedDelayString = "${erratum.review.queue.lease-sweep:30s}")
    void returnExpiredLeases() {
        long returned = claims.returnExpiredLeases();
        if (returned > 0) {
            log.info("Returned {} item(s) whose lease expired", returned);
        }
    }
}

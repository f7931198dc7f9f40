package org.erratum.feedback.intake;

import java.util.List;

/**
 * The outcome of screening feedback that may be accepted.
 *
 * @param spamReasons why the feedback is taken for spam; empty for genuine feedback. Spam gets the same answer as
 *                    genuine feedback, so a bot learns nothing, but is kept out of Kafka and out of the tallies.
 * @param comment     the comment with personal data scrubbed, null when there was none
 * @param passage     the passage with personal data scrubbed, null when there was none
 */
public record Screening(List<String> spamReasons, String comment, String passage) {

    public Screening {
        spamReasons = List.copyOf(spamReasons);
    }

    public boolean spam() {
        return !spamReasons.isEmpty();
    }
}

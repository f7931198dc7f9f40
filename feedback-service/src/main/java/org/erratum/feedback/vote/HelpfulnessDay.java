package org.erratum.feedback.vote;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.erratum.platform.mongo.EmbeddedStoreIndex;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The votes on one article cast on one UTC day, per revision: each reader counts once per revision, with their
 * latest vote, on the day they cast it. One document per article and day, so a page reads a period by key.
 *
 * @param id        {@code articleId:YYYY-MM-DD}
 * @param revisions the counts per revision number (as text: a document's keys are strings); bounded by the
 *                  revisions readers voted on that day
 * @param version   grows with every change; the compare-and-set that changes the counts names it
 */
@EmbeddedStoreIndex(name = "version", field = "version")
@Document("helpfulness_days")
record HelpfulnessDay(@Id String id, String articleId, String day, Map<String, Counts> revisions, long version) {

    static String idOf(String articleId, String day) {
        return articleId + ":" + day;
    }

    static String dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** How many readers found a revision helpful, and how many did not; a count never moved is absent. */
    record Counts(Long yes, Long no) {

        Counts {
            yes = yes == null ? 0 : yes;
            no = no == null ? 0 : no;
        }
    }
}

package org.erratum.review.helpfulness;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A reader's latest vote on one revision: a reader who changes their mind replaces their vote. */
@Document("latest_votes")
@CompoundIndex(name = "revision", def = "{'articleId': 1, 'revision': 1, 'helpful': 1}")
record LatestVote(@Id String id, String articleId, int revision, boolean helpful, Instant occurredAt) {

    static String idOf(String articleId, int revision, String readerKey) {
        return articleId + ":" + revision + ":" + readerKey;
    }
}

package org.erratum.review.helpfulness;

import org.erratum.platform.mongo.EmbeddedStoreIndex;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The votes on one article revision, kept as votes arrive: each reader counts once, with their latest vote.
 *
 * @param id      {@code articleId:revision}
 * @param yes     absent until a reader said yes
 * @param no      absent until a reader said no
 * @param version grows with every change; the compare-and-set that changes the counts names it
 */
@EmbeddedStoreIndex(name = "version", field = "version")
@Document(RevisionTally.COLLECTION)
record RevisionTally(@Id String id, String articleId, int revision, Long yes, Long no, long version) {

    static final String COLLECTION = "revision_tallies";

    RevisionTally {
        yes = yes == null ? 0 : yes;
        no = no == null ? 0 : no;
    }

    static String idOf(String articleId, int revision) {
        return articleId + ":" + revision;
    }
}

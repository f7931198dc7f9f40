package org.erratum.feedback.vote;

import java.util.Map;

import org.erratum.platform.mongo.EmbeddedStoreIndex;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The votes on one article revision, kept as votes arrive: each reader counts once, with their latest vote.
 *
 * @param id      {@code articleId:revision}
 * @param yes     absent until a reader said yes
 * @param no      absent until a reader said no
 * @param reasons how many "no" votes gave each reason, by reason name; a reason never given is absent
 * @param version grows with every change; the compare-and-set that changes the counts names it
 */
@EmbeddedStoreIndex(name = "version", field = "version")
@Document("helpfulness_revisions")
record RevisionTally(@Id String id, String articleId, int revision, Long yes, Long no,
        Map<String, Long> reasons, long version) {

    RevisionTally {
        yes = yes == null ? 0 : yes;
        no = no == null ? 0 : no;
        reasons = reasons == null ? Map.of() : reasons;
    }

    static String idOf(String articleId, int revision) {
        return articleId + ":" + revision;
    }
}

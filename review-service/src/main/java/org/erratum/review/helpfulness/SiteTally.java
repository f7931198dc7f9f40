package org.erratum.review.helpfulness;

import org.erratum.platform.mongo.EmbeddedStoreIndex;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every reader's latest vote on every revision, counted once: the site-wide helpful rate the smoothing starts from,
 * one document read by key.
 *
 * @param yes     absent until a reader said yes
 * @param no      absent until a reader said no
 * @param version grows with every change; the compare-and-set that changes the counts names it
 */
@EmbeddedStoreIndex(name = "version", field = "version")
@Document(SiteTally.COLLECTION)
record SiteTally(@Id String id, Long yes, Long no, long version) {

    static final String COLLECTION = "site_tallies";
    static final String ID = "all";

    SiteTally {
        yes = yes == null ? 0 : yes;
        no = no == null ? 0 : no;
    }
}

package org.erratum.review.helpfulness;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every reader's latest vote on every revision, counted once: the site-wide helpful rate the smoothing starts from,
 * one document read by key.
 *
 * @param yes     absent until a reader said yes
 * @param no      absent until a reader said no
 * @param version grows with every change; the compare-and-set that changes the counts names it
 */
@Document(SiteTally.COLLECTION)
// unique anyway (it starts with the id): lets the embedded store serve the compare-and-set by index
@CompoundIndex(name = "version", def = "{'_id': 1, 'version': 1}", unique = true)
record SiteTally(@Id String id, Long yes, Long no, long version) {

    static final String COLLECTION = "site_tallies";
    static final String ID = "all";

    SiteTally {
        yes = yes == null ? 0 : yes;
        no = no == null ? 0 : no;
    }
}

package org.erratum.review.queue;

import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The items whose fix one revision's votes will verify, kept by that revision so that a vote finds them by key
 * instead of by a query over every item. Written before the resolution that makes an item pending, so a crash
 * between the two leaves an entry too many (dropped when a vote finds its item no longer pending), never one too few.
 *
 * @param id    {@code articleId:revision}
 * @param items the ids of the items resolved as revised by this revision and not yet verified
 */
@Document("fix_watches")
record FixWatch(@Id String id, Set<String> items) {

    static String idOf(String articleId, int revision) {
        return articleId + ":" + revision;
    }
}

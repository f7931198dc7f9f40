package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Pages of what an item numbers from 1 and keeps only the newest of in itself (reports, activity lines): page 1 is
 * what the item holds, each further page as many older entries, read by a range of their numbers, never by skipping.
 */
final class NumberedPages {

    private NumberedPages() {
    }

    /**
     * @param count how many there are; the newest has this number
     * @param held  how many of the newest the item holds
     * @param page  from 2
     * @return the page's entries, newest first
     */
    static <T> List<T> older(MongoTemplate mongo, Class<T> type, String itemId, long count, int held, int page,
            int size) {
        long newest = count - held - (long) (page - 2) * size;
        if (newest < 1) {
            return List.of();
        }
        return mongo.find(Query.query(where("itemId").is(itemId).and("seq").lte(newest))
                .with(Sort.by(Sort.Direction.DESC, "seq")).limit(size), type);
    }

    /** Whether older entries follow this page. */
    static boolean morePast(long count, int held, int page, int size) {
        return count - held - (long) (page - 1) * size > 0;
    }
}

package org.erratum.review.queue;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;

/** Unordered bulk writes of the queue, where a duplicate key means that another writer came first. */
final class BulkWrites {

    private static final int DUPLICATE_KEY = 11000;

    private BulkWrites() {
    }

    /**
     * Runs the bulk. A write that collides with a unique key (another writer stored the same thing first) changes
     * nothing; the others stand all the same.
     *
     * @throws BulkOperationException when any write failed for another reason
     */
    static void executeTakingDuplicatesAsDone(BulkOperations bulk) {
        try {
            bulk.execute();
        } catch (BulkOperationException failed) {
            if (failed.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw failed;
            }
        }
    }
}

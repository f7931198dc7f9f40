package org.erratum.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * The work the service still owes for what it accepted, in two parts: outbox entries not yet published to Kafka
 * (intake's own promise: accepted feedback goes out), and records on the topics its consumers read (its own
 * {@code feedback.votes}, for the tallies) that they have not yet committed. A rate whose outbox outlasts the load
 * by seconds is not one intake keeps up with, however fast it answers; the consumers' lag is downstream work that
 * competes for the same cores, reported beside it.
 */
final class Backlog implements AutoCloseable {

    private static final long POLL_MILLIS = 100;

    private final Admin kafka;
    private final MongoDatabase store;
    private final List<String> outboxes;

    /** @param outboxes the store's collections whose documents are pending while {@code published} is false */
    Backlog(String bootstrapServers, MongoDatabase store, List<String> outboxes) {
        this.kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.store = store;
        this.outboxes = outboxes;
    }

    /** Outbox entries pending. */
    long outbox() {
        long size = 0;
        for (String outbox : outboxes) {
            size += store.getCollection(outbox).countDocuments(new Document("published", false));
        }
        return size;
    }

    /** Records every consumer group has yet to commit. */
    long lag() throws Exception {
        long size = 0;
        for (GroupListing group : kafka.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = kafka.listOffsets(latest).all().get();
            for (var partition : committed.entrySet()) {
                if (partition.getValue() != null) {
                    size += ends.get(partition.getKey()).offset() - partition.getValue().offset();
                }
            }
        }
        return size;
    }

    /** @return the seconds until the outbox was empty, or the limit if it still was not then */
    double awaitOutbox(double limitSeconds) throws Exception {
        return awaitZero(this::outbox, limitSeconds);
    }

    /** @return the seconds until no consumer lagged, or the limit if one still did then */
    double awaitLag(double limitSeconds) throws Exception {
        return awaitZero(this::lag, limitSeconds);
    }

    private interface Size {
        long get() throws Exception;
    }

    private static double awaitZero(Size size, double limitSeconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + (long) (limitSeconds * 1e9);
        while (size.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return limitSeconds;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        kafka.close();
    }
}

package org.erratum.feedback.vote;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.erratum.platform.migration.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counts the reasons of the votes tallied before the tallies counted reasons, once, so an upgraded store keeps its
 * figures. Runs before the vote consumer starts (singletons are ready before any binding starts), and is safe to run
 * again and on several instances at once:
 * <ol>
 * <li>each such vote's state learns its reason, from the stored vote when that is still the event counted (a vote
 * replaced since is counted without a reason, and its replacement, still on its way, counts its own), once: only a
 * state that does not know it yet is written, so the reasons found stay what they were;</li>
 * <li>every revision tally takes the sum of its votes' reasons found so, once (the step is named);</li>
 * <li>a marker records that it finished, after which nothing is read.</li>
 * </ol>
 * Instances of the version before must be stopped first: a vote they tally would be counted without its reason.
 */
@Component
class ReasonBackfill implements SmartInitializingSingleton {

    static final String MIGRATION = "reasons-from-tallied-votes";
    private static final String FOUND = "reasonFoundBy";
    private static final Logger log = LoggerFactory.getLogger(ReasonBackfill.class);

    private final MongoTemplate mongo;
    private final VoteTallies tallies;

    ReasonBackfill(MongoTemplate mongo, VoteTallies tallies) {
        this.mongo = mongo;
        this.tallies = tallies;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run(MIGRATION);
    }

    /** @param migration names the marker and, in each tally it adds to, the step */
    void run(String migration) {
        Migrations.once(mongo, migration, () -> backfill(migration));
    }

    private Document backfill(String migration) {
        mongo.updateMulti(query(where("reasonKnown").ne(true).and("helpful").is(true)),
                new Update().set("reasonKnown", true), TalliedVote.class);
        for (TalliedVote unknown : mongo.find(query(where("reasonKnown").ne(true)), TalliedVote.class)) {
            Vote stored = mongo.findById(unknown.id(), Vote.class);
            boolean stillCounted = stored != null && stored.eventId().equals(unknown.eventId());
            Update found = new Update().set("reasonKnown", true).set(FOUND, migration);
            if (stillCounted && stored.reason() != null) {
                found.set("reason", stored.reason().name());
            }
            mongo.updateFirst(query(where("_id").is(unknown.id()).and("eventId").is(unknown.eventId())
                    .and("reasonKnown").ne(true)), found, TalliedVote.class);
        }
        Map<Revision, Map<String, Long>> reasons = new HashMap<>();
        var withReason = query(where(FOUND).is(migration).and("reason").ne(null));
        withReason.fields().include("articleId", "revision", "reason");
        for (Document vote : mongo.find(withReason, Document.class, mongo.getCollectionName(TalliedVote.class))) {
            reasons.computeIfAbsent(new Revision(vote.getString("articleId"), vote.getInteger("revision")),
                    r -> new HashMap<>()).merge("reasons." + vote.getString("reason"), 1L, Long::sum);
        }
        reasons.forEach((revision, counts) -> tallies.addOnce(migration, revision.articleId(), revision.number(),
                counts));
        if (!reasons.isEmpty()) {
            log.info("Counted the reasons of votes tallied before reasons were into {} revision tallies",
                    reasons.size());
        }
        return new Document("revisions", reasons.size());
    }

    private record Revision(String articleId, int number) {
    }
}

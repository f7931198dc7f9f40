package org.erratum.review.helpfulness;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.erratum.platform.migration.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Counts the votes stored before the tallies existed into them, once, so an upgraded store keeps its figures. Runs
 * before the vote consumer starts (singletons are ready before any binding starts), and is safe to run again and on
 * several instances at once: every tally takes the backfill's counts once (the step is named), and a marker records
 * that it finished, after which nothing is read. The old votes are those without an event id; every vote handled since
 * has one, and counts from the state it replaces, so an old vote replaced later moves its count like any other.
 * Instances of the version before the tallies must be stopped first: a vote they store is not counted.
 */
@Component
class TallyBackfill implements SmartInitializingSingleton {

    static final String MIGRATION = "tallies-from-latest-votes";
    private static final Logger log = LoggerFactory.getLogger(TallyBackfill.class);

    private final MongoTemplate mongo;
    private final VoteTallies tallies;

    TallyBackfill(MongoTemplate mongo, VoteTallies tallies) {
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
        Map<Revision, long[]> perRevision = new HashMap<>();
        long[] site = new long[2];
        Query uncounted = Query.query(where("eventId").exists(false));
        uncounted.fields().include("articleId", "revision", "helpful");
        try (var votes = mongo.stream(uncounted, Document.class, mongo.getCollectionName(LatestVote.class))) {
            votes.forEach(vote -> {
                Revision revision = new Revision(vote.getString("articleId"), vote.getInteger("revision"));
                int answer = vote.getBoolean("helpful") ? 0 : 1;
                perRevision.computeIfAbsent(revision, r -> new long[2])[answer]++;
                site[answer]++;
            });
        }
        perRevision.forEach((revision, counts) -> tallies.addOnce(migration, revision.articleId(), revision.number(),
                counts[0], counts[1]));
        tallies.addToSiteOnce(migration, site[0], site[1]);
        if (site[0] + site[1] > 0) {
            log.info("Counted {} votes stored before the tallies into {} revision tallies", site[0] + site[1],
                    perRevision.size());
        }
        return new Document("votes", site[0] + site[1]);
    }

    private record Revision(String articleId, int number) {
    }
}

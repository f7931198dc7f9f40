package org.erratum.review.helpfulness;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * How readers rate one revision, and how every revision is scored: the one place that reads the votes for it, from
 * the tallies kept as votes arrive ({@link VoteTallies}), each by key.
 */
@Service
public class RevisionHelpfulness {

    private final MongoTemplate mongo;
    private final HelpfulnessProperties properties;
    private final SmoothedHelpfulness smoothing;

    RevisionHelpfulness(MongoTemplate mongo, HelpfulnessProperties properties, SmoothedHelpfulness smoothing) {
        this.mongo = mongo;
        this.properties = properties;
        this.smoothing = smoothing;
    }

    /** Each reader's latest vote on the revision, counted once. */
    public Votes of(String articleId, int revision) {
        RevisionTally tally = mongo.findById(RevisionTally.idOf(articleId, revision), RevisionTally.class);
        return tally == null ? new Votes(0, 0) : new Votes(tally.yes(), tally.no());
    }

    /** The votes on each of these revisions, their tallies read by key in one go. */
    Map<Revision, Votes> of(Collection<Revision> revisions) {
        List<String> ids = revisions.stream().map(r -> RevisionTally.idOf(r.articleId(), r.number())).toList();
        Map<String, Votes> kept = new HashMap<>();
        mongo.find(Query.query(where("_id").in(ids)), RevisionTally.class)
                .forEach(tally -> kept.put(tally.id(), new Votes(tally.yes(), tally.no())));
        Map<Revision, Votes> votes = new LinkedHashMap<>();
        revisions.forEach(r -> votes.put(r, kept.getOrDefault(RevisionTally.idOf(r.articleId(), r.number()),
                new Votes(0, 0))));
        return votes;
    }

    /** The prior weight at the site-wide helpful rate, or at the prior ratio until the site has enough votes. */
    public SmoothedHelpfulness smoothing() {
        SiteTally site = mongo.findById(SiteTally.ID, SiteTally.class);
        long yes = site == null ? 0 : site.yes();
        long no = site == null ? 0 : site.no();
        return yes + no < properties.minVotes() ? smoothing : smoothing.withPriorRatio((double) yes / (yes + no));
    }

    /** The tallies of revisions 1 to {@code latest} that have votes, oldest first, read by key. */
    List<RevisionTally> upTo(String articleId, int latest) {
        List<String> ids = IntStream.rangeClosed(1, latest).mapToObj(r -> RevisionTally.idOf(articleId, r)).toList();
        return mongo.find(Query.query(where("_id").in(ids)), RevisionTally.class).stream()
                .sorted((a, b) -> Integer.compare(a.revision(), b.revision())).toList();
    }

    /** One revision of an article. */
    record Revision(String articleId, int number) {
    }

    /** A revision's readers: how many found it helpful and how many did not. */
    public record Votes(long yes, long no) {

        public long total() {
            return yes + no;
        }
    }
}

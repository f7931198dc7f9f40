package org.erratum.review.signoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.erratum.events.ArticleSignedOff;
import org.erratum.events.ErratumEvent;
import org.erratum.events.Topics;
import org.erratum.platform.outbox.Outbox;
import org.erratum.platform.outbox.OutboxStore;
import org.erratum.platform.outbox.Outboxes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The sign-offs' outbox ({@code sign-offs}): a sign-off is stored with {@code published=false}, published on
 * {@code review.decisions} by the request that made it, and marked once Kafka acknowledged it; the relay publishes
 * any the request left. Consumers dedupe by event id (the sign-off's id), so a double publish is harmless.
 */
final class SignOffOutbox implements OutboxStore<SignOff> {

    private final MongoTemplate mongo;

    SignOffOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<SignOff> pending(Instant storedBefore, int limit) {
        return mongo.find(Query.query(where("published").is(false).and("reviewedAt").lte(storedBefore))
                .with(Sort.by("reviewedAt")).limit(limit), SignOff.class);
    }

    @Override
    public ErratumEvent eventOf(SignOff signOff) {
        return new ArticleSignedOff(UUID.fromString(signOff.id()), signOff.reviewedAt(), signOff.articleId(),
                signOff.revision(), signOff.reviewer(), signOff.reviewedAt(), signOff.itemId());
    }

    @Override
    public List<SignOff> markPublished(List<SignOff> acknowledged) {
        mongo.updateMulti(Query.query(where("_id").in(acknowledged.stream().map(SignOff::id).toList())),
                Update.update("published", true), SignOff.class);
        return List.of();
    }

    @Override
    public Backlog backlog() {
        Query pending = Query.query(where("published").is(false));
        long depth = mongo.count(pending, SignOff.class);
        if (depth == 0) {
            return Backlog.NONE;
        }
        return new Backlog(depth, Optional.ofNullable(mongo.findOne(pending.with(Sort.by("reviewedAt")).limit(1),
                SignOff.class)).map(SignOff::reviewedAt));
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {

        @Bean
        Outbox<SignOff> signOffOutbox(Outboxes outboxes, MongoTemplate mongo) {
            return outboxes.create("sign-offs", outboxes.topic(Topics.DECISIONS).build(), new SignOffOutbox(mongo));
        }
    }
}

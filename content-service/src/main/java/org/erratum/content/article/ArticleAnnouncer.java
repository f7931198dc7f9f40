package org.erratum.content.article;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.erratum.content.body.BodyText;
import org.erratum.events.ArticleChanged;
import org.erratum.platform.messaging.EventNotPublishedException;
import org.erratum.platform.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes an article's full state to the compacted {@code content.articles} topic and then clears the article's
 * outbox flag. A failed publish leaves the flag set for {@link AnnouncementRelay}.
 */
@Component
class ArticleAnnouncer {

    /** The output binding declared in application.yml, bound to {@code content.articles}. */
    static final String BINDING = "articles";

    private static final Logger log = LoggerFactory.getLogger(ArticleAnnouncer.class);

    private final EventPublisher publisher;
    private final ArticleStore store;

    ArticleAnnouncer(EventPublisher publisher, ArticleStore store) {
        this.publisher = publisher;
        this.store = store;
    }

    /** @return false when Kafka did not acknowledge; the change stays pending and the relay retries it */
    boolean announce(Article article) {
        Article state = article;
        try {
            publisher.publish(BINDING, changed(state));
            while (!store.markAnnounced(state.id(), state.version())) {
                // A newer change landed while we published. Its own announcement may already be on the topic,
                // behind ours now; compaction keeps the last record per key, so publish the newest state again.
                state = store.findById(state.id()).orElseThrow();
                publisher.publish(BINDING, changed(state));
            }
            return true;
        } catch (EventNotPublishedException e) {
            log.warn("Article {} version {} is saved but not announced yet; the relay will retry: {}", state.id(),
                    state.version(), e.getMessage());
            return false;
        }
    }

    static ArticleChanged changed(Article article) {
        RevisionNote note = article.latestRevision();
        return new ArticleChanged(eventId(article), article.changedAt(), article.id(), article.version(),
                article.lastChange(), article.slug(), article.title(), article.summary(),
                article.sections().stream().map(s -> new ArticleChanged.Section(s.heading(), s.body(),
                        BodyText.blocks(s.body(), article.references().size()))).toList(),
                article.references().stream().map(r -> new ArticleChanged.Reference(r.citation(), r.url())).toList(),
                article.authors(), article.revision(),
                new ArticleChanged.RevisionNote(note.revision(), note.changeSummary(), note.significance(),
                        note.at(), note.answersItem()),
                article.lastReviewedBy(), article.publishedAt(), article.lastModifiedAt(), article.lastReviewedAt(),
                article.nextReviewDue(), article.reviewIntervalMonths(), article.owner(), article.topics(),
                article.reviewRequest());
    }

    /** The same state always gets the same event id, so a republished state is recognisably a duplicate. */
    private static UUID eventId(Article article) {
        return UUID.nameUUIDFromBytes((article.id() + "@" + article.version()).getBytes(StandardCharsets.UTF_8));
    }
}

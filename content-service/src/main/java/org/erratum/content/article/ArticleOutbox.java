package org.erratum.content.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.erratum.content.body.BodyText;
import org.erratum.events.ArticleChanged;
import org.erratum.events.ErratumEvent;
import org.erratum.events.Topics;
import org.erratum.platform.outbox.Outbox;
import org.erratum.platform.outbox.OutboxStore;
import org.erratum.platform.outbox.Outboxes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The articles' outbox ({@code articles}): an article is its own outbox entry, its {@code announcePending} flag set by
 * the same update that changes it and cleared only once Kafka acknowledged that exact version of its full state on
 * the compacted {@code content.articles} topic. The request that changed it publishes it at once; the relay
 * publishes whatever that left pending.
 */
class ArticleOutbox implements OutboxStore<Article> {

    private final ArticleStore store;
    private final RevisionHistory history;

    ArticleOutbox(ArticleStore store, RevisionHistory history) {
        this.store = store;
        this.history = history;
    }

    @Override
    public List<Article> pending(Instant storedBefore, int limit) {
        List<Article> pending = store.pendingAnnouncements(storedBefore, limit);
        // the instance that saved a change may have stopped before it kept the revision's snapshot
        pending.forEach(history::record);
        return pending;
    }

    @Override
    public ErratumEvent eventOf(Article article) {
        return changed(article);
    }

    /**
     * A newer change may have landed while its older state was published: its own announcement may already be on
     * the topic, behind the older one now. Compaction keeps the last record per key, so the newest state goes out
     * again after it.
     */
    @Override
    public List<Article> markPublished(List<Article> acknowledged) {
        List<Article> newer = new ArrayList<>();
        for (Article article : acknowledged) {
            if (!store.markAnnounced(article.id(), article.version())) {
                store.findById(article.id()).ifPresent(newer::add);
            }
        }
        return newer;
    }

    @Override
    public Backlog backlog() {
        return store.announcementBacklog();
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

    @Configuration(proxyBeanMethods = false)
    static class Declaration {

        @Bean
        Outbox<Article> articleOutbox(Outboxes outboxes, ArticleStore store, RevisionHistory history) {
            return outboxes.create("articles", outboxes.topic(Topics.ARTICLES).compact().build(),
                    new ArticleOutbox(store, history));
        }
    }
}

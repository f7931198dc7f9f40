package org.erratum.content.article;

import org.erratum.content.config.ContentProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes changes that were saved but not acknowledged by Kafka (broker away, or the instance stopped between
 * saving and publishing). Safe on several instances at once: a state published twice carries the same version,
 * and consumers ignore versions they already hold.
 */
@Component
class AnnouncementRelay {

    private final ArticleStore store;
    private final RevisionHistory history;
    private final ArticleAnnouncer announcer;
    private final ContentProperties properties;

    AnnouncementRelay(ArticleStore store, RevisionHistory history, ArticleAnnouncer announcer,
            ContentProperties properties) {
        this.store = store;
        this.history = history;
        this.announcer = announcer;
        this.properties = properties;
    }

    // the placeholder default matches ContentProperties#announceRelayInterval
    @Scheduled(fixedDelayString = "${erratum.content.announce-relay-interval:5s}",
            initialDelayString = "${erratum.content.announce-relay-interval:5s}")
    void announcePending() {
        for (Article article : store.pendingAnnouncements(properties.announceRelayBatch())) {
            // the instance that saved this change may have stopped before it kept the revision's snapshot
            history.record(article);
            if (!announcer.announce(article)) {
                return; // the broker is away: the rest would fail the same way, try again on the next run
            }
        }
    }
}

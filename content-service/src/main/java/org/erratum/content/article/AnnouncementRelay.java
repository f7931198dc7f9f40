package org.erratum.content.article;

import org.erratum.content.config.ContentProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.stereotype.Component;

/**
 * Publishes changes that were saved but not acknowledged by Kafka (broker away, or the instance stopped between
 * saving and publishing). Safe on several instances at once: a state published twice carries the same version,
 * and consumers ignore versions they already hold.
 */
@Component
class AnnouncementRelay implements SchedulingConfigurer {

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

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::announcePending, properties.announceRelayInterval(),
                properties.announceRelayInterval()));
    }

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

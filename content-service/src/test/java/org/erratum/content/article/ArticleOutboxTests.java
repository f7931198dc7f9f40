package org.erratum.content.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.erratum.events.ArticleChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The articles' outbox rules, with the store replaced by a stand-in. */
class ArticleOutboxTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    private final ArticleStore store = mock(ArticleStore.class);
    private final RevisionHistory history = mock(RevisionHistory.class);
    private final ArticleOutbox outbox = new ArticleOutbox(store, history);

    private final Article version1 = Article.firstRevision("a-1", "slug",
            new ArticleContent("Title", "Summary", List.of(new Section("H", "B")), List.of(), List.of("A")),
            new ArticleSettings(null, 24, null), "editor", NOW);

    @Test
    void whenBrokerAcknowledgesThenTheOutboxFlagIsClearedForThatVersion() {
        when(store.markAnnounced("a-1", 1)).thenReturn(true);

        assertThat(outbox.markPublished(List.of(version1))).isEmpty();

        verify(store).markAnnounced("a-1", 1);
        verify(store, never()).findById("a-1");
    }

    @Test
    void whenANewerChangeLandsWhilePublishingThenTheNewestStateIsToBePublishedAfterIt() {
        Article version2 = new Article("a-1", "slug", "Title 2", "Summary", version1.sections(),
                version1.references(), version1.authors(), 2, 2, version1.latestRevision(), null, NOW, NOW, null,
                version1.nextReviewDue(), 24, ArticleChanged.Change.REVISED, NOW, true, null, null, null);
        when(store.markAnnounced("a-1", 1)).thenReturn(false);
        when(store.findById("a-1")).thenReturn(Optional.of(version2));

        assertThat(outbox.markPublished(List.of(version1))).containsExactly(version2);
        assertThat(((ArticleChanged) outbox.eventOf(version2)).version()).isEqualTo(2);
    }

    @Test
    void aPendingChangeIsRecordedInTheHistoryBeforeItIsRelayed() {
        when(store.pendingAnnouncements(NOW, 10)).thenReturn(List.of(version1));

        assertThat(outbox.pending(NOW, 10)).containsExactly(version1);

        verify(history).record(version1);
    }
}

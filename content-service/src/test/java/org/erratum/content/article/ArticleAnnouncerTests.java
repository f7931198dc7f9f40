package org.erratum.content.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.erratum.events.ArticleChanged;
import org.erratum.platform.messaging.EventNotPublishedException;
import org.erratum.platform.messaging.EventPublisher;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ArticleAnnouncerTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    private final EventPublisher publisher = mock(EventPublisher.class);
    private final ArticleStore store = mock(ArticleStore.class);
    private final ArticleAnnouncer announcer = new ArticleAnnouncer(publisher, store);

    private final Article version1 = Article.firstRevision("a-1", "slug",
            new ArticleContent("Title", "Summary", List.of(new Section("H", "B")), List.of(), List.of("A")),
            new ArticleSettings(null, 24, null), "editor", NOW);

    @Test
    void whenBrokerAcknowledgesThenTheOutboxFlagIsClearedForThatVersion() {
        when(store.markAnnounced("a-1", 1)).thenReturn(true);

        assertThat(announcer.announce(version1)).isTrue();

        verify(publisher).publish(eq(ArticleAnnouncer.BINDING), any(ArticleChanged.class));
        verify(store).markAnnounced("a-1", 1);
    }

    @Test
    void whenBrokerDoesNotAcknowledgeThenTheChangeStaysPendingForTheRelay() {
        doThrow(new EventNotPublishedException(ArticleAnnouncer.changed(version1), null))
                .when(publisher).publish(anyString(), any());

        assertThat(announcer.announce(version1)).isFalse();

        verify(store, never()).markAnnounced(anyString(), anyLong());
    }

    @Test
    void whenANewerChangeLandsWhilePublishingThenTheNewestStateIsPublishedLast() {
        Article version2 = new Article("a-1", "slug", "Title 2", "Summary", version1.sections(),
                version1.references(), version1.authors(), 2, 2, version1.latestRevision(), null, NOW, NOW, null,
                version1.nextReviewDue(), 24, ArticleChanged.Change.REVISED, NOW, true, null, null, null);
        when(store.markAnnounced("a-1", 1)).thenReturn(false);
        when(store.findById("a-1")).thenReturn(Optional.of(version2));
        when(store.markAnnounced("a-1", 2)).thenReturn(true);

        assertThat(announcer.announce(version1)).isTrue();

        ArgumentCaptor<ArticleChanged> published = ArgumentCaptor.forClass(ArticleChanged.class);
        verify(publisher, times(2)).publish(eq(ArticleAnnouncer.BINDING), published.capture());
        assertThat(published.getAllValues()).extracting(ArticleChanged::version).containsExactly(1L, 2L);
    }
}

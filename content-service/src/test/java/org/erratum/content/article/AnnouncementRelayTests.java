package org.erratum.content.article;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.erratum.content.config.ContentProperties;
import org.junit.jupiter.api.Test;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class AnnouncementRelayTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    private final ArticleStore store = mock(ArticleStore.class);
    private final RevisionHistory history = mock(RevisionHistory.class);
    private final ArticleAnnouncer announcer = mock(ArticleAnnouncer.class);
    private final AnnouncementRelay relay = new AnnouncementRelay(store, history, announcer,
            new ContentProperties(24, URI.create("http://localhost:8082"), Duration.ofSeconds(5), 10, Duration.ofDays(30),
                    URI.create("http://localhost:8083"), URI.create("http://localhost:8082")));

    private final Article first = article("a-1");
    private final Article second = article("a-2");

    @Test
    void pendingChangesAreRecordedInTheHistoryAndAnnounced() {
        when(store.pendingAnnouncements(10)).thenReturn(List.of(first, second));
        when(announcer.announce(first)).thenReturn(true);
        when(announcer.announce(second)).thenReturn(true);

        relay.announcePending();

        verify(history).record(first);
        verify(history).record(second);
        verify(announcer).announce(second);
    }

    @Test
    void whenTheBrokerIsAwayTheRunStopsAtTheFirstFailure() {
        when(store.pendingAnnouncements(10)).thenReturn(List.of(first, second));
        when(announcer.announce(first)).thenReturn(false);

        relay.announcePending();

        verify(announcer, never()).announce(second);
    }

    private static Article article(String id) {
        return Article.firstRevision(id, "slug-" + id, new ArticleContent("Title", "Summary",
                List.of(new Section("H", "B")), List.of(), List.of("Author")), new ArticleSettings(null, 24, null),
                "editor", NOW);
    }
}

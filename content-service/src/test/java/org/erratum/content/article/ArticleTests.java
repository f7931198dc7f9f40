package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ArticleChanged.Block;
import org.erratum.events.ArticleChanged.BlockType;
import org.erratum.events.ArticleChanged.Significance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleTests {

    private static final Instant NOW = Instant.parse("2026-01-31T10:00:00Z");
    private static final ArticleContent CONTENT = new ArticleContent("Title", "Summary",
            List.of(new Section("Heading", "Body")), null, List.of("Author"));

    @Test
    void firstRevisionIsPublishedUnreviewedWithReviewDueOneIntervalAfterPublication() {
        Article article = Article.firstRevision("a-1", "slug", CONTENT, 1, "editor", NOW);

        assertThat(article.revision()).isEqualTo(1);
        assertThat(article.version()).isEqualTo(1);
        assertThat(article.latestRevision()).isEqualTo(
                new RevisionNote(1, "First published", Significance.MAJOR, "editor", NOW));
        assertThat(article.lastReviewedBy()).isNull();
        assertThat(article.lastReviewedAt()).isNull();
        assertThat(article.nextReviewDue()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(article.publishedAt()).isEqualTo(NOW);
        assertThat(article.lastModifiedAt()).isEqualTo(NOW);
        assertThat(article.references()).isEmpty();
        assertThat(article.lastChange()).isEqualTo(ArticleChanged.Change.CREATED);
        assertThat(article.announcePending()).isTrue();
    }

    @Test
    void onlyMajorRevisionsAfterTheFirstAreCorrections() {
        assertThat(new RevisionNote(1, "First published", Significance.MAJOR, "e", NOW).isCorrection()).isFalse();
        assertThat(new RevisionNote(2, "Fixed a typo", Significance.MINOR, "e", NOW).isCorrection()).isFalse();
        assertThat(new RevisionNote(3, "Corrected a dose", Significance.MAJOR, "e", NOW).isCorrection()).isTrue();
    }

    @Test
    void announcedStateCarriesTheWholeArticleAndAStableEventIdPerVersion() {
        Article article = Article.firstRevision("a-1", "slug", CONTENT, 24, "editor", NOW);

        ArticleChanged changed = ArticleAnnouncer.changed(article);

        assertThat(changed.articleId()).isEqualTo("a-1");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.change()).isEqualTo(ArticleChanged.Change.CREATED);
        assertThat(changed.sections()).containsExactly(new ArticleChanged.Section("Heading", "Body"));
        Article rich = Article.firstRevision("a-2", "rich", new ArticleContent("Title", "Summary",
                List.of(new Section("Dose", "Take it **with** water [1].\n\n- once a day")),
                List.of(new Reference("A source.", null)), List.of("Author")), 24, "editor", NOW);
        assertThat(ArticleAnnouncer.changed(rich).sections()).containsExactly(new ArticleChanged.Section("Dose",
                "Take it **with** water [1].\n\n- once a day", List.of(
                        new Block(BlockType.PARAGRAPH, "Take it with water (1).", List.of()),
                        new Block(BlockType.BULLETED_LIST, "", List.of(
                                new Block(BlockType.ITEM, "once a day", List.of()))))));
        assertThat(changed.latestRevision())
                .isEqualTo(new ArticleChanged.RevisionNote(1, "First published", Significance.MAJOR, NOW));
        assertThat(changed.nextReviewDue()).isEqualTo(LocalDate.of(2028, 1, 31));
        assertThat(changed.occurredAt()).isEqualTo(NOW);
        assertThat(ArticleAnnouncer.changed(article).eventId()).isEqualTo(changed.eventId());
    }
}

package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ArticleChanged.Block;
import org.erratum.events.ArticleChanged.BlockType;
import org.erratum.events.ArticleChanged.Owner;
import org.erratum.events.ArticleChanged.Significance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleTests {

    private static final Instant NOW = Instant.parse("2026-01-31T10:00:00Z");
    private static final ArticleContent CONTENT = new ArticleContent("Title", "Summary",
            List.of(new Section("Heading", "Body")), null, List.of("Author"));
    private static final Owner OWNER = new Owner("Spine team", "spine@example.org");

    @Test
    void firstRevisionIsPublishedUnreviewedWithReviewDueOneIntervalAfterPublication() {
        Article article = Article.firstRevision("a-1", "slug", CONTENT, new ArticleSettings(null, 1, null), "editor", NOW);

        assertThat(article.revision()).isEqualTo(1);
        assertThat(article.version()).isEqualTo(1);
        assertThat(article.latestRevision()).isEqualTo(
                new RevisionNote(1, "First published", Significance.MAJOR, "editor", NOW, null));
        assertThat(article.lastReviewedBy()).isNull();
        assertThat(article.lastReviewedAt()).isNull();
        assertThat(article.nextReviewDue()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(article.publishedAt()).isEqualTo(NOW);
        assertThat(article.lastModifiedAt()).isEqualTo(NOW);
        assertThat(article.references()).isEmpty();
        assertThat(article.lastChange()).isEqualTo(ArticleChanged.Change.CREATED);
        assertThat(article.announcePending()).isTrue();
        assertThat(article.owner()).isNull();
        assertThat(article.topics()).isEmpty();
    }

    @Test
    void onlyMajorRevisionsAfterTheFirstAreCorrections() {
        assertThat(new RevisionNote(1, "First published", Significance.MAJOR, "e", NOW, null).isCorrection()).isFalse();
        assertThat(new RevisionNote(2, "Fixed a typo", Significance.MINOR, "e", NOW, null).isCorrection()).isFalse();
        assertThat(new RevisionNote(3, "Corrected a dose", Significance.MAJOR, "e", NOW, null).isCorrection()).isTrue();
    }

    @Test
    void announcedStateCarriesTheWholeArticleAndAStableEventIdPerVersion() {
        Article article = Article.firstRevision("a-1", "slug", CONTENT, new ArticleSettings(OWNER, 24,
                List.of(" Back Pain ", "muscles", "back pain")), "editor", NOW);

        ArticleChanged changed = ArticleOutbox.changed(article);

        assertThat(changed.articleId()).isEqualTo("a-1");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.change()).isEqualTo(ArticleChanged.Change.CREATED);
        assertThat(changed.sections()).containsExactly(new ArticleChanged.Section("Heading", "Body"));
        Article rich = Article.firstRevision("a-2", "rich", new ArticleContent("Title", "Summary",
                List.of(new Section("Dose", "Take it **with** water [1].\n\n- once a day")),
                List.of(new Reference("A source.", null)), List.of("Author")), new ArticleSettings(null, 24, null),
                "editor", NOW);
        assertThat(ArticleOutbox.changed(rich).sections()).containsExactly(new ArticleChanged.Section("Dose",
                "Take it **with** water [1].\n\n- once a day", List.of(
                        new Block(BlockType.PARAGRAPH, "Take it with water (1).", List.of()),
                        new Block(BlockType.BULLETED_LIST, "", List.of(
                                new Block(BlockType.ITEM, "once a day", List.of()))))));
        assertThat(changed.latestRevision())
                .isEqualTo(new ArticleChanged.RevisionNote(1, "First published", Significance.MAJOR, NOW));
        assertThat(changed.nextReviewDue()).isEqualTo(LocalDate.of(2028, 1, 31));
        assertThat(changed.occurredAt()).isEqualTo(NOW);
        assertThat(ArticleOutbox.changed(article).eventId()).isEqualTo(changed.eventId());
        assertThat(changed.owner()).isEqualTo(OWNER);
        assertThat(changed.topics()).as("trimmed, lower case, each once").containsExactly("back pain", "muscles");
        assertThat(changed.reviewIntervalMonths()).isEqualTo(24);
    }
}

package org.erratum.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ArticleChanged.Block;
import org.erratum.events.ArticleChanged.BlockType;
import org.erratum.events.ReportSubmitted;

/** Events as the other services would publish them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String newArticleId() {
        return UUID.randomUUID().toString();
    }

    public static ReportSubmitted report(String articleId, ReportSubmitted.Category category) {
        return new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, category,
                "Take two tablets every hour", "This dose looks wrong to me", false);
    }

    public static ArticleChanged article(String articleId, int revision, long version) {
        return article(articleId, revision, version, LocalDate.now().plusMonths(24));
    }

    public static ArticleChanged article(String articleId, int revision, long version, LocalDate nextReviewDue) {
        return article(articleId, revision, version, nextReviewDue,
                List.of(new ArticleChanged.Section("Dosage", "Take two tablets every four hours")));
    }

    /**
     * An article whose section has the structure of a real page: a paragraph, a sub-heading, numbered groups with
     * numbered sub-items and a callout, each block as content-service renders it as text.
     */
    public static ArticleChanged richArticle(String articleId) {
        Block walk = item("Walk a little every day");
        Block rest = item("Avoid bed rest (1)");
        Block ibuprofen = item("Ibuprofen, if it is safe for you");
        return article(articleId, 1, 1, LocalDate.now().plusMonths(24), List.of(new ArticleChanged.Section(
                "What helps", "(the editor's Markdown)", List.of(
                        new Block(BlockType.PARAGRAPH, "Most back pain gets better (1, 2).", List.of()),
                        new Block(BlockType.SUBHEADING, "Treatments", List.of()),
                        new Block(BlockType.NUMBERED_LIST, "", List.of(
                                item("Keep active", new Block(BlockType.NUMBERED_LIST, "", List.of(walk, rest))),
                                item("Ease the pain", new Block(BlockType.NUMBERED_LIST, "", List.of(ibuprofen))))),
                        new Block(BlockType.CALLOUT, "Get help now", List.of(
                                new Block(BlockType.PARAGRAPH, "Call 999 if you cannot pee.", List.of())))))));
    }

    /**
     * A revision of an article whose one section, "Dosage", holds these paragraphs; saved from a review item's
     * "Correct this article" when {@code answersItem} is given. Its version is its revision.
     */
    public static ArticleChanged revision(String articleId, int revision, String changeSummary, String answersItem,
            String... paragraphs) {
        Instant now = Instant.now();
        List<Block> blocks = Arrays.stream(paragraphs)
                .map(text -> new Block(BlockType.PARAGRAPH, text, List.of())).toList();
        return new ArticleChanged(UUID.randomUUID(), now, articleId, revision,
                revision == 1 ? ArticleChanged.Change.CREATED : ArticleChanged.Change.REVISED,
                "slug-" + articleId, "Paracetamol for adults", "How to take it",
                List.of(new ArticleChanged.Section("Dosage", String.join("\n\n", paragraphs), blocks)), List.of(),
                List.of("A. Writer"), revision,
                new ArticleChanged.RevisionNote(revision, changeSummary, ArticleChanged.Significance.MAJOR, now,
                        answersItem), null, now, now, null, LocalDate.now().plusMonths(24), 24);
    }

    /** An article with an owner, as content-service publishes it once an editor named one; a review request optional. */
    public static ArticleChanged owned(String articleId, long version, String title, LocalDate nextReviewDue,
            ArticleChanged.Owner owner, ArticleChanged.ReviewRequest request) {
        Instant now = Instant.now();
        return new ArticleChanged(UUID.randomUUID(), now, articleId, version,
                version == 1 ? ArticleChanged.Change.CREATED : ArticleChanged.Change.REVIEWED, "slug-" + articleId,
                title, "Summary", List.of(new ArticleChanged.Section("Dosage", "Take two tablets every four hours")),
                List.of(), List.of("A. Writer"), 1,
                new ArticleChanged.RevisionNote(1, "First", ArticleChanged.Significance.MINOR, now), null, now, now,
                null, nextReviewDue, 24, owner, List.of("pain"), request);
    }

    private static Block item(String text, Block... blocks) {
        return new Block(BlockType.ITEM, text, List.of(blocks));
    }

    private static ArticleChanged article(String articleId, int revision, long version, LocalDate nextReviewDue,
            List<ArticleChanged.Section> sections) {
        Instant now = Instant.now();
        return new ArticleChanged(UUID.randomUUID(), now, articleId, version,
                revision == 1 ? ArticleChanged.Change.CREATED : ArticleChanged.Change.REVISED,
                "slug-" + articleId, "Title r" + revision, "Summary", sections, List.of(),
                List.of("A. Writer"), revision,
                new ArticleChanged.RevisionNote(revision, "Edit", ArticleChanged.Significance.MINOR, now), null,
                now, now, null, nextReviewDue, 24);
    }
}

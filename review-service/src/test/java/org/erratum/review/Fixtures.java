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
import org.erratum.testsupport.ArticleStates;

/** Events as the other services would publish them; article states are built by test-support's ArticleStates. */
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
        List<Block> blocks = Arrays.stream(paragraphs)
                .map(text -> new Block(BlockType.PARAGRAPH, text, List.of())).toList();
        return ArticleStates.article(articleId).version(revision).revision(revision)
                .sections(List.of(new ArticleChanged.Section("Dosage", String.join("\n\n", paragraphs), blocks)))
                .note(changeSummary, ArticleChanged.Significance.MAJOR).answering(answersItem).build();
    }

    /** An article with an owner, as content-service publishes it once an editor named one; a review request optional. */
    public static ArticleChanged owned(String articleId, long version, String title, LocalDate nextReviewDue,
            ArticleChanged.Owner owner, ArticleChanged.ReviewRequest request) {
        return ArticleStates.article(articleId).version(version)
                .change(version == 1 ? ArticleChanged.Change.CREATED : ArticleChanged.Change.REVIEWED).title(title)
                .summary("Summary").note("First", ArticleChanged.Significance.MINOR).nextReviewDue(nextReviewDue)
                .owner(owner).topics(List.of("pain")).reviewRequest(request).build();
    }

    private static Block item(String text, Block... blocks) {
        return new Block(BlockType.ITEM, text, List.of(blocks));
    }

    private static ArticleChanged article(String articleId, int revision, long version, LocalDate nextReviewDue,
            List<ArticleChanged.Section> sections) {
        return ArticleStates.article(articleId).version(version).revision(revision).title("Title r" + revision)
                .summary("Summary").sections(sections).nextReviewDue(nextReviewDue).build();
    }
}

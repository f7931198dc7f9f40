package org.erratum.content.editor;

import java.time.Instant;
import java.util.List;

import org.erratum.content.article.ArticleRevision;
import org.erratum.content.article.Reference;
import org.erratum.content.article.Section;
import org.erratum.events.ArticleChanged.Significance;
import org.erratum.platform.diff.TextDiff.Kind;
import org.erratum.platform.diff.TextDiff.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionComparisonTests {

    private static final String BODY = """
            Rest first [1].

            ### Treatments

            1. **Keep active**
               - Walk daily.
            2. Ease the pain

            > **Get help now**
            > Call 999.""";

    @Test
    void eachBlockIsALineWithEnoughOfItsPlaceToReadOnItsOwn() {
        assertThat(RevisionComparison.lines(revision("Back pain", BODY))).containsExactly(
                "Title: Back pain",
                "Summary: What helps.",
                "Section: What to do",
                "Rest first (1).",
                "Sub-heading: Treatments",
                "1. Keep active",
                "    • Walk daily.",
                "2. Ease the pain",
                "Callout: Get help now",
                "    Call 999.",
                "Reference 1: A guideline. https://example.org/guideline",
                "Authors: Sam Carter");
    }

    @Test
    void aChangedWordIsMarkedWithinItsLineAndFarUnchangedLinesAreFolded() {
        RevisionComparison comparison = RevisionComparison.between(revision("Back pain", BODY),
                revision("Back pain", BODY.replace("Walk daily.", "Walk twice a day.")));

        assertThat(comparison.changed()).isTrue();
        assertThat(comparison.rows()).extracting(RevisionComparison.Row::folded)
                .containsExactly(5, 0, 0, 0, 4);
        RevisionComparison.Row changed = comparison.rows().get(2);
        assertThat(changed.kind()).isEqualTo(Kind.CHANGED);
        assertThat(changed.spans()).containsExactly(new Span(Kind.SAME, "    • Walk "),
                new Span(Kind.REMOVED, "daily."), new Span(Kind.ADDED, "twice a day."));
    }

    @Test
    void theSameTextIsNoChange() {
        RevisionComparison same = RevisionComparison.between(revision("T", BODY), revision("T", BODY));

        assertThat(same.changed()).isFalse();
        assertThat(same.rows()).singleElement().satisfies(row -> assertThat(row.folded()).isEqualTo(12));
    }

    private static ArticleRevision revision(String title, String body) {
        return new ArticleRevision("a:1", "a", 1, "First published", Significance.MAJOR, "editor", Instant.EPOCH,
                "slug", title, "What helps.", List.of(new Section("What to do", body)),
                List.of(new Reference("A guideline.", "https://example.org/guideline")), List.of("Sam Carter"), null);
    }
}

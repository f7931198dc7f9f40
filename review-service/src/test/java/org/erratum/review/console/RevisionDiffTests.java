package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.erratum.events.ArticleChanged.Block;
import org.erratum.events.ArticleChanged.BlockType;
import org.erratum.events.ArticleChanged.Section;
import org.erratum.platform.diff.TextDiff;
import org.erratum.platform.diff.TextDiff.Kind;
import org.erratum.review.article.RevisionText;
import org.junit.jupiter.api.Test;

class RevisionDiffTests {

    private static RevisionText revision(int number, Block... blocks) {
        return new RevisionText("a:" + number, "a", number, "Back pain", "What helps",
                List.of(new Section("Treatments", "(Markdown)", List.of(blocks))), null, null, null);
    }

    private static Block paragraph(String text) {
        return new Block(BlockType.PARAGRAPH, text, List.of());
    }

    private static Block list(Block... items) {
        return new Block(BlockType.NUMBERED_LIST, "", List.of(items));
    }

    private static Block item(String text, Block... nested) {
        return new Block(BlockType.ITEM, text, List.of(nested));
    }

    private static String text(RevisionDiff.Line line) {
        return line.spans().stream().map(TextDiff.Span::text).reduce("", String::concat);
    }

    @Test
    void aChangedListItemIsShownWordByWordWithItsKindAndDepthAndTheRestFolds() {
        RevisionText before = revision(1, paragraph("Most back pain gets better."),
                list(item("Keep active", list(item("Avoid bed rest for days")))));
        RevisionText after = revision(2, paragraph("Most back pain gets better."),
                list(item("Keep active", list(item("Avoid bed rest for more than a day")))));

        RevisionDiff diff = RevisionDiff.between(before, after);

        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isEqualTo(2);
        assertThat(diff.changes()).isEqualTo(1);
        // title, summary, heading and the paragraph fold into one count; the item above the change stays as context
        assertThat(diff.lines()).extracting(RevisionDiff.Line::folded).containsExactly(4, 0, 0);
        RevisionDiff.Line context = diff.lines().get(1);
        assertThat(context.change()).isEqualTo(Kind.SAME);
        assertThat(context.block()).isEqualTo("List item");
        assertThat(context.depth()).isEqualTo(1);
        RevisionDiff.Line changed = diff.lines().get(2);
        assertThat(changed.change()).isEqualTo(Kind.CHANGED);
        assertThat(changed.depth()).isEqualTo(2);
        assertThat(changed.label()).isEqualTo("Changed");
        assertThat(changed.spans()).extracting(TextDiff.Span::kind).contains(Kind.REMOVED, Kind.ADDED);
        assertThat(changed.spans()).filteredOn(span -> span.kind() == Kind.REMOVED).extracting(TextDiff.Span::text)
                .containsExactly("days");
    }

    @Test
    void anItemAddedAboveOthersDoesNotMakeThemReadAsChanged() {
        RevisionText before = revision(1, list(item("Walk"), item("Swim")));
        RevisionText after = revision(2, list(item("Stretch"), item("Walk"), item("Swim")));

        RevisionDiff diff = RevisionDiff.between(before, after);

        assertThat(diff.lines()).filteredOn(line -> !line.fold())
                .extracting(RevisionDiff.Line::change, RevisionDiffTests::text)
                .containsExactly(tuple(Kind.SAME, "Treatments"),
                        tuple(Kind.ADDED, "Stretch"),
                        tuple(Kind.SAME, "Walk"));
    }

    @Test
    void withoutAnEarlierRevisionEverythingIsNew() {
        RevisionDiff diff = RevisionDiff.between(null, revision(3, paragraph("Keep active.")));

        assertThat(diff.from()).isNull();
        assertThat(diff.lines()).extracting(RevisionDiff.Line::change).containsOnly(Kind.ADDED);
        assertThat(diff.lines()).extracting(RevisionDiffTests::text)
                .containsExactly("Back pain", "What helps", "Treatments", "Keep active.");
    }

    @Test
    void theSameTextTwiceHasNoLines() {
        RevisionDiff diff = RevisionDiff.between(revision(1, paragraph("Rest.")), revision(2, paragraph("Rest.")));

        assertThat(diff.available()).isTrue();
        assertThat(diff.lines()).isEmpty();
        assertThat(diff.changes()).isZero();
    }
}

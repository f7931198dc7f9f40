package org.erratum.platform.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.erratum.platform.diff.TextDiff.Kind;
import org.erratum.platform.diff.TextDiff.Line;
import org.erratum.platform.diff.TextDiff.Span;
import org.junit.jupiter.api.Test;

class TextDiffTests {

    @Test
    void aChangedLineShowsTheWordsThatWentAndCame() {
        List<Line> diff = TextDiff.between(
                List.of("Dosage", "Take 1 g every 4 to 6 hours."),
                List.of("Dosage", "Take 1 g every 4 to 6 hours, no more than 4 g in 24 hours."));

        assertThat(diff.get(0)).isEqualTo(new Line(Kind.SAME, List.of(new Span(Kind.SAME, "Dosage"))));
        assertThat(diff.get(1).kind()).isEqualTo(Kind.CHANGED);
        assertThat(diff.get(1).spans()).containsExactly(
                new Span(Kind.SAME, "Take 1 g every 4 to 6 "),
                new Span(Kind.ADDED, "hours, no more than 4 g in 24 "),
                new Span(Kind.SAME, "hours."));
        assertThat(TextDiff.changed(diff)).isTrue();
    }

    @Test
    void aReplacedWordIsRemovedThenAdded() {
        List<Span> spans = TextDiff.between(List.of("Take 2 tablets daily."), List.of("Take 1 tablet daily."))
                .get(0).spans();

        assertThat(spans).containsExactly(new Span(Kind.SAME, "Take "), new Span(Kind.REMOVED, "2 tablets"),
                new Span(Kind.ADDED, "1 tablet"), new Span(Kind.SAME, " daily."));
    }

    @Test
    void addedAndRemovedLinesAreWhole() {
        List<Line> diff = TextDiff.between(List.of("a", "b", "c"), List.of("a", "c", "d"));

        assertThat(diff).extracting(Line::kind).containsExactly(Kind.SAME, Kind.REMOVED, Kind.SAME, Kind.ADDED);
        assertThat(diff.get(1).spans()).containsExactly(new Span(Kind.REMOVED, "b"));
        assertThat(diff.get(3).spans()).containsExactly(new Span(Kind.ADDED, "d"));
    }

    @Test
    void theSpansOfAChangedLineReadBackAsEitherText() {
        String before = "Ibuprofen  can upset the stomach; take it with food.";
        String after = "Ibuprofen can upset the stomach, so take it with or after food.";

        Line line = TextDiff.between(List.of(before), List.of(after)).get(0);

        assertThat(text(line, Kind.ADDED)).isEqualTo(after);
        assertThat(text(line, Kind.REMOVED)).isEqualTo(before);
    }

    @Test
    void identicalTextsHaveNoChange() {
        List<String> text = List.of("One", "Two");

        assertThat(TextDiff.changed(TextDiff.between(text, text))).isFalse();
        assertThat(TextDiff.between(List.of(), List.of())).isEmpty();
    }

    /** The line as it reads on one side: its unchanged spans plus that side's own. */
    private static String text(Line line, Kind side) {
        StringBuilder text = new StringBuilder();
        line.spans().stream().filter(span -> span.kind() == Kind.SAME || span.kind() == side)
                .forEach(span -> text.append(span.text()));
        return text.toString();
    }
}

package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlighterTests {

    @Test
    void anExactPassageIsMarkedAndTheRestStaysPlain() {
        assertThat(Highlighter.highlight("Take one tablet every 4 to 6 hours.", List.of("every 4 to 6 hours")))
                .containsExactly(new Segment("Take one tablet ", false), new Segment("every 4 to 6 hours", true),
                        new Segment(".", false));
    }

    @Test
    void everyOccurrenceIsMarked() {
        assertThat(Highlighter.highlight("dose, dose", List.of("dose"))).containsExactly(
                new Segment("dose", true), new Segment(", ", false), new Segment("dose", true));
    }

    @Test
    void overlappingPassagesFormOneMark() {
        assertThat(Highlighter.highlight("abcdef", List.of("bcd", "cde"))).containsExactly(
                new Segment("a", false), new Segment("bcde", true), new Segment("f", false));
    }

    @Test
    void surroundingWhitespaceOfACopiedSelectionIsIgnoredButNothingElse() {
        assertThat(Highlighter.highlight("Two tablets", List.of("  Two tablets\n"))).containsExactly(
                new Segment("Two tablets", true));
        assertThat(Highlighter.highlight("Two tablets", List.of("two tablets"))).containsExactly(
                new Segment("Two tablets", false));
    }

    @Test
    void blankOrMissingPassagesMarkNothing() {
        assertThat(Highlighter.highlight("Text", java.util.Arrays.asList(null, "", "   "))).containsExactly(
                new Segment("Text", false));
        assertThat(Highlighter.highlight(null, List.of("x"))).isEmpty();
    }

    @Test
    void markupInTheTextOrPassageIsJustCharacters() {
        String text = "Avoid <b>alcohol</b>";

        assertThat(Highlighter.highlight(text, List.of("<b>alcohol</b>"))).containsExactly(
                new Segment("Avoid ", false), new Segment("<b>alcohol</b>", true));
    }

    @Test
    void containsFindsOnlyPassagesThatAreThere() {
        assertThat(Highlighter.contains("Take two tablets", " two tablets ")).isTrue();
        assertThat(Highlighter.contains("Take two tablets", "three tablets")).isFalse();
        assertThat(Highlighter.contains("Take two tablets", null)).isFalse();
    }
}

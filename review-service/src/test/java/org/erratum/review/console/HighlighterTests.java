package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class HighlighterTests {

    private static List<Segment> one(String text, String... passages) {
        return Highlighter.highlight(List.of(text), List.of(passages)).texts().get(0);
    }

    @Test
    void anExactPassageIsMarkedAndTheRestStaysPlain() {
        assertThat(one("Take one tablet every 4 to 6 hours.", "every 4 to 6 hours"))
                .containsExactly(new Segment("Take one tablet ", false), new Segment("every 4 to 6 hours", true),
                        new Segment(".", false));
    }

    @Test
    void everyOccurrenceIsMarked() {
        assertThat(one("dose, dose", "dose")).containsExactly(
                new Segment("dose", true), new Segment(", ", false), new Segment("dose", true));
    }

    @Test
    void overlappingPassagesFormOneMark() {
        assertThat(one("abcdef", "bcd", "cde")).containsExactly(
                new Segment("a", false), new Segment("bcde", true), new Segment("f", false));
    }

    @Test
    void whitespaceOfACopiedSelectionMatchesAnyWhitespaceButNothingElseIsLoose() {
        assertThat(one("Two tablets", "  Two tablets\n")).containsExactly(new Segment("Two tablets", true));
        assertThat(one("Take two\n  tablets daily", "two tablets")).containsExactly(new Segment("Take ", false),
                new Segment("two\n  tablets", true), new Segment(" daily", false));
        assertThat(one("Take 2\u00a0tablets", "2 tablets")).containsExactly(new Segment("Take ", false),
                new Segment("2\u00a0tablets", true));
        assertThat(one("Two tablets", "two tablets")).containsExactly(new Segment("Two tablets", false));
        assertThat(one("Two tablets", "Twotablets")).containsExactly(new Segment("Two tablets", false));
    }

    @Test
    void aPassageSelectedAcrossBlocksIsMarkedInEachOfThem() {
        List<String> texts = List.of("Keep active", "Walk a little", "", "Avoid bed rest (3)", "Ease the pain");

        Highlighter.Highlights highlights = Highlighter.highlight(texts, List.of("little\n\nAvoid bed"));

        assertThat(highlights.texts()).containsExactly(
                List.of(new Segment("Keep active", false)),
                List.of(new Segment("Walk a ", false), new Segment("little", true)),
                List.of(),
                List.of(new Segment("Avoid bed", true), new Segment(" rest (3)", false)),
                List.of(new Segment("Ease the pain", false)));
        assertThat(highlights.found()).containsExactly("little\n\nAvoid bed");
    }

    @Test
    void theBoundaryBetweenBlocksIsAsSpaceNotAsNothing() {
        assertThat(Highlighter.highlight(List.of("Walk", "daily"), List.of("Walkdaily")).found()).isEmpty();
        assertThat(Highlighter.highlight(List.of("Walk ", " daily"), List.of("Walk daily")).texts()).containsExactly(
                List.of(new Segment("Walk", true), new Segment(" ", false)),
                List.of(new Segment(" ", false), new Segment("daily", true)));
    }

    @Test
    void blankOrMissingPassagesMarkNothing() {
        assertThat(Highlighter.highlight(List.of("Text"), Arrays.asList(null, "", "   ")).texts())
                .containsExactly(List.of(new Segment("Text", false)));
        assertThat(Highlighter.highlight(Arrays.asList((String) null), List.of("x")).texts())
                .containsExactly(List.of());
    }

    @Test
    void markupInTheTextOrPassageIsJustCharacters() {
        assertThat(one("Avoid <b>alcohol</b>", "<b>alcohol</b>")).containsExactly(
                new Segment("Avoid ", false), new Segment("<b>alcohol</b>", true));
    }

    @Test
    void onlyPassagesThatAreThereAreFound() {
        Highlighter.Highlights highlights = Highlighter.highlight(List.of("Take two tablets"),
                List.of(" two tablets ", "three tablets"));

        assertThat(highlights.found()).containsExactly(" two tablets ");
    }
}

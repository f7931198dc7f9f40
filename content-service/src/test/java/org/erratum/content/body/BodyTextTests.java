package org.erratum.content.body;

import java.util.List;

import org.erratum.events.ArticleChanged.Block;
import org.erratum.events.ArticleChanged.BlockType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain text other services show and match readers' passages against: what the page reads as. */
class BodyTextTests {

    private static Block block(BlockType type, String text, Block... blocks) {
        return new Block(type, text, List.of(blocks));
    }

    @Test
    void blocksKeepTheStructureAndTheTextAsReadersReadIt() {
        String body = """
                Most back pain *gets better* [1, 2].\\
                Keep [moving](https://a.example).

                ### What helps

                1. **Stay active**
                   1. Walk
                   2. Avoid bed rest [2]

                      for long
                - One bullet

                > **Get help now**
                > Call 999.
                """;

        assertThat(BodyText.blocks(body, 2)).containsExactly(
                block(BlockType.PARAGRAPH, "Most back pain gets better (1, 2). Keep moving."),
                block(BlockType.SUBHEADING, "What helps"),
                block(BlockType.NUMBERED_LIST, "",
                        block(BlockType.ITEM, "Stay active",
                                block(BlockType.NUMBERED_LIST, "",
                                        block(BlockType.ITEM, "Walk"),
                                        block(BlockType.ITEM, "Avoid bed rest (2)",
                                                block(BlockType.PARAGRAPH, "for long"))))),
                block(BlockType.BULLETED_LIST, "", block(BlockType.ITEM, "One bullet")),
                block(BlockType.CALLOUT, "Get help now", block(BlockType.PARAGRAPH, "Call 999.")));
    }

    @Test
    void aPlainBodyIsOneParagraphAndMarkupOutsideTheFormatIsItsText() {
        assertThat(BodyText.blocks("Take one tablet\nwith water.", 0))
                .containsExactly(block(BlockType.PARAGRAPH, "Take one tablet with water."));
        assertThat(BodyText.blocks("Avoid <b>alcohol</b> [3]", 1))
                .containsExactly(block(BlockType.PARAGRAPH, "Avoid <b>alcohol</b> [3]"));
    }
}

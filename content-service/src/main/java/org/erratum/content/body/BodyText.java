package org.erratum.content.body;

import java.util.List;
import java.util.stream.Collectors;

import org.erratum.content.body.Body.Block;
import org.erratum.content.body.Body.Callout;
import org.erratum.content.body.Body.Citation;
import org.erratum.content.body.Body.Inline;
import org.erratum.content.body.Body.Item;
import org.erratum.content.body.Body.ListBlock;
import org.erratum.content.body.Body.Paragraph;
import org.erratum.content.body.Body.Subheading;
import org.erratum.events.ArticleChanged;
import org.erratum.events.ArticleChanged.BlockType;

/**
 * A section body as plain text, block by block, the way a reader reads it on the page (citations as "(1, 2)"):
 * what {@code content.articles} carries for other services to show, and to find quoted passages in.
 */
public final class BodyText {

    private BodyText() {
    }

    public static List<ArticleChanged.Block> blocks(String body, int references) {
        return blocks(MarkdownReader.read(body, references, MarkdownReader.ANY_DEPTH).body().blocks());
    }

    private static List<ArticleChanged.Block> blocks(List<Block> blocks) {
        return blocks.stream().map(BodyText::block).toList();
    }

    private static ArticleChanged.Block block(Block block) {
        if (block instanceof Paragraph paragraph) {
            return new ArticleChanged.Block(BlockType.PARAGRAPH, text(paragraph.content()), List.of());
        }
        if (block instanceof Subheading subheading) {
            return new ArticleChanged.Block(BlockType.SUBHEADING, text(subheading.content()), List.of());
        }
        if (block instanceof ListBlock list) {
            return new ArticleChanged.Block(list.numbered() ? BlockType.NUMBERED_LIST : BlockType.BULLETED_LIST, "",
                    list.items().stream().map(BodyText::item).toList());
        }
        Callout callout = (Callout) block;
        return new ArticleChanged.Block(BlockType.CALLOUT, text(callout.title()), blocks(callout.blocks()));
    }

    private static ArticleChanged.Block item(Item item) {
        return new ArticleChanged.Block(BlockType.ITEM, text(item.content()), blocks(item.blocks()));
    }

    static String text(List<Inline> content) {
        return content.stream().map(BodyText::text).collect(Collectors.joining());
    }

    private static String text(Inline inline) {
        if (inline instanceof Body.Text text) {
            return text.text();
        }
        if (inline instanceof Body.Strong strong) {
            return text(strong.content());
        }
        if (inline instanceof Body.Emphasis emphasis) {
            return text(emphasis.content());
        }
        if (inline instanceof Body.Link link) {
            return text(link.content());
        }
        if (inline instanceof Citation citation) {
            return citation.references().stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        }
        return " "; // a line break
    }
}

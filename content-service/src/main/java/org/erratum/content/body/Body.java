package org.erratum.content.body;

import java.util.List;

/**
 * A section body as readers see it: the blocks and inline content of the format, and nothing else. Whatever the
 * editor wrote outside the format is either refused on save ({@link BodyRules}) or already turned into plain text
 * here, so the renderers downstream cannot produce anything the format does not have.
 */
record Body(List<Block> blocks) {

    sealed interface Block permits Paragraph, Subheading, ListBlock, Callout {
    }

    record Paragraph(List<Inline> content) implements Block {
    }

    record Subheading(List<Inline> content) implements Block {
    }

    record ListBlock(boolean numbered, List<Item> items) implements Block {
    }

    /** @param content the item's own text; {@code blocks} its further paragraphs and nested lists */
    record Item(List<Inline> content, List<Block> blocks) {
    }

    /** A titled note set apart from the text, such as "Get help now". */
    record Callout(List<Inline> title, List<Block> blocks) implements Block {
    }

    sealed interface Inline permits Text, Strong, Emphasis, Link, Citation, LineBreak {
    }

    record Text(String text) implements Inline {
    }

    record Strong(List<Inline> content) implements Inline {
    }

    record Emphasis(List<Inline> content) implements Inline {
    }

    /** @param href an http(s) or mailto address, checked when read */
    record Link(String href, List<Inline> content) implements Inline {
    }

    /** @param references the cited reference numbers, each between 1 and the article's reference count */
    record Citation(List<Integer> references) implements Inline {
    }

    record LineBreak() implements Inline {
    }
}

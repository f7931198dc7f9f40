package org.erratum.content.body;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.erratum.content.body.Body.Block;
import org.erratum.content.body.Body.Callout;
import org.erratum.content.body.Body.Citation;
import org.erratum.content.body.Body.Inline;
import org.erratum.content.body.Body.Item;
import org.erratum.content.body.Body.LineBreak;
import org.erratum.content.body.Body.Subheading;

/**
 * Reads what an editor wrote (CommonMark) into a {@link Body}, keeping to the format and noting every place that
 * is outside it. Whatever is outside it still becomes something harmless (its literal text, or nothing), so a
 * body stored before the format existed, or under other limits, always renders.
 */
final class MarkdownReader {

    /**
     * The parser's own caps, far above anything the format allows: deeper markers stay literal text, so hostile
     * nesting cannot build a deep tree (and this reader's recursion stays shallow).
     */
    private static final int MAX_OPEN_BLOCKS = 16;
    private static final int MAX_INLINE_NESTING = 16;

    /** Lenient reading keeps every list the parser built. */
    static final int ANY_DEPTH = MAX_OPEN_BLOCKS;

    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .maxOpenBlockParsers(MAX_OPEN_BLOCKS)
            .maxInlineNesting(MAX_INLINE_NESTING)
            .build();

    /** {@code [1]} or {@code [1, 2]}: always a citation, never a link (link reference definitions are refused). */
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,4}(?:\\s*,\\s*\\d{1,4})*)]");
    private static final Pattern CITED_NUMBER = Pattern.compile("\\d+");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)(https?://|mailto:)[^\\s\\p{Cntrl}]+");

    static final String RAW_HTML = "raw HTML is not allowed: write Markdown (**bold**, *italic*, [text](https://…)),"
            + " and \\< for a < sign before a letter";

    private enum Place { TOP, CALLOUT, ITEM }

    /** @param problems where the body leaves the format, each starting with its line, in reading order */
    record Read(Body body, List<String> problems) {
    }

    private final int references;
    private final int maxListDepth;
    private final Set<String> problems = new LinkedHashSet<>();

    private MarkdownReader(int references, int maxListDepth) {
        this.references = references;
        this.maxListDepth = maxListDepth;
    }

    /**
     * @param references   how many references the article lists: a citation must name one of them
     * @param maxListDepth lists nested deeper than this are noted as problems
     */
    static Read read(String source, int references, int maxListDepth) {
        MarkdownReader reader = new MarkdownReader(references, maxListDepth);
        List<Block> blocks = new ArrayList<>();
        for (Node node : children(PARSER.parse(source == null ? "" : source))) {
            reader.block(node, blocks, Place.TOP, 0);
        }
        return new Read(new Body(List.copyOf(blocks)), List.copyOf(reader.problems));
    }

    private void block(Node node, List<Block> into, Place place, int listDepth) {
        if (node instanceof Paragraph) {
            into.add(new Body.Paragraph(inlines(node, false)));
        } else if (node instanceof ListBlock list) {
            into.add(list(list, listDepth + 1));
        } else if (node instanceof Heading heading) {
            subheading(heading, into, place);
        } else if (node instanceof BlockQuote quote) {
            callout(quote, into, place, listDepth);
        } else if (node instanceof HtmlBlock html) {
            problem(node, RAW_HTML);
            into.add(literal(html.getLiteral()));
        } else if (node instanceof FencedCodeBlock code) {
            problem(node, "code blocks are not part of the format");
            into.add(literal(code.getLiteral()));
        } else if (node instanceof IndentedCodeBlock code) {
            problem(node, "a line indented by four spaces or more starts a code block, which is not part of the"
                    + " format; indent list items under their parent by two or three spaces");
            into.add(literal(code.getLiteral()));
        } else if (node instanceof ThematicBreak) {
            problem(node, "horizontal rules are not part of the format: start a new section instead");
        } else if (node instanceof LinkReferenceDefinition) {
            problem(node, "link definitions ([name]: address) are not part of the format: write links as"
                    + " [text](https://…), and [1] to cite reference 1");
        } else {
            problem(node, "this kind of block is not part of the format");
        }
    }

    private void subheading(Heading heading, List<Block> into, Place place) {
        if (place != Place.TOP) {
            problem(heading, "a sub-heading cannot be inside a list or a callout");
        } else if (heading.getLevel() < 3) {
            problem(heading, "start a sub-heading with ### (the section's heading is its title; a line of --- or"
                    + " === under text also makes a heading)");
        } else if (heading.getLevel() > 3) {
            problem(heading, "sub-headings have one level: start them with ###");
        }
        List<Inline> content = inlines(heading, false);
        into.add(place == Place.TOP ? new Subheading(content) : new Body.Paragraph(content));
    }

    private Body.ListBlock list(ListBlock list, int depth) {
        if (depth > maxListDepth) {
            problem(list, "lists nest at most " + maxListDepth + " levels deep");
        }
        if (list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                && ordered.getMarkerStartNumber() != 1) {
            problem(list, "a numbered list starts at 1 (its items number themselves)");
        }
        List<Item> items = new ArrayList<>();
        for (Node item : children(list)) {
            if (item instanceof ListItem) {
                items.add(item((ListItem) item, depth));
            }
        }
        return new Body.ListBlock(list instanceof OrderedList, List.copyOf(items));
    }

    private Item item(ListItem item, int depth) {
        List<Inline> content = List.of();
        List<Block> blocks = new ArrayList<>();
        for (Node child : children(item)) {
            if (child instanceof Paragraph && content.isEmpty() && blocks.isEmpty()) {
                content = inlines(child, false);
            } else {
                block(child, blocks, Place.ITEM, depth);
            }
        }
        return new Item(content, List.copyOf(blocks));
    }

    /** A quote whose first line is a bold title: {@code > **Get help now**}. */
    private void callout(BlockQuote quote, List<Block> into, Place place, int listDepth) {
        Node first = quote.getFirstChild();
        Node title = first instanceof Paragraph ? first.getFirstChild() : null;
        boolean titled = title instanceof StrongEmphasis && (title.getNext() == null
                || title.getNext() instanceof SoftLineBreak || title.getNext() instanceof HardLineBreak);
        if (place != Place.TOP || !titled) {
            problem(quote, place != Place.TOP ? "a callout cannot be inside a list or another callout"
                    : "a callout (a > quote) starts with its title in bold on a line of its own, e.g."
                            + " > **Get help now**");
            // its content, without the callout around it
            for (Node child : children(quote)) {
                block(child, into, place, listDepth);
            }
            return;
        }
        List<Block> blocks = new ArrayList<>();
        List<Inline> rest = title.getNext() == null ? List.of() : inlines(title.getNext().getNext(), null, false);
        if (!rest.isEmpty()) {
            blocks.add(new Body.Paragraph(rest));
        }
        for (Node child = first.getNext(); child != null; child = child.getNext()) {
            block(child, blocks, Place.CALLOUT, listDepth);
        }
        into.add(new Callout(inlines(title, false), List.copyOf(blocks)));
    }

    private List<Inline> inlines(Node parent, boolean inLink) {
        return inlines(parent.getFirstChild(), null, inLink);
    }

    /** The inline content from {@code first} up to (not including) {@code end}. */
    private List<Inline> inlines(Node first, Node end, boolean inLink) {
        List<Inline> content = new ArrayList<>();
        for (Node node = first; node != null && node != end; node = node.getNext()) {
            inline(node, content, inLink);
        }
        return List.copyOf(content);
    }

    private void inline(Node node, List<Inline> into, boolean inLink) {
        if (node instanceof Text text) {
            text(node, text.getLiteral(), into, inLink);
        } else if (node instanceof Code code) {
            into.add(new Body.Text(code.getLiteral())); // a code span is the way to write a literal [1]
        } else if (node instanceof StrongEmphasis) {
            into.add(new Body.Strong(inlines(node, inLink)));
        } else if (node instanceof Emphasis) {
            into.add(new Body.Emphasis(inlines(node, inLink)));
        } else if (node instanceof Link link) {
            link(link, into);
        } else if (node instanceof Image) {
            problem(node, "images are not part of the format");
            into.addAll(inlines(node, inLink)); // its description
        } else if (node instanceof SoftLineBreak) {
            into.add(new Body.Text(" "));
        } else if (node instanceof HardLineBreak) {
            into.add(new LineBreak());
        } else if (node instanceof HtmlInline html) {
            problem(node, RAW_HTML);
            into.add(new Body.Text(html.getLiteral()));
        } else {
            problem(node, "this kind of text is not part of the format");
        }
    }

    private void link(Link link, List<Inline> into) {
        List<Inline> content = inlines(link, true);
        String href = link.getDestination();
        if (!WEB_ADDRESS.matcher(href).matches()) {
            problem(link, "a link goes to an https://, http:// or mailto: address");
            into.addAll(content);
        } else if (content.isEmpty()) {
            problem(link, "a link needs text, as in [the leaflet](https://…)");
            into.add(new Body.Link(href, List.of(new Body.Text(href))));
        } else {
            into.add(new Body.Link(href, content));
        }
    }

    /** Text with its citations; inside a link a citation stays text, as a link cannot hold links. */
    private void text(Node node, String text, List<Inline> into, boolean inLink) {
        Matcher citation = CITATION.matcher(text);
        int from = 0;
        while (!inLink && citation.find()) {
            List<Integer> cited = CITED_NUMBER.matcher(citation.group(1)).results()
                    .map(number -> Integer.parseInt(number.group())).toList();
            List<Integer> unknown = cited.stream().filter(n -> n < 1 || n > references).toList();
            if (!unknown.isEmpty()) {
                problem(node, "[" + citation.group(1) + "] cites reference " + unknown.get(0) + ", but the article "
                        + (references == 0 ? "has no references" : "lists " + references
                        + (references == 1 ? " reference" : " references")));
                continue;
            }
            if (citation.start() > from) {
                into.add(new Body.Text(text.substring(from, citation.start())));
            }
            into.add(new Citation(cited));
            from = citation.end();
        }
        if (from < text.length()) {
            into.add(new Body.Text(text.substring(from)));
        }
    }

    private static Body.Paragraph literal(String text) {
        return new Body.Paragraph(List.of(new Body.Text(text.strip())));
    }

    private void problem(Node node, String message) {
        Node located = node;
        while (located != null && located.getSourceSpans().isEmpty()) {
            located = located.getParent();
        }
        problems.add(located == null ? message : "line " + (located.getSourceSpans().get(0).getLineIndex() + 1)
                + ": " + message);
    }

    private static List<Node> children(Node parent) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        return children;
    }
}

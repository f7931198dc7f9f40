package org.erratum.content.editor;

import java.util.ArrayList;
import java.util.List;

import org.erratum.content.article.ArticleRevision;
import org.erratum.content.article.Reference;
import org.erratum.content.article.Section;
import org.erratum.content.body.BodyText;
import org.erratum.events.ArticleChanged.Block;
import org.erratum.events.ArticleChanged.BlockType;
import org.erratum.platform.diff.TextDiff;
import org.erratum.platform.diff.TextDiff.Kind;
import org.erratum.platform.diff.TextDiff.Line;
import org.erratum.platform.diff.TextDiff.Span;

/**
 * What changed between two revisions, block by block as readers see them ({@link TextDiff}): one line per title,
 * summary, section heading, paragraph, sub-heading, list item, callout title and reference, each with enough of its
 * place (list number, "Section:", indentation) to be read on its own. Unchanged lines far from any change are
 * folded into a count, so a one-word fix in a long article reads at a glance.
 *
 * @param rows    the comparison, folded
 * @param changed whether the two revisions differ at all
 */
record RevisionComparison(List<Row> rows, boolean changed) {

    /** Unchanged lines kept around each change, for context. */
    static final int CONTEXT = 1;

    private static final String NESTED = "    ";

    /**
     * A line of the comparison, or (with {@code folded} above zero) that many unchanged lines left out.
     *
     * @param spans the line's text in runs; SAME, ADDED or REMOVED each
     */
    record Row(Kind kind, List<Span> spans, int folded) {

        public boolean fold() {
            return folded > 0;
        }
    }

    static RevisionComparison between(ArticleRevision from, ArticleRevision to) {
        List<Line> diff = TextDiff.between(lines(from), lines(to));
        return new RevisionComparison(folded(diff), TextDiff.changed(diff));
    }

    static List<String> lines(ArticleRevision revision) {
        List<String> lines = new ArrayList<>();
        lines.add("Title: " + revision.title());
        lines.add("Summary: " + revision.summary());
        for (Section section : revision.sections()) {
            lines.add("Section: " + section.heading());
            blocks(BodyText.blocks(section.body(), revision.references().size()), "", lines);
        }
        List<Reference> references = revision.references();
        for (int i = 0; i < references.size(); i++) {
            Reference reference = references.get(i);
            lines.add("Reference " + (i + 1) + ": " + reference.citation()
                    + (reference.url() == null ? "" : " " + reference.url()));
        }
        lines.add("Authors: " + String.join(", ", revision.authors()));
        return lines;
    }

    private static void blocks(List<Block> blocks, String indent, List<String> lines) {
        for (Block block : blocks) {
            switch (block.type()) {
                case PARAGRAPH -> lines.add(indent + block.text());
                case SUBHEADING -> lines.add(indent + "Sub-heading: " + block.text());
                case NUMBERED_LIST, BULLETED_LIST -> {
                    for (int i = 0; i < block.blocks().size(); i++) {
                        Block item = block.blocks().get(i);
                        String marker = block.type() == BlockType.NUMBERED_LIST
                                ? (i + 1) + ". " : "• ";
                        lines.add(indent + marker + item.text());
                        blocks(item.blocks(), indent + NESTED, lines);
                    }
                }
                case CALLOUT -> {
                    lines.add(indent + "Callout: " + block.text());
                    blocks(block.blocks(), indent + NESTED, lines);
                }
                case ITEM -> {
                    // items only occur inside lists, handled above
                }
            }
        }
    }

    private static List<Row> folded(List<Line> diff) {
        boolean[] keep = new boolean[diff.size()];
        for (int i = 0; i < diff.size(); i++) {
            if (!diff.get(i).unchanged()) {
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(diff.size() - 1, i + CONTEXT); j++) {
                    keep[j] = true;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        int folded = 0;
        for (int i = 0; i < diff.size(); i++) {
            if (keep[i]) {
                if (folded > 0) {
                    rows.add(new Row(Kind.SAME, List.of(), folded));
                    folded = 0;
                }
                rows.add(new Row(diff.get(i).kind(), diff.get(i).spans(), 0));
            } else {
                folded++;
            }
        }
        if (folded > 0) {
            rows.add(new Row(Kind.SAME, List.of(), folded));
        }
        return List.copyOf(rows);
    }
}

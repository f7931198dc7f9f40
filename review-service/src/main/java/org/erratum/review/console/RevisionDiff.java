package org.erratum.review.console;

import java.util.ArrayList;
import java.util.List;

import org.erratum.events.ArticleChanged;
import org.erratum.platform.diff.TextDiff;
import org.erratum.review.article.RevisionText;

/**
 * What changed between two revisions, block by block as readers see them, and word by word inside a changed block.
 * Each block's kind (heading, list item, ...) is shown beside it rather than compared, so a numbered item gaining a
 * sibling above it does not read as changed. Unchanged blocks far from any change fold into a count.
 *
 * @param from      the older revision; null when everything counts as new (nothing signed off before)
 * @param to        the newer revision
 * @param available false when the review service lacks either revision's text
 * @param lines     the comparison; empty when nothing changed
 */
record RevisionDiff(Integer from, int to, boolean available, List<Line> lines) {

    /** Unchanged blocks shown before and after each change, so a reader sees where it is. */
    private static final int CONTEXT = 1;

    /**
     * One line of the comparison: a block, or a run of unchanged blocks folded away.
     *
     * @param change SAME, ADDED, REMOVED or CHANGED; null for a fold
     * @param block  what the block is, e.g. "List item"
     * @param depth  0 for a block of the section itself, 1 inside a list, 2 inside a nested list
     * @param spans  the block's text, its added and removed words marked
     * @param folded how many unchanged blocks a fold stands for
     */
    record Line(TextDiff.Kind change, String block, int depth, List<TextDiff.Span> spans, int folded) {

        public boolean fold() {
            return change == null;
        }

        public String label() {
            return change == null ? "" : switch (change) {
                case SAME -> "Unchanged";
                case ADDED -> "Added";
                case REMOVED -> "Removed";
                case CHANGED -> "Changed";
            };
        }
    }

    /** How many blocks were added, removed or changed. */
    public long changes() {
        return lines.stream().filter(line -> !line.fold() && line.change() != TextDiff.Kind.SAME).count();
    }

    static RevisionDiff unavailable(Integer from, int to) {
        return new RevisionDiff(from, to, false, List.of());
    }

    /** @param before the older revision's text; null to show all of {@code after} as new */
    static RevisionDiff between(RevisionText before, RevisionText after) {
        List<Block> old = before == null ? List.of() : blocks(before);
        List<Block> current = blocks(after);
        List<TextDiff.Line> diff = TextDiff.between(old.stream().map(Block::text).toList(),
                current.stream().map(Block::text).toList());
        List<Line> lines = new ArrayList<>();
        int o = 0;
        int c = 0;
        for (TextDiff.Line line : diff) {
            // REMOVED lines exist only in the old text; every other line's block is the current one
            Block block = line.kind() == TextDiff.Kind.REMOVED ? old.get(o) : current.get(c);
            lines.add(new Line(line.kind(), block.kind(), block.depth(), line.spans(), 0));
            o += line.kind() == TextDiff.Kind.ADDED ? 0 : 1;
            c += line.kind() == TextDiff.Kind.REMOVED ? 0 : 1;
        }
        return new RevisionDiff(before == null ? null : before.revision(), after.revision(), true,
                TextDiff.changed(diff) ? folded(lines) : List.of());
    }

    private static List<Line> folded(List<Line> lines) {
        boolean[] shown = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).change() != TextDiff.Kind.SAME) {
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(lines.size() - 1, i + CONTEXT); j++) {
                    shown[j] = true;
                }
            }
        }
        List<Line> folded = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (shown[i]) {
                if (hidden > 0) {
                    folded.add(new Line(null, null, 0, List.of(), hidden));
                    hidden = 0;
                }
                folded.add(lines.get(i));
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            folded.add(new Line(null, null, 0, List.of(), hidden));
        }
        return List.copyOf(folded);
    }

    /** A block as readers see it, in reading order. */
    private record Block(String kind, int depth, String text) {
    }

    private static List<Block> blocks(RevisionText revision) {
        List<Block> blocks = new ArrayList<>();
        add(blocks, "Title", 0, revision.title());
        add(blocks, "Summary", 0, revision.summary());
        for (ArticleChanged.Section section : revision.sections() == null ? List.<ArticleChanged.Section>of()
                : revision.sections()) {
            add(blocks, "Heading", 0, section.heading());
            collect(blocks, section.blocks(), 0);
        }
        return blocks;
    }

    private static void collect(List<Block> into, List<ArticleChanged.Block> blocks, int depth) {
        for (ArticleChanged.Block block : blocks) {
            switch (block.type()) {
                // a list has no text of its own: its items are one level deeper
                case NUMBERED_LIST, BULLETED_LIST -> collect(into, block.blocks(), depth + 1);
                default -> {
                    add(into, kind(block.type()), depth, block.text());
                    collect(into, block.blocks(), depth);
                }
            }
        }
    }

    private static String kind(ArticleChanged.BlockType type) {
        return switch (type) {
            case PARAGRAPH -> "Paragraph";
            case SUBHEADING -> "Sub-heading";
            case ITEM -> "List item";
            case CALLOUT -> "Callout";
            case NUMBERED_LIST, BULLETED_LIST -> "List";
        };
    }

    private static void add(List<Block> blocks, String kind, int depth, String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(new Block(kind, depth, text));
        }
    }
}

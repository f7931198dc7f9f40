package org.erratum.platform.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

/**
 * What changed between two texts made of lines: a line is one block as readers see it (a heading, a paragraph, a
 * list item). Lines are matched first, so a moved paragraph reads as removed and added; a changed line is then
 * compared word by word, so an editor or clinician sees exactly which words went and came.
 */
public final class TextDiff {

    /** A word, or the whitespace between words: both kept, so the spans of a line read back as its text. */
    private static final Pattern TOKEN = Pattern.compile("\\s+|\\S+");

    public enum Kind { SAME, ADDED, REMOVED, CHANGED }

    /** A run of text within a line; its kind is SAME, ADDED or REMOVED. */
    public record Span(Kind kind, String text) {
    }

    /** One line of the comparison: unchanged, added, removed, or changed (then its spans say how). */
    public record Line(Kind kind, List<Span> spans) {

        public boolean unchanged() {
            return kind == Kind.SAME;
        }
    }

    private TextDiff() {
    }

    public static List<Line> between(List<String> before, List<String> after) {
        List<Line> lines = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after, true).getDeltas()) {
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            switch (delta.getType()) {
                case EQUAL -> removed.forEach(line -> lines.add(whole(Kind.SAME, line)));
                case DELETE -> removed.forEach(line -> lines.add(whole(Kind.REMOVED, line)));
                case INSERT -> added.forEach(line -> lines.add(whole(Kind.ADDED, line)));
                case CHANGE -> {
                    int paired = Math.min(removed.size(), added.size());
                    for (int i = 0; i < paired; i++) {
                        lines.add(new Line(Kind.CHANGED, words(removed.get(i), added.get(i))));
                    }
                    removed.subList(paired, removed.size()).forEach(line -> lines.add(whole(Kind.REMOVED, line)));
                    added.subList(paired, added.size()).forEach(line -> lines.add(whole(Kind.ADDED, line)));
                }
            }
        }
        return lines;
    }

    /** Whether the two texts differ at all. */
    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(line -> !line.unchanged());
    }

    private static Line whole(Kind kind, String text) {
        return new Line(kind, List.of(new Span(kind, text)));
    }

    private static List<Span> words(String before, String after) {
        List<Chunk> chunks = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(tokens(before), tokens(after), true).getDeltas()) {
            String removed = String.join("", delta.getSource().getLines());
            String added = String.join("", delta.getTarget().getLines());
            Chunk chunk = delta.getType() == DeltaType.EQUAL
                    ? Chunk.same(removed) : new Chunk(false, removed, added);
            chunks.add(chunk);
        }
        List<Chunk> merged = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            Chunk previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            boolean spaceBetweenChanges = chunk.same() && chunk.removed().isBlank() && previous != null
                    && !previous.same() && i + 1 < chunks.size() && !chunks.get(i + 1).same();
            if (spaceBetweenChanges) {
                // "2 tablets" → "1 tablet" reads as one change, not two around an unchanged space
                Chunk next = chunks.get(++i);
                merged.set(merged.size() - 1, new Chunk(false, previous.removed() + chunk.removed() + next.removed(),
                        previous.added() + chunk.added() + next.added()));
            } else {
                merged.add(chunk);
            }
        }
        List<Span> spans = new ArrayList<>();
        for (Chunk chunk : merged) {
            if (chunk.same()) {
                spans.add(new Span(Kind.SAME, chunk.removed()));
                continue;
            }
            if (!chunk.removed().isEmpty()) {
                spans.add(new Span(Kind.REMOVED, chunk.removed()));
            }
            if (!chunk.added().isEmpty()) {
                spans.add(new Span(Kind.ADDED, chunk.added()));
            }
        }
        return spans;
    }

    /** A run of the word comparison: unchanged text, or what was removed and added in its place. */
    private record Chunk(boolean same, String removed, String added) {

        static Chunk same(String text) {
            return new Chunk(true, text, text);
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}

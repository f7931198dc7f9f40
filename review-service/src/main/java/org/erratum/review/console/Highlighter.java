package org.erratum.review.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds reported passages in a revision's texts and splits each text into marked and unmarked runs.
 * <p>
 * The texts (title, summary, headings, paragraphs, list items, callouts, in reading order) are searched as one, so a
 * passage a reader selected across blocks is found. A selection's line breaks and spaces rarely survive copying
 * unchanged, so any run of whitespace matches any other, and the boundary between two texts matches one too;
 * everything else must match exactly. Overlapping or adjacent matches form one marked run.
 */
final class Highlighter {

    private Highlighter() {
    }

    /**
     * @param texts per text given, its runs (none for an empty text)
     * @param found the passages found, as given
     */
    record Highlights(List<List<Segment>> texts, Set<String> found) {
    }

    static Highlights highlight(List<String> texts, Collection<String> passages) {
        Flattened flat = new Flattened(texts);
        boolean[] matched = new boolean[flat.length()];
        Set<String> found = new LinkedHashSet<>();
        for (String passage : passages) {
            String needle = normalised(passage);
            if (needle.isEmpty()) {
                continue;
            }
            for (int at = flat.text().indexOf(needle); at >= 0; at = flat.text().indexOf(needle, at + 1)) {
                Arrays.fill(matched, at, at + needle.length(), true);
                found.add(passage);
            }
        }
        List<boolean[]> marked = new ArrayList<>();
        for (String text : texts) {
            marked.add(new boolean[text == null ? 0 : text.length()]);
        }
        for (int i = 0; i < matched.length; i++) {
            if (matched[i] && flat.textOf[i] >= 0) {
                Arrays.fill(marked.get(flat.textOf[i]), flat.fromOf[i], flat.toOf[i], true);
            }
        }
        List<List<Segment>> runs = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            runs.add(runs(texts.get(t), marked.get(t)));
        }
        return new Highlights(List.copyOf(runs), Set.copyOf(found));
    }

    /** A passage as it is searched for: whitespace runs as one space, none around it. */
    private static String normalised(String passage) {
        if (passage == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < passage.length(); i++) {
            char c = passage.charAt(i);
            if (isSpace(c)) {
                space = true;
            } else {
                if (space && !text.isEmpty()) {
                    text.append(' ');
                }
                space = false;
                text.append(c);
            }
        }
        return text.toString();
    }

    /** No-break spaces too: a browser's selection turns them into plain spaces. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static List<Segment> runs(String text, boolean[] marked) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                segments.add(new Segment(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return List.copyOf(segments);
    }

    /**
     * The texts as one normalised text, and for each of its characters where it came from: which text and which
     * characters of it. A space standing for whitespace inside one text covers that whitespace; one standing for
     * the boundary between two texts covers nothing ({@code textOf} -1).
     */
    private static final class Flattened {

        private final StringBuilder builder = new StringBuilder();
        private final String text;
        private final int[] textOf;
        private final int[] fromOf;
        private final int[] toOf;

        Flattened(List<String> texts) {
            int capacity = texts.size();
            for (String t : texts) {
                capacity += t == null ? 0 : t.length();
            }
            textOf = new int[capacity];
            fromOf = new int[capacity];
            toOf = new int[capacity];
            boolean inSpace = false;
            int spaceText = -1;
            int spaceFrom = 0;
            for (int t = 0; t < texts.size(); t++) {
                String current = texts.get(t) == null ? "" : texts.get(t);
                if (!builder.isEmpty()) {
                    inSpace = true;
                    spaceText = -1;
                }
                for (int i = 0; i < current.length(); i++) {
                    if (isSpace(current.charAt(i))) {
                        if (!inSpace) {
                            inSpace = true;
                            spaceText = t;
                            spaceFrom = i;
                        }
                        continue;
                    }
                    if (inSpace && !builder.isEmpty()) {
                        append(' ', spaceText, spaceFrom, i);
                    }
                    inSpace = false;
                    append(current.charAt(i), t, i, i + 1);
                }
            }
            text = builder.toString();
        }

        private void append(char c, int from, int start, int end) {
            int at = builder.length();
            builder.append(c);
            textOf[at] = from;
            fromOf[at] = start;
            toOf[at] = end;
        }

        String text() {
            return text;
        }

        int length() {
            return text.length();
        }
    }
}

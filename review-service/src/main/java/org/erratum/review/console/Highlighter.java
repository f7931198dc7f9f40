package org.erratum.review.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Finds reported passages in an article's text and splits the text into marked and unmarked runs. */
final class Highlighter {

    private Highlighter() {
    }

    /**
     * @param passages text readers quoted; surrounding whitespace is ignored (it comes with copying a selection),
     *                 everything else must match exactly. Overlapping or adjacent matches form one marked run.
     */
    static List<Segment> highlight(String text, Collection<String> passages) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        boolean[] marked = new boolean[text.length()];
        for (String passage : passages) {
            String needle = needle(passage);
            if (needle.isEmpty()) {
                continue;
            }
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                Arrays.fill(marked, at, at + needle.length(), true);
            }
        }
        return runs(text, marked);
    }

    /** Whether a reader's passage appears in the text as it stands. */
    static boolean contains(String text, String passage) {
        String needle = needle(passage);
        return text != null && !needle.isEmpty() && text.contains(needle);
    }

    private static String needle(String passage) {
        return passage == null ? "" : passage.strip();
    }

    private static List<Segment> runs(String text, boolean[] marked) {
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
}

package org.erratum.feedback.intake;

/** Shapes of request fields, for the requests' bean validation annotations. */
public final class TextRules {

    /**
     * Readable text: no control characters but tab and line breaks, no lone surrogate halves (what broken escapes
     * decode to), and no U+FFFD replacement character (what invalid UTF-8 bytes decode to). One character class,
     * so matching a long text needs no recursion.
     */
    public static final String READABLE_TEXT = "[\\P{Cc}\\t\\n\\r&&[^\\p{Cs}\\uFFFD]]*";

    public static final String READABLE_TEXT_MESSAGE = "must not contain control characters or invalid characters";

    /** Article ids are UUIDs in practice; letters, digits, '-' and '_' leave room without admitting markup. */
    public static final String ARTICLE_ID = "[A-Za-z0-9_-]+";

    public static final String ARTICLE_ID_MESSAGE = "is not an article id";

    private TextRules() {
    }
}

package org.erratum.review.console;

/**
 * A run of text on a console page; {@code marked} runs are passages readers reported. Pages print each run as
 * text inside or outside a {@code <mark>}, so no article or reader text is ever interpreted as markup.
 */
record Segment(String text, boolean marked) {
}

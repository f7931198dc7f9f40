package org.erratum.feedback.readout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV (RFC 4180: comma-separated, CRLF line ends, double quotes) that is safe to open in a spreadsheet even
 * though readers wrote some of its text. A cell a spreadsheet would read as a formula ({@code =HYPERLINK(...)},
 * {@code +cmd|...}, {@code @SUM(...)}, or one starting with a tab or carriage return) is written with a leading
 * single quote, which spreadsheets show as text; the quote is visible to a program reading the file.
 */
final class Csv {

    private static final String LINE_END = "\r\n";

    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    /** @param cells null cells are written empty */
    void writeRow(List<String> cells) {
        try {
            out.write(cells.stream().map(Csv::cell).collect(Collectors.joining(",")));
            out.write(LINE_END);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsLikeAFormula(value) ? "'" + value : value;
        return needsQuotes(text) ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static boolean startsLikeAFormula(String value) {
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    private static boolean needsQuotes(String text) {
        return text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    }
}

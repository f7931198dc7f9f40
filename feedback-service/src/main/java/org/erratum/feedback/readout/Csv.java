package org.erratum.feedback.readout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV (RFC 4180, by Commons CSV: comma-separated, CRLF line ends, double quotes where needed) that is safe to
 * open in a spreadsheet even though readers wrote some of its text. A cell a spreadsheet would read as a formula
 * ({@code =HYPERLINK(...)}, {@code +cmd|...}, {@code @SUM(...)}, or one starting with a tab or carriage return) is
 * written with a leading single quote, which spreadsheets show as text; the quote is visible to a program reading
 * the file.
 */
final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final CSVPrinter out;

    Csv(Writer out) {
        try {
            this.out = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param cells null cells are written empty */
    void writeRow(List<String> cells) {
        try {
            out.printRecord(cells.stream().map(Csv::guarded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One cell as {@link #writeRow} writes it. */
    static String cell(String value) {
        return value == null || value.isEmpty() ? "" : FORMAT.format(guarded(value));
    }

    private static String guarded(String value) {
        return value != null && !value.isEmpty() && startsLikeAFormula(value) ? "'" + value : value;
    }

    private static boolean startsLikeAFormula(String value) {
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }
}

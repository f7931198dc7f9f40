package org.erratum.feedback.readout;

import java.io.StringWriter;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

    @Test
    void plainTextIsWrittenAsItIs() {
        assertThat(Csv.cell("Take 500 mg every 4 hours.")).isEqualTo("Take 500 mg every 4 hours.");
        assertThat(Csv.cell("2026-01-31T09:00:00Z")).isEqualTo("2026-01-31T09:00:00Z");
    }

    @Test
    void missingAndEmptyValuesAreEmptyCells() {
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithInnerQuotesDoubled() {
        assertThat(Csv.cell("500 mg, twice")).isEqualTo("\"500 mg, twice\"");
        assertThat(Csv.cell("the \"maximum\" dose")).isEqualTo("\"the \"\"maximum\"\" dose\"");
        assertThat(Csv.cell("first line\nsecond line")).isEqualTo("\"first line\nsecond line\"");
        assertThat(Csv.cell("first line\r\nsecond line")).isEqualTo("\"first line\r\nsecond line\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "\tx", "\rx" })
    void aCellAScreadsheetWouldReadAsAFormulaStartsWithAQuote(String value) {
        assertThat(Csv.cell(value)).contains("'" + value).doesNotStartWith(value.substring(0, 1));
    }

    @Test
    void formulaProtectionAndQuotingWorkTogether() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil.example\",\"Click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"");
        assertThat(Csv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
    }

    @Test
    void aFormulaCharacterInsideTheTextIsLeftAlone() {
        assertThat(Csv.cell("dose = 1 g")).isEqualTo("dose = 1 g");
        assertThat(Csv.cell("reader@example")).isEqualTo("reader@example");
    }

    @Test
    void rowsAreCommaSeparatedAndEndWithCrLf() {
        StringWriter out = new StringWriter();
        Csv csv = new Csv(out);

        csv.writeRow(Arrays.asList("vote", null, "a,b"));
        csv.writeRow(Arrays.asList("report", "=x", ""));

        assertThat(out).hasToString("vote,,\"a,b\"\r\nreport,'=x,\r\n");
    }
}

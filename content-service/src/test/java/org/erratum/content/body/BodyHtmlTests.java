package org.erratum.content.body;

import java.util.List;

import org.erratum.content.body.BodyHtml.CitedAt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What readers' browsers receive from what editors write, hostile input included: nothing that runs. */
class BodyHtmlTests {

    private static String html(String body) {
        return html(body, 3);
    }

    private static String html(String body, int references) {
        return BodyHtml.render(List.of(body), references).sections().get(0);
    }

    @Test
    void paragraphsSubheadingsAndCalloutsBecomeSemanticHtml() {
        String body = """
                Most back pain gets *better* on its own.

                Keep **moving**.

                ### What helps

                > **Get help now**
                > Call 999 if you cannot pee.
                >
                > - or feel numb
                """;

        assertThat(html(body)).isEqualTo("<p>Most back pain gets <em>better</em> on its own.</p>"
                + "<p>Keep <strong>moving</strong>.</p>"
                + "<h3>What helps</h3>"
                + "<aside class=\"callout\" role=\"note\" aria-labelledby=\"callout-1-1\">"
                + "<h3 class=\"callout-title\" id=\"callout-1-1\">Get help now</h3>"
                + "<p>Call 999 if you cannot pee.</p><ul><li>or feel numb</li></ul></aside>");
    }

    @Test
    void numberedGroupsHoldNumberedSubItems() {
        String body = """
                1. **Stay active**
                   1. Walk a little every day
                   2. Avoid bed rest
                2. **Painkillers**
                   - ibuprofen
                """;

        assertThat(html(body)).isEqualTo("<ol><li><strong>Stay active</strong><ol><li>Walk a little every day</li>"
                + "<li>Avoid bed rest</li></ol></li><li><strong>Painkillers</strong><ul><li>ibuprofen</li></ul>"
                + "</li></ol>");
    }

    @Test
    void aCitationLinksToEachReferenceItNamesAndIsAnnouncedAsAReference() {
        assertThat(html("It helps [1, 3].")).isEqualTo("<p>It helps <span class=\"citation\">("
                + "<a href=\"#ref-1\" id=\"cite-1-1\" aria-label=\"Reference 1\">1</a>, "
                + "<a href=\"#ref-3\" id=\"cite-3-1\" aria-label=\"Reference 3\">3</a>)</span>.</p>");
    }

    @Test
    void citationIdsAreUniqueOnThePageAndEachReferenceKnowsTheSectionsCitingIt() {
        BodyHtml.Page page = BodyHtml.render(List.of("A [1]. B [1, 2].", "C [1].", "No citation."), 3);

        assertThat(page.sections().get(0)).contains("id=\"cite-1-1\"").contains("id=\"cite-1-2\"")
                .contains("id=\"cite-2-1\"");
        assertThat(page.sections().get(1)).contains("id=\"cite-1-3\"");
        assertThat(page.citedAt()).containsExactly(
                List.of(new CitedAt(1, "cite-1-1"), new CitedAt(2, "cite-1-3")),
                List.of(new CitedAt(1, "cite-2-1")),
                List.of());
    }

    @Test
    void anInlineCodeSpanIsTheWayToWriteBracketedNumbersThatCiteNothing() {
        assertThat(html("Press `[1]` to start.")).isEqualTo("<p>Press [1] to start.</p>");
    }

    @Test
    void aPlainTextBodyStoredBeforeTheFormatIsOneParagraph() {
        assertThat(html("Taking more than the recommended dose can seriously damage the liver. In the UK go to A&E"
                + " or call 111.", 0)).isEqualTo("<p>Taking more than the recommended dose can seriously damage the"
                + " liver. In the UK go to A&amp;E or call 111.</p>");
    }

    // --- hostile input: stored bodies are rendered leniently, so everything here must come out inert ---------------

    @Test
    void scriptInMarkdownIsShownAsText() {
        String html = html("""
                <script>alert(1)</script>

                Inline <script>alert(2)</script> and <img src=x onerror=alert(3)> and <a href="javascript:alert(4)">x</a>

                <iframe src="https://evil.example"></iframe>
                """);

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe")
                .doesNotContain("<a href=\"javascript").doesNotContainIgnoringCase("onerror=")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src&#61;x onerror&#61;alert(3)&gt;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](jav&#x61;script:alert(1))",
            "[x](javascript&#58;alert(1))", "<javascript:alert(1)>", "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox(1))", "[x](//evil.example/x)", "[x](/relative)", "[x]( \tjavascript:alert(1))",
            "[x]\n\n[x]: javascript:alert(1)", "![x](https://evil.example/x.png)"})
    void aLinkOrImageToAnythingButAWebOrMailAddressKeepsItsTextAndLosesItsAddress(String body) {
        String html = html(body);

        assertThat(html).startsWith("<p>").doesNotContain("href").doesNotContain("src").doesNotContain("<img");
    }

    @Test
    void anAddressCannotBreakOutOfItsAttribute() {
        String html = html("[x](https://a.example/\"onmouseover=\"alert(1)) [y](<https://a.example/'onclick='x>)");

        assertThat(html).doesNotContain(" onmouseover").doesNotContain(" onclick")
                .contains("href=\"https://a.example/&#34;onmouseover&#61;&#34;alert%281%29\"");
    }

    @Test
    void entitiesAreDecodedOnceAndThenShownAsText() {
        String html = html("&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62; &amp;lt;b&amp;gt;");

        assertThat(html).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src&#61;x onerror&#61;alert(1)&gt;"
                + " &amp;lt;b&amp;gt;</p>");
    }

    @Test
    void aCitationOfAReferenceThatDoesNotExistStaysText() {
        assertThat(html("See [4] and [0].", 3)).isEqualTo("<p>See [4] and [0].</p>");
    }

    @Test
    void deeplyNestedListsAndQuotesRenderWithABoundedDepth() {
        StringBuilder lists = new StringBuilder();
        for (int depth = 0; depth < 500; depth++) {
            lists.append("  ".repeat(depth)).append("- level ").append(depth).append('\n');
        }
        String quotes = "> ".repeat(10_000) + "deep";

        String nestedLists = html(lists.toString());
        String nestedQuotes = html(quotes);

        assertThat(nestedLists).contains("level 0").contains("level 499");
        assertThat(nestedLists.split("<ul>", -1).length - 1).isLessThanOrEqualTo(16);
        assertThat(nestedQuotes).contains("deep").doesNotContain("<blockquote");
        assertThat(html("*".repeat(50_000) + "x" + "*".repeat(50_000))).contains("x");
        assertThat(html("[".repeat(50_000) + "x" + "](https://a.example)".repeat(10))).contains("x");
    }

    @Test
    void aHugeDocumentStillRenders() {
        String huge = "A paragraph with **strong** text and a [link](https://a.example) [1].\n\n".repeat(20_000);

        String html = html(huge);

        assertThat(html.split("<p>", -1).length - 1).isEqualTo(20_000);
    }

    @Test
    void thePolicyItselfDropsEverythingTheRendererNeverWrites() {
        String hostile = "<p onclick=\"x()\" style=\"color:red\">a</p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(1)\">b</a><img src=x onerror=alert(1)>"
                + "<aside role=\"alert\" class=\"evil\">c</aside><a href=\"#ref-1\" id=\"main\">d</a>"
                + "<h3 id=\"feedback\">e</h3><form action=\"/x\"><input name=y></form><svg onload=alert(1)></svg>"
                + "<a href=\"https://a.example\" aria-label=\"Click me\" target=\"_blank\">f</a>";

        assertThat(BodyHtml.POLICY.sanitize(hostile)).isEqualTo("<p>a</p>b<aside>c</aside><a href=\"#ref-1\">d</a>"
                + "<h3>e</h3><a href=\"https://a.example\">f</a>");
    }
}

package org.erratum.content.body;

import java.util.List;

import org.erratum.content.body.BodyRules.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What an editor cannot save, and what they are told about it. */
class BodyRulesTests {

    private final BodyRules rules = new BodyRules(new BodyProperties(2_000, 3_000, 2));

    private List<Problem> check(String... bodies) {
        return rules.check(List.of(bodies), 2);
    }

    private String problemOf(String body) {
        List<Problem> problems = check(body);
        assertThat(problems).as(body).hasSize(1);
        return problems.get(0).message();
    }

    @Test
    void everythingTheFormatHasIsAccepted() {
        assertThat(check("""
                A paragraph with **strong**, *emphasis*, a [link](https://www.nhs.uk/), <https://a.example>,
                a [mail](mailto:team@example.org) and citations [1] [1, 2].\\
                A hard line break.

                ### A sub-heading

                1. **A group** [2]
                   1. a sub-item
                   2. another
                2. Another group

                   with a second paragraph
                   - and bullets

                > **Get help now**
                > Call 999 if it is an emergency.
                >
                > 1. a numbered step
                """, "Plain text, as every body was before the format.")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            raw HTML block       | <div>x</div>                        | line 1: raw HTML is not allowed
            script               | Text\\n\\n<script>alert(1)</script>  | line 3: raw HTML is not allowed
            inline HTML          | Take <b>two</b>                     | line 1: raw HTML is not allowed
            image                | ![chart](https://a.example/c.png)   | line 1: images are not part of the format
            javascript link      | [x](javascript:alert(1))            | line 1: a link goes to an https://, http:// or mailto: address
            encoded javascript   | [x](jav&#x61;script:alert(1))       | line 1: a link goes to an https://
            relative link        | [x](/articles/other)                | line 1: a link goes to an https://
            javascript autolink  | <javascript:alert(1)>               | line 1: a link goes to an https://
            data link            | [x](data:text/html;base64,PHNjcmlwdD4=) | line 1: a link goes to an https://
            link without text    | [](https://a.example)               | line 1: a link needs text
            link definition      | [x]\\n\\n[x]: https://a.example     | line 3: link definitions ([name]: address) are not part of the format
            top heading          | # Title                             | line 1: start a sub-heading with ###
            section heading      | ## Heading                          | line 1: start a sub-heading with ###
            underlined heading   | Heading\\n---                       | line 1: start a sub-heading with ###
            deep heading         | #### Deeper                         | line 1: sub-headings have one level
            heading in a list    | - ### x                             | line 1: a sub-heading cannot be inside a list or a callout
            third list level     | - a\\n  - b\\n    - c               | line 3: lists nest at most 2 levels deep
            list from 3          | 3. three\\n4. four                  | line 1: a numbered list starts at 1
            untitled callout     | > Call 999                          | line 1: a callout (a > quote) starts with its title in bold
            title on a text line | > **Call 999** if it hurts          | line 1: a callout (a > quote) starts with its title in bold
            callout in callout   | > **A**\\n>\\n> > **B**             | line 3: a callout cannot be inside a list or another callout
            callout in a list    | - > **A**                           | line 1: a callout cannot be inside a list or another callout
            code block           | Text\\n\\n    indented               | line 3: a line indented by four spaces or more starts a code block
            fenced code          | ```\\nx\\n```                       | line 1: code blocks are not part of the format
            horizontal rule      | Text\\n\\n***                        | line 3: horizontal rules are not part of the format
            unknown reference    | It helps [3].                       | line 1: [3] cites reference 3, but the article lists 2 references
            reference zero       | It helps [1, 0].                    | line 1: [1, 0] cites reference 0, but the article lists 2 references
            """)
    void whatIsOutsideTheFormatIsRefusedWithItsLine(String what, String body, String problem) {
        assertThat(problemOf(body.replace("\\n", "\n"))).startsWith(problem);
    }

    @Test
    void aBodyWithSeveralProblemsSaysTheFirstAndHowManyMore() {
        assertThat(problemOf("<b>x</b>\n\n![i](https://a.example/i.png)\n\n# Title"))
                .isEqualTo("line 1: " + MarkdownReader.RAW_HTML + " (and 2 more problems)");
    }

    @Test
    void aCitationIsRefusedWhenTheArticleHasNoReferences() {
        assertThat(rules.check(List.of("It helps [1]."), 0)).extracting(Problem::message)
                .containsExactly("line 1: [1] cites reference 1, but the article has no references");
    }

    @Test
    void eachSectionIsNamedByItsPosition() {
        assertThat(check("Fine.", "<i>not</i>", "Fine.", "![x](https://a.example/x.png)"))
                .extracting(Problem::section).containsExactly(1, 3);
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() {
        assertThat(problemOf("x".repeat(2_001))).isEqualTo("is 2,001 characters long; a section holds at most 2,000");
        assertThat(problemOf("- ".repeat(1_001))).isEqualTo("is 2,002 characters long; a section holds at most 2,000");
    }

    @Test
    void deeplyNestedListsAreRefused() {
        StringBuilder lists = new StringBuilder();
        for (int depth = 0; depth < 40; depth++) {
            lists.append("  ".repeat(depth)).append("- level\n");
        }

        assertThat(problemOf(lists.toString())).startsWith("line 3: lists nest at most 2 levels deep");
    }

    @Test
    void theArticleAsAWholeHasALimitToo() {
        String body = "x".repeat(1_500);

        assertThat(check(body, body, "x")).containsExactly(new Problem(null,
                "the sections hold 3,001 characters together; an article holds at most 3,000"));
    }
}

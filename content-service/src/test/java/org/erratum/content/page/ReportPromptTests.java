package org.erratum.content.page;

import java.util.stream.IntStream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPromptTests {

    @Test
    void aShareShowsThePromptToThatManyOfTheHundredBuckets() {
        assertThat(IntStream.range(0, ReportPrompt.BUCKETS).filter(b -> ReportPrompt.sees(b, 0.25)))
                .containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
        assertThat(IntStream.range(0, ReportPrompt.BUCKETS).filter(b -> ReportPrompt.sees(b, 1.0))).hasSize(100);
        assertThat(IntStream.range(0, ReportPrompt.BUCKETS).filter(b -> ReportPrompt.sees(b, 0.0))).isEmpty();
    }

    @Test
    void aGrowingShareKeepsShowingThePromptToThoseWhoSawIt() {
        for (int bucket = 0; bucket < ReportPrompt.BUCKETS; bucket++) {
            if (ReportPrompt.sees(bucket, 0.1)) {
                assertThat(ReportPrompt.sees(bucket, 0.5)).as("bucket %d", bucket).isTrue();
            }
        }
    }

    @Test
    void onlyANumberFromTheRangeIsTakenFromTheCookie() {
        assertThat(ReportPrompt.bucketIn(new Cookie[] {new Cookie("other", "5"),
                new Cookie(ReportPrompt.COOKIE, "42")})).hasValue(42);
        assertThat(ReportPrompt.bucketIn(new Cookie[] {new Cookie(ReportPrompt.COOKIE, "07")})).hasValue(7);
        for (String invalid : new String[] {"100", "-1", "", "abc", "4 2", "0x1"}) {
            assertThat(ReportPrompt.bucketIn(new Cookie[] {new Cookie(ReportPrompt.COOKIE, invalid)}))
                    .as("'%s'", invalid).isEmpty();
        }
        assertThat(ReportPrompt.bucketIn(null)).isEmpty();
    }
}

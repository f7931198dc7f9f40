package org.erratum.testsupport;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** What a {@code @WebMvcTest} slice checks of a refusal: its status, and a problem document naming the field. */
public final class MvcProblems {

    private MvcProblems() {
    }

    /** The first of the problem's {@code errors[]} names {@code field}. */
    public static void assertRefusedNaming(MvcTestResult refused, int status, String field) {
        assertThat(refused).hasStatus(status).hasContentType("application/problem+json")
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
    }
}

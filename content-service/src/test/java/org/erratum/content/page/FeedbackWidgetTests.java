package org.erratum.content.page;

import java.util.List;

import org.erratum.content.page.FeedbackWidget.Outcome;
import org.erratum.content.page.FeedbackWidget.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackWidgetTests {

    private static FeedbackWidget afterRedirect(String outcome, String... fields) {
        return FeedbackWidget.of(path -> "http://feedback.test" + path, "token", outcome, List.of(fields), false);
    }

    @Test
    void formsPostToTheFeedbackServiceAndTheScriptCallsItsJsonApi() {
        FeedbackWidget widget = afterRedirect(null);

        assertThat(widget.votesUrl()).isEqualTo("http://feedback.test/feedback/votes");
        assertThat(widget.reportsUrl()).isEqualTo("http://feedback.test/feedback/reports");
        assertThat(widget.votesApiUrl()).isEqualTo("http://feedback.test/api/feedback/votes");
        assertThat(widget.reportsApiUrl()).isEqualTo("http://feedback.test/api/feedback/reports");
        assertThat(widget.outcome()).isNull();
        assertThat(widget.problems()).isEmpty();
    }

    @Test
    void thanksIsAThankYouWithoutProblems() {
        FeedbackWidget widget = afterRedirect("thanks");

        assertThat(widget.thanked()).isTrue();
        assertThat(widget.problems()).isEmpty();
        assertThat(widget.reportNeedsAttention()).isFalse();
    }

    @Test
    void rejectedFieldsAreListedInPageOrderOnceEachAndLinkToTheirControls() {
        FeedbackWidget widget = afterRedirect("invalid", "contactEmail", "helpful", "contactEmail");

        assertThat(widget.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(widget.problems()).extracting(Problem::field, Problem::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("helpful", "helpful-yes"),
                        org.assertj.core.groups.Tuple.tuple("contactEmail", "report-email"));
        assertThat(widget.invalid("contactEmail")).isTrue();
        assertThat(widget.invalid("comment")).isFalse();
        assertThat(widget.reportNeedsAttention()).isTrue();
    }

    @Test
    void onlyVoteProblemsLeaveTheReportFormClosed() {
        assertThat(afterRedirect("invalid", "reason").reportNeedsAttention()).isFalse();
    }

    @Test
    void hiddenOrUnknownFieldsBecomeOneAskToReload() {
        FeedbackWidget widget = afterRedirect("invalid", "formToken", "revision", "comment");

        assertThat(widget.problems()).extracting(Problem::message)
                .containsExactly("Tell us what is wrong, in 2,000 characters or fewer", FeedbackWidget.FORM_PROBLEM);
        assertThat(widget.problems().get(1).target()).isNull();
    }

    @Test
    void invalidWithoutFieldsStillShowsAProblem() {
        assertThat(afterRedirect("invalid").problems()).extracting(Problem::message)
                .containsExactly(FeedbackWidget.FORM_PROBLEM);
    }

    @Test
    void unavailableAsksTheReaderToTryAgainLater() {
        assertThat(afterRedirect("UNAVAILABLE").problems()).extracting(Problem::message)
                .containsExactly(FeedbackWidget.UNAVAILABLE);
    }

    @Test
    void unknownOutcomesAndFieldsWithoutInvalidAreIgnored() {
        FeedbackWidget widget = afterRedirect("<script>", "comment");

        assertThat(widget.outcome()).isNull();
        assertThat(widget.problems()).isEmpty();
        assertThat(widget.thanked()).isFalse();
    }

    @Test
    void everyFieldHasAMessageAndUnknownOnesTheReloadMessage() {
        FeedbackWidget widget = afterRedirect(null);

        assertThat(widget.message("passage")).contains("500 characters");
        assertThat(widget.message("website")).isEqualTo(FeedbackWidget.FORM_PROBLEM);
    }
}

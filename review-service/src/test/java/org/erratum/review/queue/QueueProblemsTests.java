package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.erratum.platform.web.Problems;
import org.erratum.review.queue.QueueRefusal.ItemNotFound;
import org.erratum.review.queue.QueueRefusal.MissingField;
import org.erratum.review.queue.QueueRefusal.NotAllowed;
import org.erratum.review.queue.QueueRefusal.SeniorReviewerRequired;
import org.erratum.review.queue.QueueRefusal.StaleVersion;
import org.erratum.review.queue.QueueRefusal.UnknownReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** Each refusal of the queue as the problem the API answers with, and the console shows. */
class QueueProblemsTests {

    @Test
    void anUnknownItemIsNotFound() {
        ProblemDetail problem = QueueProblems.problemOf(new ItemNotFound("nope")).getBody();

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getTitle()).isEqualTo("Not found");
        assertThat(problem.getDetail()).isEqualTo("Review item nope does not exist");
    }

    @Test
    void aChangeTheItemDoesNotAllowNowIsAConflictSayingWhy() {
        for (QueueRefusal refusal : List.of(new NotAllowed("Item 1 is held by other, not by you"),
                new StaleVersion("Item 1 is held by other, not by you"))) {
            ProblemDetail problem = QueueProblems.problemOf(refusal).getBody();

            assertThat(problem.getStatus()).isEqualTo(409);
            assertThat(problem.getTitle()).isEqualTo("Conflict with the current state");
            assertThat(problem.getDetail()).isEqualTo("Item 1 is held by other, not by you");
        }
    }

    @Test
    void aSeniorsActionIsForbiddenToOthers() {
        ProblemDetail problem = QueueProblems.problemOf(new SeniorReviewerRequired("lift a safety notice")).getBody();

        assertThat(problem.getStatus()).isEqualTo(403);
        assertThat(problem.getTitle()).isEqualTo("Forbidden");
        assertThat(problem.getDetail()).isEqualTo("Only a senior reviewer may lift a safety notice");
    }

    @Test
    void aResolutionsMissingOrUnknownFieldIsNamed() {
        ProblemDetail missing = QueueProblems.problemOf(new MissingField("revision", "must name it")).getBody();
        ProblemDetail unknown = QueueProblems.problemOf(new UnknownReference("duplicateOf", "must name another"))
                .getBody();

        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getProperties()).containsEntry("errors",
                List.of(new Problems.FieldError("revision", "must name it")));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getProperties()).containsEntry("errors",
                List.of(new Problems.FieldError("duplicateOf", "must name another")));
    }
}

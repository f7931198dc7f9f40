package org.erratum.review.queue;

import org.erratum.platform.web.Problems;
import org.erratum.review.queue.QueueRefusal.ItemNotFound;
import org.erratum.review.queue.QueueRefusal.MissingField;
import org.erratum.review.queue.QueueRefusal.SeniorReviewerRequired;
import org.erratum.review.queue.QueueRefusal.UnknownReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The queue's refusals as RFC 9457 problem details, for every controller that acts on the queue (the console's advice
 * shows the same problems as pages). Unordered, so the console's advice comes first for its own controllers.
 */
@RestControllerAdvice
public class QueueProblems {

    @ExceptionHandler(QueueRefusal.class)
    ResponseEntity<ProblemDetail> refused(QueueRefusal refusal) {
        ErrorResponseException problem = problemOf(refusal);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
    }

    /** 404 for an unknown item, 403 for a senior's action, 400 or 422 for a resolution's field, else 409. */
    public static ErrorResponseException problemOf(QueueRefusal refusal) {
        if (refusal instanceof ItemNotFound notFound) {
            return Problems.notFound("Review item " + notFound.id());
        }
        if (refusal instanceof SeniorReviewerRequired) {
            return new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal.getMessage()), null);
        }
        if (refusal instanceof MissingField missing) {
            return Problems.invalidField(HttpStatus.BAD_REQUEST, missing.field(), missing.getMessage());
        }
        if (refusal instanceof UnknownReference unknown) {
            return Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, unknown.field(), unknown.getMessage());
        }
        return Problems.conflict(refusal.getMessage()); // NotAllowed, StaleVersion
    }
}

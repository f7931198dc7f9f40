package org.erratum.review.signoff;

import org.erratum.platform.web.Problems;
import org.erratum.review.signoff.SignOffRefusal.UnknownArticle;
import org.erratum.review.signoff.SignOffRefusal.UnpublishedRevision;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused sign-offs as RFC 9457 problem details, for the API; the console's advice shows the same problems as pages.
 * Unordered, so the console's advice comes first for its own controllers.
 */
@RestControllerAdvice
public class SignOffProblems {

    @ExceptionHandler(SignOffRefusal.class)
    ResponseEntity<ProblemDetail> refused(SignOffRefusal refusal) {
        ErrorResponseException problem = problemOf(refusal);
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    /** 404 for an unknown article, 422 naming the revision for an unpublished one, 409 for a non-clinician. */
    public static ErrorResponseException problemOf(SignOffRefusal refusal) {
        if (refusal instanceof UnknownArticle unknown) {
            return Problems.notFound("Article " + unknown.articleId());
        }
        if (refusal instanceof UnpublishedRevision unpublished) {
            return Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, unpublished.field(),
                    unpublished.getMessage());
        }
        return Problems.conflict(refusal.getMessage()); // NotAClinician
    }
}

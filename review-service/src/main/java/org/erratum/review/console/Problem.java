package org.erratum.review.console;

import java.util.List;

import org.erratum.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;

/**
 * A problem shown on a console page instead of an error page: the same RFC 9457 title, detail and field errors the
 * JSON API answers with, so a reviewer reads what the queue said.
 */
record Problem(String title, String detail, List<Problems.FieldError> errors) {

    static Problem of(ErrorResponseException exception) {
        ProblemDetail body = exception.getBody();
        return new Problem(body.getTitle(), body.getDetail(), fieldErrors(body));
    }

    static Problem of(BindingResult result) {
        return new Problem("Please correct the form", null, Problems.fieldErrors(result));
    }

    @SuppressWarnings("unchecked")
    private static List<Problems.FieldError> fieldErrors(ProblemDetail body) {
        Object errors = body.getProperties() == null ? null : body.getProperties().get("errors");
        return errors instanceof List<?> list && list.stream().allMatch(Problems.FieldError.class::isInstance)
                ? (List<Problems.FieldError>) list : List.of();
    }
}

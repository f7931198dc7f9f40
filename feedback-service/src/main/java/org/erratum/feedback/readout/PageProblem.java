package org.erratum.feedback.readout;

import java.util.List;

import org.erratum.platform.web.Problems;
import org.springframework.http.ProblemDetail;

/**
 * A problem shown on an editorial page instead of an error page: the same RFC 9457 title, detail and field errors
 * the JSON readouts answer with, so an editor reads what the service said and which field it meant.
 */
record PageProblem(String title, String detail, List<Problems.FieldError> errors) {

    static PageProblem of(ProblemDetail body) {
        return new PageProblem(body.getTitle(), body.getDetail(), fieldErrors(body));
    }

    @SuppressWarnings("unchecked")
    private static List<Problems.FieldError> fieldErrors(ProblemDetail body) {
        Object errors = body.getProperties() == null ? null : body.getProperties().get("errors");
        return errors instanceof List<?> list && list.stream().allMatch(Problems.FieldError.class::isInstance)
                ? (List<Problems.FieldError>) list : List.of();
    }
}

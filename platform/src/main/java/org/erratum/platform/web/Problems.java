package org.erratum.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems a service throws from its domain code; {@link ProblemDetailsAdvice} renders them. A problem
 * about the request names the offending field in {@code errors[].field}.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException invalidField(HttpStatus status, String field, String message) {
        return invalidFields(status, List.of(new FieldError(field, message)));
    }

    /** Several fields at once, so a person can fix them all before sending again. */
    public static ErrorResponseException invalidFields(HttpStatus status, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(errors));
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException notFound(String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " does not exist");
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /** The action is not allowed in the resource's current state (e.g. resolving an item nobody claimed). */
    public static ErrorResponseException conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Conflict with the current state");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    public record FieldError(String field, String message) {
    }
}

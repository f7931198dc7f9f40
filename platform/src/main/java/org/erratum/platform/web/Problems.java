package org.erratum.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems a service throws from its domain code; {@link ProblemDetailsAdvice} renders them. A problem
 * about the request names the offending field in {@code errors[].field}.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException invalidField(HttpStatus status, String field, String message) {
        return new ErrorResponseException(status, invalid(status, field, message), null);
    }

    /** Several fields at once, so a person can fix them all before sending again. */
    public static ErrorResponseException invalidFields(HttpStatus status, List<FieldError> errors) {
        return new ErrorResponseException(status, invalid(status, errors), null);
    }

    /** The problem with one field of the request: a body member, a parameter, or a header such as Content-Type. */
    public static ProblemDetail invalid(HttpStatusCode status, String field, String message) {
        return invalid(status, List.of(new FieldError(field, message)));
    }

    public static ProblemDetail invalid(HttpStatusCode status, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The field errors of a form or body that did not bind or validate, by field name. A value that could not
     * even be converted (letters for a number) says so, without Spring's message naming Java types.
     */
    public static List<FieldError> fieldErrors(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(),
                        e.isBindingFailure() ? "has the wrong type or format" : e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
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

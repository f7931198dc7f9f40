package org.erratum.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns errors into RFC 9457 problem details. Every request problem names its field, so a
 * form or API client can point the reader at what to fix.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(Problems.fieldErrors(ex.getBindingResult()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return invalid(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        Problems.FieldError error;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            error = new Problems.FieldError(pathOf(unknown), "is not a known field");
        } else if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            error = new Problems.FieldError(pathOf(databind), "has the wrong type or format");
        } else if (isDuplicateKey(cause)) {
            error = new Problems.FieldError(pathOf(((StreamReadException) cause).processor().streamReadContext()),
                    "is given more than once");
        } else if (cause instanceof JacksonException) {
            error = new Problems.FieldError("body", "is not well-formed JSON");
        } else {
            error = new Problems.FieldError("body", "is missing or unreadable");
        }
        return invalid(List.of(error), request);
    }

    /** A path variable or query parameter that does not convert, e.g. {@code ?limit=ten} or {@code /revisions/two}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        return invalid(List.of(new Problems.FieldError(field == null ? "request" : field,
                "has the wrong type or format")), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new Problems.FieldError(ex.getParameterName(), "is missing")), request);
    }

    /** 415: the body's media type, named as the header it came in, with the accepted types in {@code Accept}. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.invalid(status, HttpHeaders.CONTENT_TYPE,
                "must be one of " + ex.getSupportedMediaTypes());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** 406: nothing this endpoint answers with is in the request's {@code Accept}. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.invalid(status, HttpHeaders.ACCEPT,
                "must include one of " + ex.getSupportedMediaTypes());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private ResponseEntity<Object> invalid(List<Problems.FieldError> errors, WebRequest request) {
        ProblemDetail problem = Problems.invalid(HttpStatus.BAD_REQUEST, errors);
        return handleExceptionInternal(new IllegalArgumentException(problem.getDetail()), problem,
                new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * With {@code STRICT_DUPLICATE_DETECTION} the parser refuses a repeated key; Jackson has no exception type of
     * its own for it, only this message (a Jackson upgrade that changed it would fail the hostile-input corpus).
     */
    private static boolean isDuplicateKey(Throwable cause) {
        return cause instanceof StreamReadException read && read.processor() != null
                && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate Object property");
    }

    /** Where the parser stood: {@code /sections/0/heading} becomes {@code sections[0].heading}. */
    private static String pathOf(TokenStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            segments.add(0, at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.currentName());
        }
        return String.join(".", segments).replace(".[", "[");
    }

    private static String pathOf(DatabindException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}

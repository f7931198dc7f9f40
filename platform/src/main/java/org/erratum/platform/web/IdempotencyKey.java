package org.erratum.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client's {@code Idempotency-Key} (the IETF httpapi draft): a request sent again with the same key is the same
 * request, so the service recognises the retry and answers it without doing the work twice. Console forms carry one
 * in a hidden field, made when the page is rendered, so a double submit or a browser's resend is recognised too.
 * <p>
 * The services keep no table of keys. Each derives from the key, the caller and what the request makes
 * ({@link #idFor}) the id of the document or log entry the request writes, and stores it in that same atomic write:
 * a retry then meets what the first attempt wrote, and nothing can be half recorded.
 *
 * @param value what the client sent, without the quotes of the header's structured-field string form
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";

    /** The hidden field of the console's forms that carries the key. */
    public static final String FORM_FIELD = "requestKey";

    /** Printable ASCII without quote and backslash, as a structured-field string holds it unescaped; a UUID fits. */
    private static final Pattern VALUE = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");

    public IdempotencyKey {
        if (value == null || !VALUE.matcher(value).matches() || value.isBlank()) {
            throw invalid("must be 1 to 255 printable ASCII characters (a UUID is a good key), optionally in"
                    + " double quotes");
        }
    }

    /** @throws ErrorResponseException 400 naming the header when it is missing or malformed */
    public static IdempotencyKey required(String header) {
        return optional(header).orElseThrow(() -> invalid("is required: send a new unique value (a UUID) with each"
                + " new request, and the same value again when you retry it"));
    }

    /** @throws ErrorResponseException 400 naming the header when it is malformed */
    public static Optional<IdempotencyKey> optional(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        // the draft defines the header as a structured-field string: "8e03978e-..."; a bare value is common too
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return Optional.of(new IdempotencyKey(value));
    }

    /** A fresh key, for a form being rendered. */
    public static IdempotencyKey random() {
        return new IdempotencyKey(UUID.randomUUID().toString());
    }

    /**
     * The id of what this key's request makes or records for this caller: the same caller and key always give the
     * same id, another caller's key never does.
     *
     * @param what the kind of thing, so one key names different things in different places
     */
    public String idFor(String what, String caller) {
        return UUID.nameUUIDFromBytes((what + '\n' + caller + '\n' + value).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** 422: the key came back with a request that differs from the one it was first sent with. */
    public static ErrorResponseException reused() {
        String message = "was already used for a different request: a retry must repeat its request exactly, and a"
                + " new request needs a new key";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                HEADER + ": " + message);
        problem.setTitle("Idempotency key reused");
        problem.setProperty("errors", List.of(new Problems.FieldError(HEADER, message)));
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    private static ErrorResponseException invalid(String message) {
        return Problems.invalidField(HttpStatus.BAD_REQUEST, HEADER, message);
    }
}

package org.erratum.platform.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Content-Type} or {@code Accept} header is malformed before anything reads it.
 * Spring parses these headers in many places (filters, handler mapping, message converters, content negotiation),
 * and {@link MediaType#parseMediaType} throws on a malformed one: uncaught in a filter that was a 500, and in
 * content negotiation a 406 with no body. Checking them once, first, gives every endpoint of every service the
 * same answer: 400 naming the header, or 415 for a character set the service does not know.
 * <p>
 * Stricter than Spring's parser on purpose: a parameter without a value ({@code application/json; charset}) is
 * malformed (RFC 9110, section 5.6.6), where Spring would silently drop it.
 */
public class RequestHeaderGuard extends OncePerRequestFilter implements Ordered {

    /**
     * Right after the observation filter (so the refusal is measured), before Spring Security and every other
     * filter that might parse the headers.
     */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    /** A well-formed parameter value that is not quoted (RFC 9110 token). */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ProblemDetail> problem = contentTypeProblem(request).or(() -> acceptProblem(request));
        if (problem.isPresent()) {
            ProblemResponses.write(response, problem.get(), request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<ProblemDetail> contentTypeProblem(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            return Optional.of(malformed(HttpHeaders.CONTENT_TYPE, "is given more than once"));
        }
        String value = values.get(0);
        if (!parametersHaveValues(value)) {
            return Optional.of(malformed(HttpHeaders.CONTENT_TYPE, "has a parameter without a value"));
        }
        String charset = parameter(value, "charset");
        if (charset != null && TOKEN.matcher(charset).matches() && !isKnownCharset(charset)) {
            return Optional.of(Problems.invalid(HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpHeaders.CONTENT_TYPE,
                    "names a character set this service does not know; send UTF-8"));
        }
        try {
            MediaType.parseMediaType(value);
            return Optional.empty();
        } catch (InvalidMediaTypeException e) {
            return Optional.of(malformed(HttpHeaders.CONTENT_TYPE, "is not a media type such as application/json"));
        }
    }

    private static Optional<ProblemDetail> acceptProblem(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        try {
            for (String value : values) {
                for (String range : value.split(",")) {
                    if (!parametersHaveValues(range)) {
                        return Optional.of(malformed(HttpHeaders.ACCEPT, "has a parameter without a value"));
                    }
                }
            }
            MediaType.parseMediaTypes(values);
            return Optional.empty();
        } catch (InvalidMediaTypeException e) {
            return Optional.of(malformed(HttpHeaders.ACCEPT,
                    "is not a list of media types such as application/json, application/problem+json"));
        }
    }

    private static ProblemDetail malformed(String header, String message) {
        return Problems.invalid(HttpStatus.BAD_REQUEST, header, message);
    }

    /** Every parameter after the type is {@code name=value}; empty ones ({@code ;;}) are allowed by the RFC. */
    private static boolean parametersHaveValues(String mediaType) {
        List<String> parameters = parameters(mediaType);
        return parameters.stream().allMatch(p -> p.isBlank() || p.indexOf('=') > 0);
    }

    private static String parameter(String mediaType, String name) {
        for (String parameter : parameters(mediaType)) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals(name)) {
                String value = parameter.substring(equals + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** The {@code ;}-separated parts after the type itself, quoted strings kept whole. */
    private static List<String> parameters(String mediaType) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < mediaType.length(); i++) {
            char c = mediaType.charAt(i);
            if (c == '"' && (i == 0 || mediaType.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.subList(1, parts.size());
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}

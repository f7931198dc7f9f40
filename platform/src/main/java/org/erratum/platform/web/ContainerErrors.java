package org.erratum.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problems for errors the servlet container or a filter raises without saying more than a status: Spring
 * Security's 401 and 403, the firewall's 400, Tomcat's own refusals. The detail says what a client can do about
 * it; it never repeats an exception's message, which may describe the server rather than the request.
 */
final class ContainerErrors {

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request could not be read: its request line, address or headers are malformed. Encoded"
                    + " slashes, backslashes, semicolons and dot segments are not allowed in an address.",
            401, "This needs a signed-in staff account.",
            403, "The signed-in account may not do this.",
            404, "Nothing is here.",
            413, "The request is larger than this service accepts.",
            414, "The address is longer than this service accepts.",
            431, "The request's headers are too large or too many (a large cookie counts towards them).",
            505, "Send the request over HTTP/1.1.");

    private ContainerErrors() {
    }

    static ProblemDetail problem(HttpStatusCode status) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error " + status.value() : known.getReasonPhrase());
        problem.setDetail(DETAILS.get(status.value()));
        return problem;
    }
}

package org.erratum.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details where Spring MVC's message converters cannot: in servlet filters that refuse a
 * request before it reaches a controller, in the CORS processor, and in Tomcat's error report. The members are the
 * ones {@link ProblemDetailsAdvice} answers with, so a client cannot tell which layer refused it.
 */
public final class ProblemResponses {

    /** Serializes {@link ProblemDetail} as Spring MVC's converter does, with the same mix-in. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private ProblemResponses() {
    }

    public static byte[] json(ProblemDetail problem) {
        return JSON.writeValueAsBytes(problem);
    }

    /** Answers with the problem, for a request at {@code path} (its {@code instance}). */
    public static void write(HttpServletResponse response, ProblemDetail problem, String path) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(path));
        }
        byte[] body = json(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request's path as a problem's {@code instance}, or null when it is not even a URI reference. */
    static URI instance(String path) {
        if (path == null) {
            return null;
        }
        try {
            return new URI(path);
        } catch (java.net.URISyntaxException notAUri) {
            return null;
        }
    }
}

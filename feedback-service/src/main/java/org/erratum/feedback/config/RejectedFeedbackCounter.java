package org.erratum.feedback.config;

import java.io.IOException;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.erratum.feedback.article.ArticlePages;
import org.erratum.platform.web.RequestHeaderGuard;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts feedback refused with a 4xx answer, by kind and status, whatever refused it: the platform's header
 * guard, the body guard, validation, the content type, an unknown article; a plain HTML form is refused with a
 * redirect back to its article, counted by the status the refusal had. A 429 is counted apart, as
 * {@code erratum.feedback.rate.limited}. First among the filters, so it sees the refusals of all the others.
 */
@Component
@Order(RequestHeaderGuard.ORDER - 1)
class RejectedFeedbackCounter extends OncePerRequestFilter {

    /** The intake endpoints, JSON and HTML form, by the kind of feedback they take. */
    private static final Map<String, String> KINDS = Map.of(
            "/api/feedback/votes", "vote", "/feedback/votes", "vote",
            "/api/feedback/reports", "report", "/feedback/reports", "report");

    private final MeterRegistry meters;

    RejectedFeedbackCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !KINDS.containsKey(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = request.getAttribute(ArticlePages.REFUSAL_STATUS) instanceof Integer refused ? refused
                    : response.getStatus();
            if (status >= 400 && status < 500 && status != HttpStatus.TOO_MANY_REQUESTS.value()) {
                meters.counter("erratum.feedback.rejected", "kind", KINDS.get(request.getRequestURI()),
                        "status", Integer.toString(status)).increment();
            }
        }
    }
}

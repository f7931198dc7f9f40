package org.erratum.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * Spring's CORS checks, with a refused request answered 403 as an RFC 9457 problem naming the header at fault
 * (usually {@code Origin}) instead of the plain text "Invalid CORS request". A browser hides the body from the page
 * either way; a developer looking at the network panel, or a client that is not a browser, reads why.
 */
public class ProblemCorsProcessor extends DefaultCorsProcessor {

    /** A CORS filter for a Spring Security chain ({@code http.addFilterAt(filter, CorsFilter.class)}). */
    public static CorsFilter filter(CorsConfigurationSource source) {
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    /** An {@code Origin} that is not even a URL is refused before {@link #handleInternal} would look at it. */
    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (config != null && request.getHeader(HttpHeaders.ORIGIN) != null) {
            try {
                CorsUtils.isCorsRequest(request);
            } catch (IllegalArgumentException malformed) {
                ProblemResponses.write(response, Problems.invalid(HttpStatus.FORBIDDEN, HttpHeaders.ORIGIN,
                        "is not an origin such as https://example.org"), request.getRequestURI());
                return false;
            }
        }
        return super.processRequest(config, request, response);
    }

    @Override
    protected boolean handleInternal(ServerHttpRequest request, ServerHttpResponse response,
            CorsConfiguration config, boolean preFlight) throws IOException {
        if (super.handleInternal(request, response, config, preFlight)) {
            return true;
        }
        ProblemDetail problem = refusal(request, config, preFlight);
        problem.setInstance(ProblemResponses.instance(request.getURI().getRawPath()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(ProblemResponses.json(problem));
        response.flush();
        return false;
    }

    /** The status only: {@link #handleInternal} writes the body once it knows which check failed. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.FORBIDDEN);
    }

    private ProblemDetail refusal(ServerHttpRequest request, CorsConfiguration config, boolean preFlight) {
        HttpHeaders headers = request.getHeaders();
        if (checkOrigin(config, headers.getOrigin()) == null) {
            return Problems.invalid(HttpStatus.FORBIDDEN, HttpHeaders.ORIGIN,
                    "is not a site allowed to call this endpoint from a browser");
        }
        if (preFlight && checkMethods(config, headers.getAccessControlRequestMethod()) == null) {
            return Problems.invalid(HttpStatus.FORBIDDEN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
                    "is not a method this endpoint allows from other sites");
        }
        if (preFlight) {
            return Problems.invalid(HttpStatus.FORBIDDEN, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
                    "names a header this endpoint does not allow from other sites");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "This method is not allowed from other sites: " + request.getMethod().name());
        problem.setTitle("Cross-origin request refused");
        return problem;
    }
}

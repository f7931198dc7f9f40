package org.erratum.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's {@code /error} as an RFC 9457 problem, for errors raised outside Spring MVC's exception handling
 * (Spring Security's 401 and 403, its firewall's 400, a filter's {@code sendError}), which Tomcat forwards here.
 * Replaces Boot's error controller, whose JSON is not a problem document. The answer is problem JSON whatever the
 * request accepts: a malformed or narrow {@code Accept} must not turn an error into a second one.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

    private static final int INTERNAL_SERVER_ERROR = 500;

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value && value >= 400
                ? value : INTERNAL_SERVER_ERROR);
        ProblemDetail problem = ContainerErrors.problem(status);
        problem.setInstance(ProblemResponses.instance((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

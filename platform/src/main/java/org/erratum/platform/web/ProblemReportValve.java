package org.erratum.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as an RFC 9457 problem instead of its HTML page. Tomcat answers some requests itself,
 * before any filter or servlet sees them: a malformed request line, an encoded slash in the path, a header section
 * over {@code server.max-http-request-header-size} (a large cookie included) or with too many headers, a
 * {@code Content-Length} that is not a number. Spring's {@code /error} never runs for those, so this is where
 * they get the same kind of answer as everything else. Headers that are too large or too many are answered 431
 * (RFC 6585) rather than Tomcat's plain 400, so a client knows what to cut.
 * <p>
 * It also backs up {@code /error}: any other error response that reaches Tomcat without a body gets its problem.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final String HEADER_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

    private static final String TOO_MANY_HEADERS = StringManager.getManager("org.apache.tomcat.util.http")
            .getString("headers.maxCountFail");

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatusCode status = headersTooLarge(throwable) ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpStatusCode.valueOf(response.getStatus());
        ProblemDetail problem = ContainerErrors.problem(status);
        problem.setInstance(ProblemResponses.instance(request.getRequestURI()));
        try {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(ProblemResponses.json(problem), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to tell it
        }
    }

    private static boolean headersTooLarge(Throwable throwable) {
        if (throwable == null || throwable.getMessage() == null) {
            return false;
        }
        String message = throwable.getMessage();
        return message.equals(HEADER_TOO_LARGE)
                || message.startsWith(TOO_MANY_HEADERS.substring(0, TOO_MANY_HEADERS.indexOf('[')));
    }
}

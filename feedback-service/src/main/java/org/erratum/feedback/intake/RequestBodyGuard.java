package org.erratum.feedback.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.erratum.platform.web.ProblemResponses;
import org.erratum.platform.web.Problems;
import org.erratum.platform.web.RequestHeaderGuard;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the feedback endpoints' request bodies before anything parses them. A body larger than any genuine one is
 * answered 413, whether its length is declared or not. A JSON body (small, by then) is read whole and must be valid
 * UTF-8: the JSON parser decodes some invalid sequences (overlong forms such as {@code C0 AF}) into characters
 * instead of refusing them, and text that never was what the client meant must not be stored. HTML form bodies
 * are left to Tomcat, which caps them at {@code server.tomcat.max-http-form-post-size}.
 */
@Component
@Order(RequestHeaderGuard.ORDER + 1) // the platform has checked the Content-Type by then
class RequestBodyGuard extends OncePerRequestFilter {

    private final long maxBytes;

    RequestBodyGuard(IntakeProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/feedback/") && !path.startsWith("/feedback/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "is larger than " + maxBytes + " bytes");
            return;
        }
        if (!isJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "is larger than " + maxBytes + " bytes");
        } else if (!isUtf8(body)) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "is not valid UTF-8");
        } else {
            chain.doFilter(new ReadBody(request, body), response);
        }
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String message) throws IOException {
        ProblemResponses.write(response, Problems.invalid(status, "body", message), request.getRequestURI());
    }

    /** The request with its body already read into memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

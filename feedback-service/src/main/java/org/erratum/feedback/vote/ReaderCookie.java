package org.erratum.feedback.vote;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.erratum.feedback.config.FeedbackProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The anonymous reader id: random, kept by the browser in an HttpOnly cookie, and only ever stored or published
 * as a {@link ReaderKeys keyed hash}. It lets a reader change their vote without an account.
 */
@Component
class ReaderCookie {

    static final String NAME = "erratum_reader";

    private static final int ID_BYTES = 32;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final FeedbackProperties.ReaderCookie settings;

    ReaderCookie(FeedbackProperties properties) {
        this.settings = properties.readerCookie();
    }

    /**
     * The reader id the browser sent, or a new one that is set as a cookie on the response. The cookie is set
     * before the vote is processed so that a reader who retries after a failure keeps the same id.
     */
    String readOrIssue(HttpServletRequest request, HttpServletResponse response) {
        return sentBy(request).orElseGet(() -> issue(response));
    }

    private Optional<String> sentBy(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        // a value we did not issue is replaced, so ids keep their full randomness
        return Arrays.stream(cookies)
                .filter(c -> NAME.equals(c.getName()) && WELL_FORMED.matcher(c.getValue()).matches())
                .map(Cookie::getValue)
                .findFirst();
    }

    private String issue(HttpServletResponse response) {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ResponseCookie cookie = ResponseCookie.from(NAME, id)
                .httpOnly(true)
                .secure(settings.secure())
                .sameSite("Lax")
                .path("/")
                .maxAge(settings.maxAge())
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return id;
    }
}

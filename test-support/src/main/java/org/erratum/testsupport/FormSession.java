package org.erratum.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like visitor of a service's server-rendered pages: keeps the session cookie, follows no redirect (tests
 * look at them), and sends a form with the CSRF token of the page it came from, as a browser submitting that page
 * would. Pages sign in with the form at {@code /login}.
 */
public final class FormSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    private FormSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static FormSession anonymous(int port) {
        return new FormSession("http://localhost:" + port);
    }

    /**
     * Signs in with the form; the answer is the sign-in's redirect (to the pages' home, or back to {@code /login?error}).
     */
    public HttpResponse<String> signIn(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    /** A session signed in as a development account ({@code <name>-dev-password}); {@code anonymous} stays out. */
    public static FormSession asDevAccount(int port, String caller) {
        FormSession session = anonymous(port);
        if (!"anonymous".equals(caller)) {
            HttpResponse<String> signedIn = session.signIn(caller, caller + "-dev-password");
            if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("Could not sign in as " + caller + ": " + signedIn.statusCode() + " "
                        + signedIn.headers().firstValue("Location").orElse(""));
            }
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Follows a redirect this session was given. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return send(HttpRequest.newBuilder(URI.create(baseUrl).resolve(location)).GET());
    }

    /** Posts a form exactly as given: no CSRF token unless the caller adds one. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens a page and submits one of its forms with the page's CSRF token. */
    public HttpResponse<String> submit(String pagePath, String actionPath, Map<String, String> fields) {
        HttpResponse<String> page = get(pagePath);
        if (page.statusCode() != 200) {
            throw new IllegalStateException("Page " + pagePath + " answered " + page.statusCode());
        }
        Matcher token = CSRF_FIELD.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("No CSRF field on " + pagePath);
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", token.group(1));
        return post(actionPath, form);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

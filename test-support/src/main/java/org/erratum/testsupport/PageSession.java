package org.erratum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A browser-like visitor of a service's server-rendered staff pages: keeps the session cookie, does not follow
 * redirects (tests look at them), and sends forms with the CSRF token of the page they came from, as a browser
 * submitting that page would. Staff pages sign in with a form at {@code /login}.
 */
public final class PageSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    private PageSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static PageSession anonymous(int port) {
        return new PageSession("http://localhost:" + port);
    }

    /**
     * Signs in through the sign-in form.
     *
     * @throws IllegalStateException when the service does not let the account in
     */
    public static PageSession signedIn(int port, String username, String password) {
        PageSession session = anonymous(port);
        HttpResponse<String> signedIn = session.submit("/login", "/login",
                Map.of("username", username, "password", password));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode() + " " + location);
        }
        return session;
    }

    /** Signs in as a development account ({@code <name>-dev-password}), or stays anonymous for {@code anonymous}. */
    public static PageSession asDevAccount(int port, String caller) {
        return "anonymous".equals(caller) ? anonymous(port) : signedIn(port, caller, caller + "-dev-password");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Follows a redirect this session was given. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("not a redirect: " + redirect.statusCode()));
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
            throw new IllegalStateException("page " + pagePath + " answered " + page.statusCode());
        }
        return submit(page, actionPath, fields);
    }

    /** Submits a form of a page this session opened earlier, with that page's CSRF token. */
    public HttpResponse<String> submit(HttpResponse<String> page, String actionPath, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken(page));
        return post(actionPath, form);
    }

    public static String csrfToken(HttpResponse<String> page) {
        Matcher token = CSRF_FIELD.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF field on " + page.uri());
        }
        return token.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

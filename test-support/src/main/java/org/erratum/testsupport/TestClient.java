package org.erratum.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of the tests: real HTTP against a running service, as a curl user, a script or a browser would
 * call it. It follows no redirect (tests look at them) and keeps no cookie, unless it is a {@link #session()}: then
 * it keeps its cookies and sends forms with the hidden fields (CSRF token, request key) of the page they came from,
 * as a browser submitting that page would. For requests no well-behaved client sends (a malformed request line, a
 * header of 10 KB, a chosen client address) it writes bytes to a socket: {@link #sendRaw}.
 */
public final class TestClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String JSON_TYPES = "application/json, application/problem+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern REQUEST_KEY_FIELD = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"");
    /** Without cookies, the JDK's client is stateless: every client that keeps none shares it. */
    private static final HttpClient STATELESS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpClient http;
    private final String baseUrl;
    private final Map<String, String> headers;

    private TestClient(HttpClient http, String baseUrl, Map<String, String> headers) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    public static TestClient at(String baseUrl) {
        return new TestClient(STATELESS, baseUrl, Map.of());
    }

    public static TestClient onPort(int port) {
        return at("http://localhost:" + port);
    }

    /** A browser-like visitor of the same service: a fresh cookie jar (so a session of its own), still anonymous. */
    public TestClient session() {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new TestClient(browser, baseUrl, headers);
    }

    /**
     * A session signed in through the sign-in form at {@code /login}.
     *
     * @throws IllegalStateException when the service does not let the account in
     */
    public TestClient signedIn(String username, String password) {
        TestClient session = session();
        Response signedIn = session.signIn(username, password);
        String location = signedIn.header("Location");
        if (signedIn.status() != 302 || location == null || location.contains("/login")) {
            throw new IllegalStateException(username + " could not sign in: " + signedIn.status() + " " + location);
        }
        return session;
    }

    /** A session signed in as a development account ({@code <name>-dev-password}); {@code anonymous} stays out. */
    public TestClient signedInAs(String caller) {
        return "anonymous".equals(caller) ? session() : signedIn(caller, caller + "-dev-password");
    }

    /** Sends the sign-in form; the answer is its redirect (to the pages' home, or back to {@code /login?error}). */
    public Response signIn(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    /** The same client, signed in with HTTP Basic on every request. */
    public TestClient as(String username, String password) {
        String token = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return withHeader("Authorization", "Basic " + token);
    }

    /**
     * The same client with HTTP Basic as a development account ({@code <name>-dev-password}), or left anonymous for the
     * caller {@code anonymous}: the callers of an authorization matrix.
     */
    public TestClient asDevAccount(String caller) {
        return "anonymous".equals(caller) ? this : as(caller, caller + "-dev-password");
    }

    /**
     * The same client (and cookie jar), sending one more header with every request, e.g. a W3C {@code traceparent},
     * an {@code Idempotency-Key} or an {@code Origin}; it replaces the client's default of that name (e.g. Accept).
     */
    public TestClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new TestClient(http, baseUrl, more);
    }

    /** A GET accepting JSON and problem details. */
    public Response get(String path) {
        return send("GET", path, Map.of("Accept", JSON_TYPES), null);
    }

    /** A GET accepting anything, for pages and metrics. */
    public Response getText(String path) {
        return send("GET", path, Map.of("Accept", "*/*"), null);
    }

    /** Sends JSON: a String as it is, anything else written by Jackson. */
    public Response post(String path, Object body) {
        return sendJson("POST", path, body);
    }

    public Response put(String path, Object body) {
        return sendJson("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, Map.of("Accept", JSON_TYPES), null);
    }

    /** Sends a request as an authorization matrix lists it: a GET accepting anything, other methods with {@code {}}. */
    public Response call(String method, String path) {
        return switch (method) {
            case "GET" -> getText(path);
            case "POST" -> post(path, "{}");
            case "PUT" -> put(path, "{}");
            case "DELETE" -> delete(path);
            default -> throw new IllegalArgumentException("No such method in a matrix: " + method);
        };
    }

    /** Any method with a body (or none, when null) of a given content type, for bodies no well-behaved client sends. */
    public Response send(String method, String path, String contentType, String body) {
        return send(method, path, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
    }

    /** Posts a form exactly as given: no CSRF token unless the caller adds one. */
    public Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, "application/x-www-form-urlencoded", body);
    }

    /** Follows a redirect this client was given. */
    public Response follow(Response redirect) {
        String location = redirect.header("Location");
        if (location == null) {
            throw new IllegalStateException("not a redirect: " + redirect);
        }
        return send("GET", URI.create(baseUrl).resolve(location), Map.of(), null);
    }

    /** Opens a page and submits one of its forms with the page's hidden fields. */
    public Response submit(String pagePath, String actionPath, Map<String, String> fields) {
        return postForm(actionPath, formOf(pagePath, fields));
    }

    /** Submits a form of a page this session opened earlier, with that page's hidden fields. */
    public Response submit(Response page, String actionPath, Map<String, String> fields) {
        return postForm(actionPath, formOf(page, fields));
    }

    /**
     * Opens a page and fills in one of its forms: the fields given and the page's hidden ones. Posting it twice is
     * what a browser resending the form does.
     */
    public Map<String, String> formOf(String pagePath, Map<String, String> fields) {
        Response page = getText(pagePath);
        if (page.status() != 200) {
            throw new IllegalStateException("page " + pagePath + " answered " + page.status());
        }
        return formOf(page, fields);
    }

    private static Map<String, String> formOf(Response page, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken(page));
        Matcher key = REQUEST_KEY_FIELD.matcher(page.body());
        if (key.find()) {
            form.put("requestKey", key.group(1));
        }
        return form;
    }

    public static String csrfToken(Response page) {
        Matcher token = CSRF_FIELD.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF field on " + page.uri());
        }
        return token.group(1);
    }

    private Response sendJson(String method, String path, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(method, path, Map.of("Content-Type", "application/json", "Accept", JSON_TYPES), json);
    }

    private Response send(String method, String path, Map<String, String> defaults, String body) {
        return send(method, URI.create(baseUrl + path), defaults, body);
    }

    private Response send(String method, URI uri, Map<String, String> defaults, String body) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(defaults);
        all.putAll(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body(), response.uri());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes HTTP/1.1 byte for byte to a socket from the loopback address, for what the JDK's client refuses to send:
     * the request line, then Host, the given headers, Content-Length (unless given) and {@code Connection: close},
     * then the body. The answer is read to the end of the stream.
     */
    public Response sendRaw(String requestLine, List<Map.Entry<String, String>> headers, byte[] body) {
        return sendRaw(InetAddress.getLoopbackAddress(), requestLine, headers, body);
    }

    /** The same, from a chosen local address such as 127.0.0.2, which the JDK's client cannot bind. */
    public Response sendRaw(InetAddress from, String requestLine, List<Map.Entry<String, String>> headers,
            byte[] body) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort()),
                    (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(rawRequest(requestLine, headers, body));
                out.flush();
            } catch (SocketException refusedMidway) {
                // the server may answer and close before it has read all of an oversized request
            }
            return Response.parse(readAll(socket.getInputStream()), base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] rawRequest(String requestLine, List<Map.Entry<String, String>> headers, byte[] body) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        List<Map.Entry<String, String>> all = new ArrayList<>();
        all.add(Map.entry("Host", URI.create(baseUrl).getAuthority()));
        all.addAll(headers);
        boolean sendsBody = body.length > 0 || requestLine.startsWith("POST ") || requestLine.startsWith("PUT ");
        if (sendsBody && all.stream().noneMatch(header -> header.getKey().equalsIgnoreCase("Content-Length"))) {
            all.add(Map.entry("Content-Length", Integer.toString(body.length)));
        }
        all.add(Map.entry("Connection", "close"));
        all.forEach(header -> head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            // a server that refused an oversized request may reset the connection after its answer
        }
        return bytes.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * An answer, read as UTF-8 text.
     *
     * @param uri what was asked for; for bytes sent by {@link #sendRaw}, which need not be an address, the server's
     */
    public record Response(int status, HttpHeaders headers, String body, URI uri) {

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The path the {@code rel="next"} link of a paged answer names, or null on the last page. */
        public String nextPage() {
            return headers.allValues("Link").stream().filter(link -> link.endsWith("rel=\"next\""))
                    .map(link -> link.substring(1, link.indexOf('>'))).findFirst().orElse(null);
        }

        /** The body as JSON; a missing node when there is none. */
        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }

        static Response parse(byte[] raw, URI uri) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int endOfHead = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || endOfHead < 0) {
                throw new IllegalStateException("Not an HTTP/1.1 response: " + text);
            }
            String[] lines = text.substring(0, endOfHead).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            HttpHeaders parsed = HttpHeaders.of(headers, (name, value) -> true);
            byte[] body = Arrays.copyOfRange(raw, endOfHead + 4, raw.length);
            if ("chunked".equalsIgnoreCase(parsed.firstValue("Transfer-Encoding").orElse(""))) {
                body = dechunked(body);
            }
            return new Response(Integer.parseInt(lines[0].substring(9, 12)), parsed,
                    new String(body, StandardCharsets.UTF_8), uri);
        }

        private static byte[] dechunked(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = indexOfCrLf(chunked, at);
                String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    break;
                }
                body.write(chunked, lineEnd + 2, length);
                at = lineEnd + 2 + length + 2;
            }
            return body.toByteArray();
        }

        private static int indexOfCrLf(byte[] bytes, int from) {
            for (int i = from; i < bytes.length - 1; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            throw new IllegalStateException("A chunk size without its line end");
        }
    }
}

package org.erratum.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erratum.testsupport.TestClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corpora of hostile and broken requests, one case a line, and the check every case must pass against a running
 * service: exactly the expected status, an RFC 9457 problem naming the field at fault, and no trace of the request
 * in what the service stores, publishes or counts. Each service keeps its corpus in
 * {@code src/test/resources/hostile-inputs.txt}; the format is described at the top of each.
 * <p>
 * A line is {@code status TAB field TAB request TAB body}:
 * <ul>
 * <li>{@code field}: the name expected in the problem's {@code errors[].field} (a body member such as
 * {@code sections[0].heading}, a parameter, or a header such as {@code Content-Type}), or {@code -} for none;</li>
 * <li>{@code request}: {@code METHOD PATH}, or the shorthands {@code json:PATH}, {@code form:PATH} and
 * {@code TYPE:PATH} for a POST with that content type; then any headers as {@code | Name: value}. Every request
 * gets {@code Host}, {@code Connection: close}, a {@code Content-Length} for its body and, unless it names its
 * own, {@code Accept: application/json, application/problem+json};</li>
 * <li>in the request and the body, {@code {N*TEXT}} is TEXT repeated N times, {@code \xNN} one raw byte, and
 * every other {@code {...}} a placeholder the service's test fills in (an article id, a form token, a signed-in
 * account's {@code Authorization}).</li>
 * </ul>
 * A 303 is a plain HTML form sent back to its page: the {@code Location} must be the service's own page address
 * with {@code feedback=invalid} and {@code field=FIELD}. A 405 must say what is allowed ({@code Allow}).
 */
public final class HostileInputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)\\*([^}]*)}");
    private static final Pattern METHOD_AND_PATH = Pattern.compile("([A-Z]+) (\\S.*)");
    private static final String JSON_TYPES = "application/json, application/problem+json";

    /** One hostile request and what it must be answered with. */
    public record Case(String name, int status, String field, String method, String path,
            List<Map.Entry<String, String>> headers, String body) {

        @Override
        public String toString() {
            return name;
        }
    }

    private final int port;
    private final UnaryOperator<String> placeholders;
    private final Supplier<?> trace;
    private final String pagePrefix;

    private HostileInputs(int port, UnaryOperator<String> placeholders, Supplier<?> trace, String pagePrefix) {
        this.port = port;
        this.placeholders = placeholders;
        this.trace = trace;
        this.pagePrefix = pagePrefix;
    }

    /**
     * @param placeholders fills the service's placeholders in a request line, header value or body
     * @param trace        what the service stores, publishes and counts, compared before and after each case
     */
    public static HostileInputs against(int port, UnaryOperator<String> placeholders, Supplier<?> trace) {
        return new HostileInputs(port, placeholders, trace, null);
    }

    /** The same runner, for a service whose forms are sent back to pages whose address starts so. */
    public HostileInputs redirectingTo(String pagePrefix) {
        return new HostileInputs(port, placeholders, trace, pagePrefix);
    }

    /** The cases of a corpus on the classpath, plus any built in code (too large to write out). */
    public static List<Case> load(String resource, Case... generated) {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = HostileInputs.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, resource);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                    cases.add(parse(lines[i], "line " + (i + 1) + ": "));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cases.addAll(Arrays.asList(generated));
        return cases;
    }

    /** A case written in code, in the corpus's own notation. */
    public static Case generated(String name, int status, String field, String request, String body) {
        return parse(status + "\t" + field + "\t" + request + "\t" + body, name + ": ");
    }

    /** The request with 120 headers more: over Tomcat's limit of 100, to be answered 431. */
    public static Case tooManyHeaders(String request) {
        return generated("120 headers", 431, "-", request + " | X-Padding: a".repeat(120), "");
    }

    private static Case parse(String line, String where) {
        String[] columns = line.split("\t", 4);
        assertThat(columns).as("%s four tab-separated columns", where).hasSize(4);
        String[] parts = columns[2].split(" \\| ");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            assertThat(colon).as("%s header %s", where, parts[i]).isPositive();
            headers.add(Map.entry(parts[i].substring(0, colon), parts[i].substring(colon + 1).strip()));
        }
        String method = "POST";
        String path;
        Matcher explicit = METHOD_AND_PATH.matcher(parts[0]);
        if (explicit.matches()) {
            method = explicit.group(1);
            path = explicit.group(2);
        } else {
            int split = parts[0].lastIndexOf(":/");
            assertThat(split).as("%s request %s", where, parts[0]).isPositive();
            String type = switch (parts[0].substring(0, split)) {
                case "json" -> "application/json";
                case "form" -> "application/x-www-form-urlencoded";
                default -> parts[0].substring(0, split);
            };
            headers.add(0, Map.entry("Content-Type", type));
            path = parts[0].substring(split + 1);
        }
        String name = where + method + " " + abbreviated(path + " "
                + String.join(" ", headers.stream().map(Map.Entry::getValue).toList()) + " " + columns[3]);
        return new Case(name, Integer.parseInt(columns[0]), columns[1], method, path, headers, columns[3]);
    }

    /** Sends the case and checks its answer and that it left no trace. */
    public void assertRefused(Case hostile) {
        Object before = trace.get();

        Response response = send(hostile);

        assertThat(response.status()).as("%s answered %s %s", hostile, response.headers(), response.body())
                .isEqualTo(hostile.status());
        if (hostile.status() == 303) {
            assertSentBackNaming(hostile, response.header("Location"));
        } else {
            assertProblemNaming(hostile, response);
        }
        if (hostile.status() == 405) {
            assertThat(response.header("Allow")).as("Allow of %s", hostile).isNotBlank();
        }
        assertThat(trace.get()).as("what the service stored, published and counted after %s", hostile)
                .isEqualTo(before);
    }

    private void assertProblemNaming(Case hostile, Response response) {
        assertThat(response.header("Content-Type")).as("Content-Type of %s", hostile)
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).as("status member of %s", response.body())
                .isEqualTo(hostile.status());
        assertThat(problem.path("title").asString()).as("title of %s", response.body()).isNotBlank();
        if (!"-".equals(hostile.field())) {
            JsonNode errors = problem.get("errors");
            assertThat(errors).as("errors[] of %s", response.body()).isNotNull();
            assertThat(errors.valueStream().map(e -> e.get("field").asString()).toList()).as(hostile.name())
                    .contains(hostile.field());
        }
    }

    private void assertSentBackNaming(Case hostile, String location) {
        assertThat(pagePrefix).as("a 303 needs the service's page address").isNotNull();
        assertThat(location).as("Location of %s", hostile).startsWith(pagePrefix).endsWith("#feedback");
        List<String> query = Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .map(pair -> URLDecoder.decode(pair, StandardCharsets.UTF_8)).toList();
        assertThat(query).as("query of %s", location).contains("feedback=invalid", "field=" + hostile.field());
    }

    private Response send(Case hostile) {
        byte[] body = escaped(placeholders.apply(repeated(hostile.body())));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (hostile.headers().stream().map(Map.Entry::getKey).noneMatch("Accept"::equalsIgnoreCase)) {
            headers.add(Map.entry("Accept", JSON_TYPES));
        }
        hostile.headers().forEach(header -> headers.add(Map.entry(header.getKey(),
                latin1(placeholders.apply(repeated(header.getValue()))))));
        String requestLine = hostile.method() + " " + latin1(placeholders.apply(repeated(hostile.path())))
                + " HTTP/1.1";
        return TestClient.onPort(port).sendRaw(requestLine, headers, body);
    }

    private static String repeated(String text) {
        Matcher repeat = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(out,
                    Matcher.quoteReplacement(repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))));
        }
        return repeat.appendTail(out).toString();
    }

    /** UTF-8, except that each \xNN stands for one raw byte, so a body can carry bytes that are not UTF-8. */
    private static byte[] escaped(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        int escape;
        while ((escape = text.indexOf("\\x", at)) >= 0) {
            out.writeBytes(text.substring(at, escape).getBytes(StandardCharsets.UTF_8));
            out.write(Integer.parseInt(text.substring(escape + 2, escape + 4), 16));
            at = escape + 4;
        }
        out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The request head travels as ISO-8859-1: each \xNN becomes the character of that byte. */
    private static String latin1(String text) {
        return new String(escaped(text), StandardCharsets.ISO_8859_1);
    }

    private static String abbreviated(String text) {
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }
}

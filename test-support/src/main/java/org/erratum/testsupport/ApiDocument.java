package org.erratum.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.erratum.testsupport.TestClient.Response;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document as it serves it, checked against the copy committed beside the service's sources
 * ({@code openapi.json}, which the README links), and against the controllers themselves: the document cannot change
 * without the committed copy changing with it, nor leave an endpoint out.
 */
public final class ApiDocument {

    /** Set to {@code true} to write the served document over the committed copy instead of comparing them. */
    public static final String REGENERATE = "erratum.openapi.regenerate";

    static final Path COMMITTED = Path.of("openapi.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String module;
    private final JsonNode served;
    private final String text;

    private ApiDocument(String module, String text) {
        this.module = module;
        this.text = text;
        this.served = JSON.readTree(text);
    }

    /** Fetches the document from the running service, as a staff member may. */
    public static ApiDocument servedBy(TestClient staff, String module) {
        Response response = staff.get("/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new ApiDocument(module, response.body().strip() + "\n");
    }

    public JsonNode json() {
        return served;
    }

    /** The served document is the committed one; or, when regenerating, becomes it. */
    public void isTheCommittedOne() {
        try {
            if (Boolean.getBoolean(REGENERATE)) {
                Files.writeString(COMMITTED, text, StandardCharsets.UTF_8);
                return;
            }
            assertThat(Files.exists(COMMITTED)).as("%s/%s is missing; %s", module, COMMITTED, howToRegenerate())
                    .isTrue();
            String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
            if (!JSON.readTree(committed).equals(served)) {
                assertThat(text).as("The OpenAPI document the controllers make differs from the committed %s/%s. "
                        + "If the API change is intended, %s", module, COMMITTED, howToRegenerate())
                        .isEqualTo(committed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every handler mapped under {@code /api/} is an operation of the document. */
    public void documentsEveryApiMappingOf(RequestMappingHandlerMapping mappings) {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name().toLowerCase(Locale.ROOT) + " " + pattern))));
        Set<String> documented = new TreeSet<>();
        served.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey() + " " + path.getKey())));

        assertThat(mapped).as("API endpoints").isNotEmpty();
        assertThat(documented).as("operations of %s's OpenAPI document", module).containsAll(mapped);
    }

    private String howToRegenerate() {
        return "regenerate it with ./mvnw -B -pl " + module + " -am test -Dtest='ApiDocumentIntegrationTests'"
                + " -Dsurefire.failIfNoSpecifiedTests=false -D" + REGENERATE + "=true and commit it with the change.";
    }
}

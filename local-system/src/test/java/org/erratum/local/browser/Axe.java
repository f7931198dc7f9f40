package org.erratum.local.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, the accessibility engine, injected into a page in the browser. It comes from the npm registry
 * ({@code local-system/package.json}, installed with {@code npm ci --prefix local-system}).
 */
final class Axe {

    static final Path SCRIPT = Path.of("node_modules/axe-core/axe.min.js");

    /** The WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA that axe can check automatically. */
    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Axe() {
    }

    static void requireInstalled() {
        Chromium.require(Files.isReadable(SCRIPT), "axe-core (local-system/" + SCRIPT + ", npm ci --prefix local-system)");
    }

    /** The violations on the page as it is now, one readable line per rule and element; empty when there is none. */
    static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(results => done(JSON.stringify(results.violations)))
                  .catch(error => done(JSON.stringify({ error: String(error) })));""", WCAG_A_AA);
        JsonNode violations = JSON.readTree((String) result);
        if (violations.has("error")) {
            throw new IllegalStateException("axe failed: " + violations.get("error").asString());
        }
        List<String> found = new ArrayList<>();
        for (JsonNode violation : violations) {
            for (JsonNode node : violation.get("nodes")) {
                found.add(violation.get("id").asString() + " (" + violation.get("impact").asString() + "): "
                        + violation.get("help").asString() + " at " + node.get("target") + " — "
                        + node.get("failureSummary").asString());
            }
        }
        return found;
    }

    private static String source() {
        try {
            return Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

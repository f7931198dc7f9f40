package org.erratum.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erratum.testsupport.TestClient.Response;

/** One read of {@code /actuator/prometheus}, anonymous as Prometheus scrapes it, parsed into samples. */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static Scrape of(int port) {
        Response response = TestClient.onPort(port).getText("/actuator/prometheus");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.add(new Sample(sample.group(1), labels, number(sample.group(3))));
        }
        return new Scrape(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /**
     * The value of the one sample with this name and these labels (others may be present).
     *
     * @param labels name, value, name, value, ...
     */
    public double value(String name, String... labels) {
        List<Sample> matching = samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).toList();
        assertThat(matching).as("samples of %s %s", name, List.of(labels)).hasSize(1);
        return matching.get(0).value();
    }

    /**
     * Whether a sample with this name and these labels is exported (others may be present): for a series whose value
     * other tests move, but whose presence is what a dashboard or alert relies on.
     *
     * @param labels name, value, name, value, ...
     */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && s.has(labels));
    }

    /**
     * How much a counter grew since an earlier scrape; a series the earlier scrape did not have yet counts from 0.
     *
     * @param labels name, value, name, value, ...
     */
    public double increase(Scrape earlier, String name, String... labels) {
        boolean existedBefore = earlier.samples.stream().anyMatch(s -> s.name().equals(name) && s.has(labels));
        return value(name, labels) - (existedBefore ? earlier.value(name, labels) : 0);
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    public record Sample(String name, Map<String, String> labels, double value) {

        boolean has(String... pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
                    return false;
                }
            }
            return true;
        }
    }
}

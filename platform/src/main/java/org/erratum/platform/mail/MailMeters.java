package org.erratum.platform.mail;

import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters of a service's {@link Postman}: {@code <prefix>.sent} and {@code <prefix>.failed}, by {@code kind}.
 * The given kinds are registered at once, so every series exists (at 0) before the first message.
 *
 * @param what what the messages are, for the descriptions, e.g. "messages to readers"
 */
public record MailMeters(MeterRegistry registry, String prefix, String what, List<String> kinds) {

    public MailMeters {
        kinds = List.copyOf(kinds);
        kinds.forEach(kind -> {
            sent(registry, prefix, what, kind);
            failed(registry, prefix, what, kind);
        });
    }

    void sent(Mail mail) {
        sent(registry, prefix, what, label(mail)).increment();
    }

    void failed(Mail mail) {
        failed(registry, prefix, what, label(mail)).increment();
    }

    private static String label(Mail mail) {
        return mail.kind() == null ? "unknown" : mail.kind().toLowerCase(Locale.ROOT);
    }

    private static Counter sent(MeterRegistry registry, String prefix, String what, String kind) {
        return Counter.builder(prefix + ".sent").description(capitalised(what) + " the SMTP server accepted")
                .tag("kind", kind).register(registry);
    }

    private static Counter failed(MeterRegistry registry, String prefix, String what, String kind) {
        return Counter.builder(prefix + ".failed")
                .description("Attempts to send " + what + " that the SMTP server did not accept")
                .tag("kind", kind).register(registry);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

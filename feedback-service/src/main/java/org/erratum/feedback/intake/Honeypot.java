package org.erratum.feedback.intake;

/**
 * A text field the article page hides from people (visually hidden, out of the tab order, hidden from screen
 * readers, no autofill). Form-filling bots fill every field they find, so any value at all marks a bot.
 */
final class Honeypot {

    static final String REASON = "honeypot field filled in";

    private Honeypot() {
    }

    static boolean caught(String website) {
        return website != null && !website.isEmpty();
    }
}

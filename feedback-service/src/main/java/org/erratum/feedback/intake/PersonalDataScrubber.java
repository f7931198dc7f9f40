package org.erratum.feedback.intake;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data readers type into free text (their own or someone else's) before it is stored or
 * published: email addresses, phone numbers, and identity numbers (NHS numbers, UK National Insurance numbers, US
 * Social Security numbers). Patterns are tried most specific first. Numbers are matched by shape, not by checksum:
 * keeping a mistyped NHS number would still be keeping an NHS number. Short numbers (doses, counts, years) never
 * have those shapes and are left alone.
 */
final class PersonalDataScrubber {

    static final String EMAIL_REMOVED = "[email removed]";
    static final String PHONE_REMOVED = "[phone removed]";
    static final String ID_REMOVED = "[id number removed]";

    /** No digit or word character may touch a match, so part of a longer number is never taken. */
    private static final String START = "(?<![\\w+])";
    private static final String END = "(?![\\w])";

    private record Rule(Pattern pattern, String marker) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
                    EMAIL_REMOVED),
            // international: +44 20 7946 0958, +1 (415) 555-2671, 0044 7700 900123
            new Rule(Pattern.compile(START + "(?:\\+|00)[1-9]\\d{0,2}(?:[ .-]?\\(?\\d{1,5}\\)?){2,6}" + END),
                    PHONE_REMOVED),
            // North American with the area code in brackets: (415) 555-2671
            new Rule(Pattern.compile("(?<!\\w)\\(\\d{3}\\) ?\\d{3}[ .-]?\\d{4}" + END), PHONE_REMOVED),
            // UK national: 020 7946 0958, (0161) 496 0000, 07700 900123, 07700900123
            new Rule(Pattern.compile(START + "(?:\\(0\\d{2,4}\\)|0\\d{2,4})[ -]?\\d{3,4}[ -]?\\d{3,4}" + END),
                    PHONE_REMOVED),
            // US Social Security number: 123-45-6789, 123 45 6789
            new Rule(Pattern.compile(START + "\\d{3}([ -])\\d{2}\\1\\d{4}" + END), ID_REMOVED),
            // NHS number: 10 digits, often written 3-3-4
            new Rule(Pattern.compile(START + "\\d{3}[ -]?\\d{3}[ -]?\\d{4}" + END), ID_REMOVED),
            // UK National Insurance number: QQ 12 34 56 C; any two letters, since a mistyped prefix is still personal
            new Rule(Pattern.compile("(?i)\\b[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b"), ID_REMOVED));

    private PersonalDataScrubber() {
    }

    /** @return the text with personal data replaced by a marker; null stays null */
    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        // every rule but the first matches only where there is a digit (\d is ASCII), the first only at an '@':
        // most feedback has neither, and then seven scans of the text find nothing
        boolean digits = text.chars().anyMatch(c -> c >= '0' && c <= '9');
        if (!digits && text.indexOf('@') < 0) {
            return text;
        }
        String scrubbed = text;
        for (Rule rule : digits ? RULES : RULES.subList(0, 1)) {
            scrubbed = rule.pattern().matcher(scrubbed).replaceAll(Matcher.quoteReplacement(rule.marker()));
        }
        return scrubbed;
    }
}

package org.erratum.feedback.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules that tell a bot's or a scanner's report from a reader's, on the text alone. Each rule is cheap and errs
 * towards letting feedback through: a false positive only means a reviewer never sees one report, so rules stay
 * few and blunt, like GOV.UK's feedback intake.
 */
final class SpamRules {

    /**
     * Fragments of the payloads that vulnerability scanners and injection probes send, compared in lower case with
     * runs of white space folded to one space. None belongs in a sentence about an article.
     */
    static final List<String> SCANNER_SIGNATURES = List.of(
            "<script", "javascript:", "onerror=", "onload=", "<iframe", "<svg", "<?php",
            "' or 1=1", "\" or 1=1", "' or '1'='1", "or 1=1--", "union select", "union all select", "; drop table",
            "xp_cmdshell", "waitfor delay", "benchmark(",
            "../../", "..\\..\\", "/etc/passwd", "c:\\windows\\",
            "${jndi:", "${env:", "{{7*7}}", "#{7*7}",
            "sqlmap", "acunetix", "nikto", "nessus", "netsparker", "burpcollaborator", "appscan");

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern LEFT_AFTER_LINKS = Pattern.compile("[\\s\\p{Punct}]*");

    private SpamRules() {
    }

    /**
     * @param comment the report's comment, not blank
     * @param passage the quoted passage, or null
     * @return why the text looks like spam; empty when it does not
     */
    static List<String> reasonsFor(String comment, String passage) {
        List<String> reasons = new ArrayList<>();
        String text = normalised(comment);
        if (!text.isEmpty() && !text.contains(" ")) {
            reasons.add("comment is a single word");
        }
        if (passage != null && text.equals(normalised(passage))) {
            reasons.add("comment repeats the passage");
        }
        if (isOnlyLinks(comment)) {
            reasons.add("comment is only links");
        }
        String searched = text + "\n" + (passage == null ? "" : normalised(passage));
        SCANNER_SIGNATURES.stream()
                .filter(searched::contains)
                .findFirst()
                .ifPresent(signature -> reasons.add("scanner signature " + signature));
        return reasons;
    }

    private static boolean isOnlyLinks(String text) {
        return LINK.matcher(text).find() && LEFT_AFTER_LINKS.matcher(LINK.matcher(text).replaceAll("")).matches();
    }

    private static String normalised(String text) {
        return WHITE_SPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}

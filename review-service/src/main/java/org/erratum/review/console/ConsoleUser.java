package org.erratum.review.console;

/**
 * The signed-in reviewer as the console's header shows them.
 *
 * @param name   the clinical name on record, else the username
 * @param senior may sign off and take escalated items
 */
record ConsoleUser(String username, String name, boolean senior) {
}

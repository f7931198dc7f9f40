package org.erratum.feedback.contact;

/** What one message says: plain text, so nothing in it can be taken for markup by a mail client. */
record Letter(String subject, String text) {
}

package org.erratum.events;

/** A clinician as shown on the article page: "Medically reviewed by NAME, CREDENTIALS". */
public record Reviewer(String name, String credentials) {
}

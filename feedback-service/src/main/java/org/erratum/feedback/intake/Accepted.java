package org.erratum.feedback.intake;

/** The JSON answer to accepted feedback: {@code {"id": "...", "status": "accepted"}}. */
public record Accepted(String id, String status) {

    public static Accepted of(Acceptance acceptance) {
        return new Accepted(acceptance.id(), "accepted");
    }
}

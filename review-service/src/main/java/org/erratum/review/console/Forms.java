package org.erratum.review.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.erratum.review.queue.Outcome;

/** The console's forms, with the same limits as the JSON API. Empty optional fields arrive as null. */
final class Forms {

    /** Longest note, reason or summary, as in the JSON API. */
    static final int MAX_TEXT = 2000;

    private Forms() {
    }

    record NoteForm(@NotBlank @Size(max = MAX_TEXT) String text) {
    }

    record EscalateForm(@NotBlank @Size(max = MAX_TEXT) String reason) {
    }

    /**
     * @param revision    the content revision that fixed the article; required when the outcome is REVISED
     * @param duplicateOf the item this one repeats; required when the outcome is DUPLICATE
     */
    record ResolveForm(@NotNull Outcome outcome, @Positive Integer revision,
            @NotBlank @Size(max = MAX_TEXT) String summary, @Size(max = 100) String duplicateOf) {

        static ResolveForm empty() {
            return new ResolveForm(null, null, null, null);
        }

        String duplicateOfOrNull() {
            return optional(duplicateOf);
        }
    }

    /** @param revision the revision the clinician reviewed */
    record SignOffForm(@NotNull @Positive Integer revision) {
    }

    /** An optional item id from a form or link: blank means none. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.erratum.review.console;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.erratum.review.queue.Outcome;
import org.erratum.review.queue.ReviewItem.SafetyNotice;
import org.erratum.review.signoff.SignOffs;

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
     * @param revision     the content revision that fixed the article; required when the outcome is REVISED
     * @param publicReason what readers who asked to hear back are told; optional
     * @param duplicateOf  the item this one repeats; required when the outcome is DUPLICATE
     */
    record ResolveForm(@NotNull Outcome outcome, @Positive Integer revision,
            @NotBlank @Size(max = MAX_TEXT) String summary, @Size(max = MAX_TEXT) String publicReason,
            @Size(max = 100) String duplicateOf) {

        static ResolveForm empty() {
            return new ResolveForm(null, null, null, null, null);
        }

        String publicReasonOrNull() {
            return optional(publicReason);
        }

        String duplicateOfOrNull() {
            return optional(duplicateOf);
        }
    }

    /** @param notice named apart from the note's {@code text}, so that an error links to this field */
    record SafetyNoticeForm(@NotBlank @Size(max = SafetyNotice.MAX_LENGTH)
            @Pattern(regexp = SafetyNotice.ONE_LINE, message = "must be one line of plain text") String notice) {
    }

    /**
     * @param revision             the revision the clinician reviewed
     * @param reviewedWholeArticle the checkbox: unticked, a browser sends nothing
     */
    record SignOffForm(@NotNull @Positive Integer revision,
            @NotNull(message = SignOffs.WHOLE_ARTICLE) @AssertTrue(message = SignOffs.WHOLE_ARTICLE)
            Boolean reviewedWholeArticle) {
    }

    /** An optional item id from a form or link: blank means none. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

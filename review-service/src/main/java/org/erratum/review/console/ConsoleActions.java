package org.erratum.review.console;

import java.util.function.Supplier;

import org.erratum.platform.web.IdempotencyKey;
import org.erratum.platform.web.Problems;
import org.erratum.review.queue.QueueProblems;
import org.erratum.review.queue.QueueRefusal;
import org.erratum.review.signoff.SignOffProblems;
import org.erratum.review.signoff.SignOffRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post-redirect-get for console forms: the outcome of an action travels to the next page as a flash attribute,
 * either a confirmation ({@code message}) or the queue's or the sign-off's problem ({@code problem}), never as an
 * error page.
 * <p>
 * Every form carries an idempotency key made when its page was rendered (the {@code requestKey} fragment of the
 * layout), so the same form sent twice is one request: the second answers with the same confirmation and changes
 * nothing.
 */
final class ConsoleActions {

    static final String MESSAGE = "message";
    static final String PROBLEM = "problem";

    private ConsoleActions() {
    }

    /**
     * Runs the action and flashes its confirmation, or the problem that stopped it.
     *
     * @return whether the action succeeded
     */
    static boolean perform(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute(MESSAGE, action.get());
            return true;
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute(PROBLEM, Problem.of(refused));
        } catch (QueueRefusal refused) {
            flash.addFlashAttribute(PROBLEM, Problem.of(QueueProblems.problemOf(refused)));
        } catch (SignOffRefusal refused) {
            flash.addFlashAttribute(PROBLEM, Problem.of(SignOffProblems.problemOf(refused)));
        }
        return false;
    }

    /** The form's key; a form without a valid one comes from an outdated page, or was not made by the console. */
    static IdempotencyKey keyOf(String requestKey) {
        try {
            return new IdempotencyKey(requestKey);
        } catch (ErrorResponseException invalid) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, IdempotencyKey.FORM_FIELD,
                    "is missing from this form: reload the page and send it again");
        }
    }

    /**
     * Flashes a form's validation errors, and the form itself so the page shows what was typed. A form whose
     * values could not even be converted (letters in a number) is null: the page then starts afresh.
     *
     * @return whether the form is invalid and the action must not run
     */
    static boolean rejected(BindingResult result, String formName, Object form, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            return false;
        }
        flash.addFlashAttribute(PROBLEM, Problem.of(result));
        if (form != null) {
            flash.addFlashAttribute(formName, form);
        }
        return true;
    }
}

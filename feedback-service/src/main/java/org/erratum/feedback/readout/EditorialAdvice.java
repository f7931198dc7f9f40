package org.erratum.feedback.readout;

import java.security.Principal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every editorial page shares: who is signed in, for the header, and the editor link; and problems shown as a
 * page an editor can read instead of the JSON problem the API answers with. Ordered before the platform's API advice
 * and limited to the page controllers, so the JSON readouts keep answering JSON.
 */
@ControllerAdvice(assignableTypes = { EditorialController.class, EditorialSignInController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class EditorialAdvice {

    private final EditorialPages pages;

    EditorialAdvice(EditorialPages pages) {
        this.pages = pages;
    }

    /** @return the signed-in username, or null on the sign-in page */
    @ModelAttribute("user")
    String user(Principal principal) {
        return principal instanceof Authentication authentication && authentication.isAuthenticated()
                ? authentication.getName() : null;
    }

    @ModelAttribute("editorUrl")
    String editorUrl() {
        return pages.editorUrl();
    }

    /** An unknown article (404), or a hand-edited link with a value the page does not offer (400). */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView problem(ErrorResponseException exception, Principal principal) {
        ModelAndView page = new ModelAndView("editorial/problem");
        page.setStatus(exception.getStatusCode());
        page.addObject("problem", PageProblem.of(exception));
        page.addObject("user", user(principal));
        page.addObject("editorUrl", editorUrl());
        return page;
    }
}

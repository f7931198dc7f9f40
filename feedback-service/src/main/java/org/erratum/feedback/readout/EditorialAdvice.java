package org.erratum.feedback.readout;

import java.security.Principal;

import org.erratum.feedback.readout.OverviewPage.ExportForm;
import org.erratum.platform.web.ProblemDetailsAdvice;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
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
    private final ProblemDetailsAdvice problems;

    EditorialAdvice(EditorialPages pages, ProblemDetailsAdvice problems) {
        this.pages = pages;
        this.problems = problems;
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

    /**
     * An unknown article (404), or a hand-edited link with a value the page does not offer (400). The problem is the
     * one the platform's advice makes for the JSON API, field errors included. An export the form asked for and the
     * service refused is the overview again, with the problem beside the form and the dates as typed, so the editor
     * corrects them there.
     */
    @ExceptionHandler({ ErrorResponseException.class, TypeMismatchException.class,
        ServletRequestBindingException.class })
    ModelAndView problem(Exception exception, WebRequest request, Principal principal) throws Exception {
        ResponseEntity<Object> answer = problems.handleException(exception, request);
        if (answer == null || !(answer.getBody() instanceof ProblemDetail body)) {
            return null; // the response was already committed: nothing more can be said
        }
        PageProblem problem = PageProblem.of(body);
        boolean export = request instanceof ServletWebRequest servlet
                && servlet.getRequest().getRequestURI().endsWith(EditorialController.EXPORT);
        ModelAndView page;
        if (export && answer.getStatusCode().value() == HttpStatus.BAD_REQUEST.value()) {
            page = new ModelAndView("editorial/overview");
            page.addObject("page", pages.overview(ReportWindow.LAST_30_DAYS,
                    new ExportForm(request.getParameter("from"), request.getParameter("to"), problem)));
        } else {
            page = new ModelAndView("editorial/problem");
            page.addObject("problem", problem);
        }
        page.setStatus(answer.getStatusCode());
        page.addObject("user", user(principal));
        page.addObject("editorUrl", editorUrl());
        return page;
    }
}

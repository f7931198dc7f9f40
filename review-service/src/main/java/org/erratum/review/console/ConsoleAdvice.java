package org.erratum.review.console;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.erratum.events.Reviewer;
import org.erratum.platform.security.StaffSignIn;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.platform.web.Problems;
import org.erratum.review.queue.QueueProblems;
import org.erratum.review.queue.QueueRefusal;
import org.erratum.review.queue.Staff;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page shares: the signed-in reviewer for the header, and problems shown as a page a reviewer
 * can read (with the queue's own words) instead of the JSON problem the API answers with. Ordered before the
 * platform's API advice, and limited to the console's controllers so the API keeps answering JSON.
 */
@ControllerAdvice(assignableTypes = {QueueController.class, ItemController.class, SignOffPageController.class,
        SignInController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private final RoleHierarchy roles;
    private final StaffSignIn signIn;

    ConsoleAdvice(RoleHierarchy roles, StaffSignIn signIn) {
        this.roles = roles;
        this.signIn = signIn;
    }

    @ModelAttribute("user")
    ConsoleUser user(Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
            return null;
        }
        Staff who = Staff.of(authentication, roles);
        String name = signIn.clinician(authentication).map(Reviewer::name).orElse(who.username());
        return new ConsoleUser(who.username(), name == null ? who.username() : name, who.senior());
    }

    /** A fresh key for the forms of the page being rendered: see {@link ConsoleActions}. */
    @ModelAttribute(IdempotencyKey.FORM_FIELD)
    String requestKey() {
        return IdempotencyKey.random().value();
    }

    /** Something does not exist (404), or a value is invalid (400, 422). */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView problem(ErrorResponseException exception, HttpServletRequest request) {
        return problemPage(exception.getStatusCode().value(), Problem.of(exception), request);
    }

    /** The queue refused, with the status and words the API answers with. */
    @ExceptionHandler(QueueRefusal.class)
    ModelAndView refused(QueueRefusal refusal, HttpServletRequest request) {
        return problem(QueueProblems.problemOf(refusal), request);
    }

    /** A hand-edited link with a value of the wrong kind, e.g. {@code severity=SEVERE}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongType(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        return problemPage(HttpServletResponse.SC_BAD_REQUEST, new Problem("Invalid request", null,
                List.of(new Problems.FieldError(exception.getName(), "is not one of the values this page offers"))),
                request);
    }

    private ModelAndView problemPage(int status, Problem problem, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("console/problem");
        page.setStatus(HttpStatusCode.valueOf(status));
        page.addObject("problem", problem);
        page.addObject("user", user(request.getUserPrincipal()));
        return page;
    }
}

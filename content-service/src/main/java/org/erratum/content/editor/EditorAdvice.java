package org.erratum.content.editor;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.erratum.content.article.ArticleLimits;
import org.erratum.content.config.ContentProperties;
import org.erratum.events.Reviewer;
import org.erratum.platform.security.StaffSignIn;
import org.erratum.platform.web.Problems;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every editor page shares: the navigation with the signed-in editor, and problems shown as a page an editor
 * can read instead of the JSON problem the API answers with. Ordered before the platform's API advice, and
 * limited to the editor's controllers so the API keeps answering JSON.
 */
@ControllerAdvice(assignableTypes = {ArticleListController.class, ArticleEditorController.class,
        HistoryController.class, SignInController.class, GuidanceChangedController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class EditorAdvice {

    private final StaffSignIn signIn;
    private final ContentProperties properties;

    EditorAdvice(StaffSignIn signIn, ContentProperties properties) {
        this.signIn = signIn;
        this.properties = properties;
    }

    /**
     * The editor's navigation.
     *
     * @param user       the signed-in editor's name, or null on the sign-in page
     * @param insightUrl the editorial insight pages, in the feedback service
     */
    record Navigation(String user, String insightUrl) {
    }

    /** A problem as a page shows it: the same title, detail and field errors the JSON API answers with. */
    record Problem(String title, String detail, List<Problems.FieldError> errors) {

        static Problem of(ErrorResponseException exception) {
            ProblemDetail body = exception.getBody();
            return new Problem(body.getTitle(), body.getDetail(), fieldErrors(exception));
        }

        @SuppressWarnings("unchecked")
        static List<Problems.FieldError> fieldErrors(ErrorResponseException exception) {
            Map<String, Object> properties = exception.getBody().getProperties();
            Object errors = properties == null ? null : properties.get("errors");
            return errors instanceof List<?> list && list.stream().allMatch(Problems.FieldError.class::isInstance)
                    ? (List<Problems.FieldError>) list : List.of();
        }
    }

    @ModelAttribute("nav")
    Navigation navigation(Principal principal) {
        return new Navigation(nameOf(principal), properties.insightUrl());
    }

    /** Something does not exist (404), or a value is invalid (400). */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView problem(ErrorResponseException exception, HttpServletRequest request) {
        return problemPage(exception.getStatusCode(), Problem.of(exception), request);
    }

    /** A hand-edited link with a value of the wrong kind, e.g. {@code from=first}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongType(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        return problemPage(HttpStatus.BAD_REQUEST, new Problem("Invalid request", null,
                List.of(new Problems.FieldError(exception.getName(), "is not a value this page offers"))), request);
    }

    /** A post naming a row past what any article holds; no browser sends one (see {@link ArticleEditorController}). */
    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView rowsBeyondAnyArticle(InvalidPropertyException exception, HttpServletRequest request) {
        return problemPage(HttpStatus.BAD_REQUEST, new Problem("Invalid form", "Nothing was saved: the form names "
                + exception.getPropertyName() + ", and an article holds at most " + ArticleLimits.MAX_SECTIONS
                + " sections and " + ArticleLimits.MAX_REFERENCES + " references.", List.of()), request);
    }

    private ModelAndView problemPage(HttpStatusCode status, Problem problem, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("editor/problem");
        page.setStatus(status);
        page.addObject("problem", problem);
        page.addObject("nav", navigation(request.getUserPrincipal()));
        return page;
    }

    private String nameOf(Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
            return null;
        }
        return signIn.clinician(authentication).map(Reviewer::name).filter(name -> !name.isBlank())
                .orElse(authentication.getName());
    }
}

package org.erratum.feedback.config;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.erratum.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the plain HTML forms are read, and what a form body that cannot be read is answered with. */
@RestControllerAdvice(basePackages = "org.erratum.feedback")
class FormBindingAdvice {

    /**
     * Forms bind to the request records through their constructors only. Otherwise the binder also tries every
     * other parameter name as a property path after construction, and a crafted name such as {@code articleId[$ne]}
     * made it fail with a 500 instead of being ignored.
     */
    @InitBinder
    void bindThroughConstructorsOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }

    /**
     * Tomcat refuses form parameters whose percent-encoded bytes are not UTF-8 when the binder first reads them;
     * left alone, that surfaced as a 500. Tomcat does not say which parameter, so the problem names the body.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail unreadableForm(InvalidParameterException ex) {
        return Problems.invalid(HttpStatus.BAD_REQUEST, "body", "holds a form field that is not valid UTF-8");
    }
}

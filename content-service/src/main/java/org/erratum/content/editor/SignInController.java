package org.erratum.content.editor;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The editors' sign-in page (Spring Security handles its POST and sign-out) and the refusal page. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "editor/login";
    }

    /** Where Spring Security forwards a request it refused: another role, or a form without a valid CSRF token. */
    @RequestMapping("/editor/access-denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String accessDenied() {
        return "editor/access-denied";
    }
}

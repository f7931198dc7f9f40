package org.erratum.feedback.readout;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The editorial pages' sign-in page (Spring Security handles its POST and sign-out) and the refusal page. */
@Controller
class EditorialSignInController {

    @GetMapping("/login")
    String signIn() {
        return "editorial/login";
    }

    /** Where Spring Security forwards a request it refused: a role without access, or a post without its token. */
    @RequestMapping("/editorial/access-denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String accessDenied() {
        return "editorial/access-denied";
    }
}

package org.erratum.review.console;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page (Spring Security handles its POST and sign-out) and the pages around it. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "console/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/console";
    }

    /** Where Spring Security forwards a request it refused: a lesser role, or a form without a valid CSRF token. */
    @RequestMapping("/console/access-denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String accessDenied() {
        return "console/access-denied";
    }
}

package org.erratum.feedback.contact;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The link in every message to a reader: opening it shows a page that asks to confirm, and only the form it holds
 * erases the address. Opening erases nothing, since mail scanners and link previews open links on their own. The
 * page works without JavaScript and without a session: the link's token is the only proof needed, and a forged
 * form cannot carry it.
 */
@Controller
class ContactErasureController {

    static final String ERASE = "/feedback/contact/erase";
    static final String ERASED = "/feedback/contact/erased";

    /** Longer than any report id or token this service issues: anything longer is not one of them. */
    private static final int MAX_PARAMETER = 100;

    private final Contacts contacts;

    ContactErasureController(Contacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping(ERASE)
    String confirm(@RequestParam(required = false) String report, @RequestParam(required = false) String token,
            Model model, HttpServletResponse response) {
        boolean held = wellFormed(report, token) && contacts.find(report).filter(c -> c.erasableWith(token))
                .isPresent();
        if (!held) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "contact/not-held";
        }
        model.addAttribute("report", report);
        model.addAttribute("token", token);
        return "contact/erase";
    }

    @PostMapping(path = ERASE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Object erase(@RequestParam(required = false) String report, @RequestParam(required = false) String token,
            HttpServletResponse response) {
        if (!wellFormed(report, token) || !contacts.eraseWithToken(report, token)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "contact/not-held";
        }
        // to a page of its own, so that reloading it does not send the form again
        RedirectView done = new RedirectView(ERASED, true);
        done.setStatusCode(HttpStatus.SEE_OTHER);
        return done;
    }

    @GetMapping(ERASED)
    String erased() {
        return "contact/erased";
    }

    private static boolean wellFormed(String report, String token) {
        return report != null && token != null && report.length() <= MAX_PARAMETER
                && token.length() <= MAX_PARAMETER;
    }
}

package org.erratum.review.console;

import jakarta.validation.Valid;
import org.erratum.platform.security.StaffSignIn;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.console.Forms.SignOffForm;
import org.erratum.review.queue.Staff;
import org.erratum.review.signoff.SignOff;
import org.erratum.review.signoff.SignOffs;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A senior reviewer signs off an article's clinical review (the security chain admits seniors only). */
@Controller
@RequestMapping("/console/articles/{articleId}/sign-off")
class SignOffPageController {

    private final ConsoleViews views;
    private final SignOffs signOffs;
    private final RoleHierarchy roles;
    private final StaffSignIn signIn;

    SignOffPageController(ConsoleViews views, SignOffs signOffs, RoleHierarchy roles, StaffSignIn signIn) {
        this.signIn = signIn;
        this.views = views;
        this.signOffs = signOffs;
        this.roles = roles;
    }

    /** @param itemId the review item this sign-off concludes, if any */
    @GetMapping
    String page(@PathVariable String articleId, @RequestParam(required = false) String itemId, Model model) {
        SignOffPage page = views.signOff(articleId, Forms.optional(itemId));
        model.addAttribute("page", page);
        if (!model.containsAttribute("signOffForm")) {
            model.addAttribute("signOffForm", new SignOffForm(page.currentRevision(), null));
        }
        return "console/sign-off";
    }

    @PostMapping
    String signOff(@PathVariable String articleId, @Valid SignOffForm form, BindingResult result,
            @RequestParam(required = false) String itemId,
            @RequestParam(name = IdempotencyKey.FORM_FIELD, required = false) String requestKey, Authentication user,
            RedirectAttributes flash) {
        String item = Forms.optional(itemId);
        if (!ConsoleActions.rejected(result, "signOffForm", form, flash)) {
            boolean signedOff = ConsoleActions.perform(flash, () -> confirmation(signOffs.signOff(articleId,
                    form.revision(), item, Staff.of(user, roles), signIn.clinician(user),
                    ConsoleActions.keyOf(requestKey))));
            if (signedOff && item == null) {
                return "redirect:/console";
            }
            if (signedOff) {
                flash.addAttribute("itemId", item);
                return "redirect:/console/items/{itemId}";
            }
            flash.addFlashAttribute("signOffForm", form);
        }
        if (item != null) {
            // not a template variable here, so the view appends it, encoded, as the query string
            flash.addAttribute("itemId", item);
        }
        return "redirect:/console/articles/{articleId}/sign-off";
    }

    /** Says what the API's 202 says: the sign-off is stored, and whether the other services were told yet. */
    private static String confirmation(SignOff signOff) {
        String signedOff = "You signed off revision " + signOff.revision() + " as clinically reviewed. ";
        return signOff.published()
                ? signedOff + "The article page shows the new review date once the content service has applied it."
                : signedOff + "It is saved, but the other services could not be told yet: they are told"
                        + " automatically, so there is no need to sign off again.";
    }
}

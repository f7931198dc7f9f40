package org.erratum.review.console;

import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Claims;
import org.erratum.review.queue.Severity;
import org.erratum.review.queue.Source;
import org.erratum.review.queue.Staff;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue page, and taking the most pressing item from it. */
@Controller
class QueueController {

    private final ConsoleViews views;
    private final Claims claims;
    private final RoleHierarchy roles;

    QueueController(ConsoleViews views, Claims claims, RoleHierarchy roles) {
        this.views = views;
        this.claims = claims;
        this.roles = roles;
    }

    @GetMapping("/console")
    String queue(@RequestParam(required = false) ItemState state, @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) Source source, @RequestParam(required = false) Integer olderThanDays,
            @RequestParam(defaultValue = "false") boolean breached, @RequestParam(defaultValue = "1") int page,
            Model model) {
        ItemPage.Paging.requireValid("page", page);
        model.addAttribute("page", views.queue(new QueueFilter(state, severity, source, olderThanDays, breached),
                page));
        return "console/queue";
    }

    @PostMapping("/console/claim-next")
    String claimNext(@RequestParam(name = IdempotencyKey.FORM_FIELD, required = false) String requestKey,
            Authentication user, RedirectAttributes flash) {
        return claims.claimNext(Staff.of(user, roles), ConsoleActions.keyOf(requestKey))
                .map(item -> {
                    flash.addFlashAttribute(ConsoleActions.MESSAGE, "You claimed the most pressing item. "
                            + "Your claim holds until " + When.of(item.leaseExpiresAt()).text() + ".");
                    return "redirect:/console/items/" + item.id();
                })
                .orElseGet(() -> {
                    flash.addFlashAttribute(ConsoleActions.MESSAGE, "Nothing is waiting that you may claim.");
                    return "redirect:/console";
                });
    }
}

package org.erratum.review.console;

import jakarta.validation.Valid;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.console.Forms.EscalateForm;
import org.erratum.review.console.Forms.NoteForm;
import org.erratum.review.console.Forms.ResolveForm;
import org.erratum.review.console.Forms.SafetyNoticeForm;
import org.erratum.review.queue.Outcome;
import org.erratum.review.queue.Claims;
import org.erratum.review.queue.ItemNotes;
import org.erratum.review.queue.Resolutions;
import org.erratum.review.queue.Staff;
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

/** One review item: its page, and the actions on it. Every action answers with a redirect back to the page. */
@Controller
@RequestMapping("/console/items/{id}")
class ItemController {

    private final ConsoleViews views;
    private final Claims claims;
    private final ItemNotes notes;
    private final Resolutions resolutions;
    private final RoleHierarchy roles;

    ItemController(ConsoleViews views, Claims claims, ItemNotes notes, Resolutions resolutions,
            RoleHierarchy roles) {
        this.views = views;
        this.claims = claims;
        this.notes = notes;
        this.resolutions = resolutions;
        this.roles = roles;
    }

    @GetMapping
    String item(@PathVariable String id, @RequestParam(required = false) Integer revision,
            @RequestParam(defaultValue = "1") int reportsPage, @RequestParam(defaultValue = "1") int activityPage,
            Authentication user, Model model) {
        ItemPage.Paging.requireValid("reportsPage", reportsPage);
        ItemPage.Paging.requireValid("activityPage", activityPage);
        model.addAttribute("page", views.item(id, revision, reportsPage, activityPage, Staff.of(user, roles)));
        if (!model.containsAttribute("resolveForm")) {
            model.addAttribute("resolveForm", ResolveForm.empty());
        }
        ResolveForm form = (ResolveForm) model.getAttribute("resolveForm");
        model.addAttribute("outcomes", Option.of(Outcome.class, form.outcome()));
        return "console/item";
    }

    @PostMapping("/claim")
    String claim(@PathVariable String id, @RequestParam(name = IdempotencyKey.FORM_FIELD, required = false)
            String requestKey, Authentication user, RedirectAttributes flash) {
        ConsoleActions.perform(flash, () -> "You claimed this item. Your claim holds until "
                + When.of(claims.claim(id, Staff.of(user, roles), ConsoleActions.keyOf(requestKey)).leaseExpiresAt())
                        .text() + ".");
        return backTo(id);
    }

    @PostMapping("/release")
    String release(@PathVariable String id, @RequestParam(name = IdempotencyKey.FORM_FIELD, required = false)
            String requestKey, Authentication user, RedirectAttributes flash) {
        ConsoleActions.perform(flash, () -> {
            claims.release(id, Staff.of(user, roles), ConsoleActions.keyOf(requestKey));
            return "You released this item; it is back in the queue.";
        });
        return backTo(id);
    }

    @PostMapping("/notes")
    String note(@PathVariable String id, @Valid NoteForm form, BindingResult result,
            @RequestParam(name = IdempotencyKey.FORM_FIELD, required = false) String requestKey, Authentication user,
            RedirectAttributes flash) {
        if (!ConsoleActions.rejected(result, "noteForm", form, flash)) {
            ConsoleActions.perform(flash, () -> {
                notes.note(id, Staff.of(user, roles), form.text(), ConsoleActions.keyOf(requestKey));
                return "Your note was added to the activity log.";
            });
        }
        return backTo(id);
    }

    @PostMapping("/escalate")
    String escalate(@PathVariable String id, @Valid EscalateForm form, BindingResult result,
            @RequestParam(name = IdempotencyKey.FORM_FIELD, required = false) String requestKey, Authentication user,
            RedirectAttributes flash) {
        if (!ConsoleActions.rejected(result, "escalateForm", form, flash)) {
            ConsoleActions.perform(flash, () -> {
                claims.escalate(id, Staff.of(user, roles), form.reason(), ConsoleActions.keyOf(requestKey));
                return "You escalated this item to the senior reviewers.";
            });
        }
        return backTo(id);
    }

    @PostMapping("/resolve")
    String resolve(@PathVariable String id, @Valid ResolveForm form, BindingResult result,
            @RequestParam(name = IdempotencyKey.FORM_FIELD, required = false) String requestKey, Authentication user,
            RedirectAttributes flash) {
        if (!ConsoleActions.rejected(result, "resolveForm", form, flash)) {
            boolean resolved = ConsoleActions.perform(flash, () -> {
                resolutions.resolve(id, Staff.of(user, roles), new Resolutions.Resolve(form.outcome(), form.revision(),
                        form.summary(), form.publicReasonOrNull(), form.duplicateOfOrNull()),
                        ConsoleActions.keyOf(requestKey));
                return "You resolved this item as " + Labels.of(form.outcome()) + ".";
            });
            if (!resolved) {
                flash.addFlashAttribute("resolveForm", form);
            }
        }
        return backTo(id);
    }

    /** A senior reviewer's notice on the article page (the security chain admits seniors only). */
    @PostMapping("/safety-notice")
    String setSafetyNotice(@PathVariable String id, @Valid SafetyNoticeForm form, BindingResult result,
            @RequestParam(name = IdempotencyKey.FORM_FIELD, required = false) String requestKey, Authentication user,
            RedirectAttributes flash) {
        if (!ConsoleActions.rejected(result, "safetyNoticeForm", form, flash)) {
            ConsoleActions.perform(flash, () -> {
                notes.setSafetyNotice(id, Staff.of(user, roles), form.notice(), ConsoleActions.keyOf(requestKey));
                return "Your safety notice is on its way to the article page.";
            });
        }
        return backTo(id);
    }

    @PostMapping("/safety-notice/lift")
    String liftSafetyNotice(@PathVariable String id, @RequestParam(name = IdempotencyKey.FORM_FIELD,
            required = false) String requestKey, Authentication user, RedirectAttributes flash) {
        ConsoleActions.perform(flash, () -> {
            notes.liftSafetyNotice(id, Staff.of(user, roles), ConsoleActions.keyOf(requestKey));
            return "You lifted the safety notice; the article page drops it shortly.";
        });
        return backTo(id);
    }

    /** The item's page; the view expands (and encodes) the id from this request's path. */
    private static String backTo(String id) {
        return "redirect:/console/items/{id}";
    }
}

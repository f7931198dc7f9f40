package org.erratum.content.editor;

import java.util.List;
import java.util.Map;

import org.erratum.content.article.Article;
import org.erratum.content.article.ArticleLimits;
import org.erratum.content.article.ReviewRequests;
import org.erratum.content.article.ReviewRequests.Marking;
import org.erratum.content.page.Day;
import org.erratum.platform.web.Problems;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Guidance changed": an editor chooses a topic and says why, and every article of that topic is due for review
 * now. The confirmation lists the articles marked; sending the same request again marks nothing twice.
 */
@Controller
@RequestMapping("/editor/guidance-changed")
class GuidanceChangedController {

    private static final String PAGE = "editor/guidance-changed";
    private static final String MARKED = "marked";

    private final ReviewRequests reviewRequests;

    GuidanceChangedController(ReviewRequests reviewRequests) {
        this.reviewRequests = reviewRequests;
    }

    /** A topic in the form's choice, with how many articles carry it. */
    record TopicChoice(String topic, long articles) {

        public String label() {
            return topic + " (" + articles + (articles == 1 ? " article)" : " articles)");
        }
    }

    /** An article of the confirmation, with its new review date. */
    record MarkedArticle(String id, String slug, String title, Day nextReviewDue) {

        static List<MarkedArticle> of(List<Article> articles) {
            return articles.stream().map(a -> new MarkedArticle(a.id(), a.slug(), a.title(),
                    Day.of(a.nextReviewDue()))).toList();
        }
    }

    /** What the confirmation page shows. */
    record Confirmation(String topic, String reason, List<MarkedArticle> marked, List<MarkedArticle> alreadyMarked) {

        static Confirmation of(Marking marking) {
            return new Confirmation(marking.topic(), marking.reason(), MarkedArticle.of(marking.marked()),
                    MarkedArticle.of(marking.alreadyMarked()));
        }
    }

    @GetMapping
    String form(@RequestParam(required = false) String topic, Model model) {
        return page(model, topic, "", FormErrors.NONE);
    }

    @PostMapping
    String mark(@RequestParam(required = false) String topic, @RequestParam(required = false) String reason,
            Authentication editor, Model model, RedirectAttributes flash) {
        try {
            Marking marking = reviewRequests.markTopic(topic, reason, editor.getName());
            flash.addFlashAttribute(MARKED, Confirmation.of(marking));
            return "redirect:/editor/guidance-changed/marked";
        } catch (ErrorResponseException refused) {
            List<Problems.FieldError> errors = EditorAdvice.Problem.fieldErrors(refused);
            if (errors.isEmpty()) {
                throw refused;
            }
            return page(model, topic, reason, FormErrors.of(errors));
        }
    }

    /** The confirmation after marking; opened again later (no result to show), it is the form. */
    @GetMapping("/marked")
    String marked(Model model) {
        return model.containsAttribute(MARKED) ? "editor/guidance-marked" : "redirect:/editor/guidance-changed";
    }

    private String page(Model model, String topic, String reason, FormErrors errors) {
        Map<String, Long> topics = reviewRequests.topicsInUse();
        model.addAttribute("topics", topics.entrySet().stream()
                .map(t -> new TopicChoice(t.getKey(), t.getValue())).toList());
        model.addAttribute("topic", topic == null ? "" : topic);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("maxReason", ArticleLimits.MAX_REVIEW_REASON);
        model.addAttribute("errors", errors);
        return PAGE;
    }
}

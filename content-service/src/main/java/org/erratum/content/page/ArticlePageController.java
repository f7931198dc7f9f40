package org.erratum.content.page;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.erratum.content.article.Article;
import org.erratum.content.article.ArticleService;
import org.erratum.content.config.ContentProperties;
import org.erratum.content.reviewitem.ReviewItems;
import org.erratum.platform.web.FormTokens;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The public, server-rendered pages: they work without JavaScript. */
@Controller
class ArticlePageController {

    private final ArticleService articles;
    private final ReviewItems reviewItems;
    private final ContentProperties properties;
    private final FormTokens formTokens;
    private final ReportPrompt reportPrompt;
    private final Clock clock;

    ArticlePageController(ArticleService articles, ReviewItems reviewItems, ContentProperties properties,
            FormTokens formTokens, ReportPrompt reportPrompt, Clock clock) {
        this.articles = articles;
        this.reviewItems = reviewItems;
        this.properties = properties;
        this.formTokens = formTokens;
        this.reportPrompt = reportPrompt;
        this.clock = clock;
    }

    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("articles", articles.all());
        return "index";
    }

    /**
     * @param feedback what the feedback service said when it redirected a reader back (see {@link FeedbackWidget})
     * @param fields   the rejected fields, with {@code feedback=invalid}
     */
    @GetMapping("/articles/{slug}")
    ModelAndView article(@PathVariable String slug, @RequestParam(required = false) String feedback,
            @RequestParam(name = "field", required = false) List<String> fields, HttpServletRequest request,
            HttpServletResponse response) {
        return articles.findBySlug(slug)
                .map(article -> new ModelAndView("article", Map.of(
                        "page", ArticlePage.of(article, articles.corrections(article.id()),
                                reviewItems.safetyNotices(article.id()), LocalDate.now(clock.withZone(ZoneOffset.UTC))),
                        "feedback", feedbackWidget(article, feedback, fields,
                                !reportPrompt.offeredTo(request, response)))))
                .orElseGet(() -> new ModelAndView("article-not-found", Map.of("slug", slug), HttpStatus.NOT_FOUND));
    }

    private FeedbackWidget feedbackWidget(Article article, String outcome, List<String> fields, boolean safetyOnly) {
        return FeedbackWidget.of(properties::feedbackUrl, formTokens.issue(article.id(), clock.instant()), outcome,
                fields, safetyOnly);
    }
}

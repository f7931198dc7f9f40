package org.erratum.content.page;

import java.util.Map;

import org.erratum.content.article.ArticleService;
import org.erratum.content.config.ContentProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The public, server-rendered pages: they work without JavaScript. */
@Controller
class ArticlePageController {

    private final ArticleService articles;
    private final ContentProperties properties;

    ArticlePageController(ArticleService articles, ContentProperties properties) {
        this.articles = articles;
        this.properties = properties;
    }

    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("articles", articles.all());
        return "index";
    }

    @GetMapping("/articles/{slug}")
    ModelAndView article(@PathVariable String slug) {
        return articles.findBySlug(slug)
                .map(article -> new ModelAndView("article", Map.of("page", ArticlePage.of(article,
                        articles.corrections(article.id()), properties.feedbackUrl("/feedback/votes"),
                        properties.feedbackUrl("/feedback/reports")))))
                .orElseGet(() -> new ModelAndView("article-not-found", Map.of("slug", slug), HttpStatus.NOT_FOUND));
    }
}

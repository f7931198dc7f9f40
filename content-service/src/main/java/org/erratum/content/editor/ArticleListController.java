package org.erratum.content.editor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.erratum.content.article.Article;
import org.erratum.content.article.ArticleService;
import org.erratum.content.config.ContentProperties;
import org.erratum.content.page.Day;
import org.erratum.events.ArticleChanged.Owner;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The editor's home: every article with where it stands in its review cycle, searchable by title. */
@Controller
class ArticleListController {

    /** Longer search texts are cut: no title is longer. */
    private static final int MAX_QUERY = 200;

    private final ArticleService articles;
    private final ContentProperties properties;
    private final Clock clock;

    ArticleListController(ArticleService articles, ContentProperties properties, Clock clock) {
        this.articles = articles;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param revision    the current revision
     * @param owner       null for an article no editor has given an owner yet
     */
    record Row(String id, String slug, String title, int revision, Day lastModified, ReviewState review,
            Owner owner, List<String> topics) {
    }

    @GetMapping("/editor")
    String list(@RequestParam(name = "q", required = false) String query, Model model) {
        String text = query == null ? "" : query.strip();
        text = text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long dueSoonDays = properties.reviewDueSoon().toDays();
        List<Row> rows = articles.search(text).stream().map(a -> row(a, today, dueSoonDays)).toList();
        model.addAttribute("query", text);
        model.addAttribute("rows", rows);
        return "editor/list";
    }

    private static Row row(Article a, LocalDate today, long dueSoonDays) {
        LocalDate lastReviewed = a.lastReviewedAt() == null ? null
                : LocalDate.ofInstant(a.lastReviewedAt(), ZoneOffset.UTC);
        return new Row(a.id(), a.slug(), a.title(), a.revision(), Day.of(a.lastModifiedAt()),
                ReviewState.of(lastReviewed, a.nextReviewDue(), today, dueSoonDays,
                        a.reviewRequest() == null ? null : a.reviewRequest().reason()), a.owner(), a.topics());
    }
}

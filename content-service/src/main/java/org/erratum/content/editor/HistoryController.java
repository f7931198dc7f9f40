package org.erratum.content.editor;

import java.util.Comparator;
import java.util.List;

import org.erratum.content.article.Article;
import org.erratum.content.article.ArticleService;
import org.erratum.content.article.RevisionNote;
import org.erratum.content.config.ContentProperties;
import org.erratum.events.ArticleChanged.Significance;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** An article's revisions, and what changed between any two of them. */
@Controller
class HistoryController {

    private final ArticleService articles;
    private final ContentProperties properties;

    HistoryController(ArticleService articles, ContentProperties properties) {
        this.articles = articles;
        this.properties = properties;
    }

    /**
     * @param consoleItemUrl the review item the revision answers, in the console; null when it answers none
     */
    record RevisionRow(int number, When at, String editor, Significance significance, String changeSummary,
            String answersItem, String consoleItemUrl) {
    }

    /**
     * @param from the older side of the comparison by default; any two revisions compare, in either order
     * @param to   the newer side; by default the current revision, compared with the one before it
     */
    @GetMapping("/editor/articles/{id}/history")
    String history(@PathVariable String id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        Article article = articles.get(id);
        List<RevisionNote> notes = articles.revisions(id);
        int newer = to != null ? to : article.revision();
        int older = from != null ? from : Math.max(1, newer - 1);
        model.addAttribute("article", article);
        model.addAttribute("revisions", notes.stream()
                .sorted(Comparator.comparingInt(RevisionNote::revision).reversed()).map(this::row).toList());
        model.addAttribute("from", older);
        model.addAttribute("to", newer);
        if (older != newer) {
            model.addAttribute("comparison", RevisionComparison.between(articles.revision(id, older),
                    articles.revision(id, newer)));
        }
        return "editor/history";
    }

    private RevisionRow row(RevisionNote note) {
        return new RevisionRow(note.revision(), When.of(note.at()), note.editor(), note.significance(),
                note.changeSummary(), note.answersItem(),
                note.answersItem() == null ? null : properties.consoleItemUrl(note.answersItem()));
    }
}

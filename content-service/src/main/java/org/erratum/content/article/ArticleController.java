package org.erratum.content.article;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.erratum.content.article.ArticleViews.ArticleView;
import org.erratum.content.article.ArticleViews.RevisionSummary;
import org.erratum.content.article.ArticleViews.RevisionView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/articles")
class ArticleController {

    private final ArticleService articles;

    ArticleController(ArticleService articles) {
        this.articles = articles;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "The article, published at revision 1. Sent again, the same"
            + " request answers the same article.")
    @ApiResponse(responseCode = "409", description = "The slug is used by another article")
    ResponseEntity<ArticleView> create(@Valid @RequestBody ArticleRequests.Create body, Principal editor) {
        Article article = articles.create(body.slug(), body.content(), body.settings(), editor.getName());
        return ResponseEntity.created(URI.create("/api/articles/" + article.id())).body(ArticleView.of(article));
    }

    @PutMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "The article at its new revision. Sent again, the same request"
            + " answers the article instead of making another revision.")
    @ApiResponse(responseCode = "409", description = "The article is no longer at expectedRevision: reload it")
    ArticleView revise(@PathVariable String id, @Valid @RequestBody ArticleRequests.Revise body, Principal editor) {
        return ArticleView.of(articles.revise(id, body.edit(), editor.getName()));
    }

    @GetMapping
    List<ArticleView> list() {
        return articles.all().stream().map(ArticleView::of).toList();
    }

    @GetMapping("/{id}")
    ArticleView get(@PathVariable String id) {
        return ArticleView.of(articles.get(id));
    }

    @GetMapping("/{id}/revisions")
    List<RevisionSummary> revisions(@PathVariable String id) {
        return articles.revisions(id).stream().map(RevisionSummary::of).toList();
    }

    @GetMapping("/{id}/revisions/{revision}")
    RevisionView revision(@PathVariable String id, @PathVariable int revision) {
        return RevisionView.of(articles.revision(id, revision));
    }
}

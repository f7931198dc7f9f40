package org.erratum.feedback.vote;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.erratum.feedback.article.ArticlePages;
import org.erratum.feedback.intake.Acceptance;
import org.erratum.feedback.intake.Accepted;
import org.erratum.feedback.intake.Sender;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** "Was this article helpful?" from the JSON API and from the article page's plain HTML form. */
@RestController
class VoteController {

    private final VoteService votes;
    private final ReaderCookie readerCookie;
    private final ArticlePages articlePages;

    VoteController(VoteService votes, ReaderCookie readerCookie, ArticlePages articlePages) {
        this.votes = votes;
        this.readerCookie = readerCookie;
        this.articlePages = articlePages;
    }

    @PostMapping(path = "/api/feedback/votes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "202", description = "Accepted: stored, and published to Kafka by the outbox relay")
    @ApiResponse(responseCode = "413", description = "The body is larger than the intake allows")
    @ApiResponse(responseCode = "422", description = "The article or its revision is not known")
    @ApiResponse(responseCode = "429", description = "Too many votes from this client; Retry-After says when to try"
            + " again")
    ResponseEntity<Accepted> castFromApi(@Valid @RequestBody VoteRequest vote, HttpServletRequest request,
            HttpServletResponse response) {
        Acceptance acceptance = votes.cast(vote, readerCookie.readOrIssue(request, response),
                Sender.ofApi(request));
        return ResponseEntity.accepted().body(Accepted.of(acceptance));
    }

    @PostMapping(path = "/feedback/votes", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> castFromForm(@Valid VoteRequest vote, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response) {
        return articlePages.answerForm(request, binding, () -> votes.cast(vote,
                readerCookie.readOrIssue(request, response), Sender.ofForm(request)).article());
    }

    @GetMapping("/api/feedback/articles/{articleId}/revisions/{revision}/helpfulness")
    Helpfulness helpfulness(@PathVariable String articleId, @PathVariable int revision) {
        return votes.helpfulness(articleId, revision);
    }
}

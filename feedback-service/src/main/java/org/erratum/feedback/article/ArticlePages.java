package org.erratum.feedback.article;

import java.net.URI;

import org.erratum.feedback.config.FeedbackProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Addresses of the public article pages. Built only from configuration and the projected slug, never from the
 * request, so a form post cannot be turned into an open redirect.
 */
@Component
public class ArticlePages {

    private final URI baseUrl;
    private final ArticleProjection articles;

    ArticlePages(FeedbackProperties properties, ArticleProjection articles) {
        this.baseUrl = properties.articlePageBaseUrl();
        this.articles = articles;
    }

    /** The article page scrolled to its feedback widget, which shows a thank-you. */
    public URI thankYouPage(KnownArticle article) {
        return feedbackSection(article.slug(), "thanks");
    }

    /**
     * Answers a plain HTML form post over the client's rate limit by sending the reader back to the article, whose
     * feedback section then says to try again in a few minutes ({@code ?feedback=unavailable}), with the same
     * {@code Retry-After}; a reader without JavaScript would otherwise be left on a JSON problem document. Any other
     * refusal, or one about an unknown article (no page to go back to), is answered as it is.
     */
    public ResponseEntity<Void> backToArticleWhenBusy(ErrorResponseException refusal, String articleId) {
        if (refusal.getStatusCode().value() != HttpStatus.TOO_MANY_REQUESTS.value() || articleId == null) {
            throw refusal;
        }
        KnownArticle article = articles.find(articleId).orElseThrow(() -> refusal);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).headers(refusal.getHeaders())
                .location(feedbackSection(article.slug(), "unavailable")).build();
    }

    /** The article's public page. */
    public URI page(String slug) {
        return UriComponentsBuilder.fromUri(baseUrl).pathSegment("articles", slug).encode().build().toUri();
    }

    private URI feedbackSection(String slug, String outcome) {
        return UriComponentsBuilder.fromUri(baseUrl)
                .pathSegment("articles", slug)
                .queryParam("feedback", outcome)
                .fragment("feedback")
                .encode()
                .build()
                .toUri();
    }
}

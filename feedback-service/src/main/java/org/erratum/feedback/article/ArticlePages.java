package org.erratum.feedback.article;

import java.net.URI;

import org.erratum.feedback.config.FeedbackProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Addresses of the public article pages. Built only from configuration and the projected slug, never from the
 * request, so a form post cannot be turned into an open redirect.
 */
@Component
public class ArticlePages {

    private final URI baseUrl;

    ArticlePages(FeedbackProperties properties) {
        this.baseUrl = properties.articlePageBaseUrl();
    }

    /** The article page scrolled to its feedback widget, which shows a thank-you. */
    public URI thankYouPage(KnownArticle article) {
        return UriComponentsBuilder.fromUri(baseUrl)
                .pathSegment("articles", article.slug())
                .queryParam("feedback", "thanks")
                .fragment("feedback")
                .encode()
                .build()
                .toUri();
    }
}

package org.erratum.feedback.article;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
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

    /**
     * Set on a form post that was refused but answered with a redirect, to the status the refusal would have had,
     * so that the refusal is still counted as one.
     */
    public static final String REFUSAL_STATUS = ArticlePages.class.getName() + ".refusalStatus";

    /**
     * Answers a plain HTML form post. A reader without JavaScript must land back on the article, never on a JSON
     * problem document: accepted feedback goes to {@code ?feedback=thanks}; a form the service refused goes to
     * {@code ?feedback=invalid&field=NAME...} (the fields of the problem's {@code errors[]}, which the page
     * explains), or over the client's rate limit to {@code ?feedback=unavailable} with the same {@code Retry-After}.
     * Only a refusal with no article page to go back to (the form named no known article) is answered with its
     * problem document. The way back is built from the projected slug alone, never from the request.
     *
     * @param binding what binding and validating the form found; the action runs only when it found nothing
     * @param action  takes the feedback and says which article it was about, or refuses it with an
     *                {@link ErrorResponseException}
     */
    public ResponseEntity<Void> answerForm(HttpServletRequest request, BindingResult binding,
            Supplier<KnownArticle> action) {
        if (binding.hasErrors()) {
            List<Problems.FieldError> errors = Problems.fieldErrors(binding);
            return backToArticle(new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    Problems.invalid(HttpStatus.BAD_REQUEST, errors), null), request);
        }
        try {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(feedbackSection(action.get().slug(), "thanks")).build();
        } catch (ErrorResponseException refused) {
            return backToArticle(refused, request);
        }
    }

    private ResponseEntity<Void> backToArticle(ErrorResponseException refusal, HttpServletRequest request) {
        String articleId = request.getParameter("articleId");
        KnownArticle article = (articleId == null ? Optional.<KnownArticle>empty() : articles.find(articleId))
                .orElseThrow(() -> refusal);
        request.setAttribute(REFUSAL_STATUS, refusal.getStatusCode().value());
        if (refusal.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).headers(refusal.getHeaders())
                    .location(feedbackSection(article.slug(), "unavailable")).build();
        }
        UriComponentsBuilder location = UriComponentsBuilder.fromUri(baseUrl)
                .pathSegment("articles", article.slug())
                .queryParam("feedback", "invalid");
        fieldsOf(refusal).forEach(field -> location.queryParam("field", field));
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(location.fragment("feedback").encode().build().toUri()).build();
    }

    /** The distinct fields a problem names in its {@code errors[]}, in order. */
    private static List<String> fieldsOf(ErrorResponseException refusal) {
        Map<String, Object> properties = refusal.getBody().getProperties();
        Object errors = properties == null ? null : properties.get("errors");
        if (!(errors instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Problems.FieldError.class::isInstance).map(Problems.FieldError.class::cast)
                .map(Problems.FieldError::field).distinct().toList();
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

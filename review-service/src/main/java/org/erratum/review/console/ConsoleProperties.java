package org.erratum.review.console;

import java.net.URI;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Settings of the reviewer console.
 *
 * @param editorBaseUrl where content-service's editor screens are, for "Correct this article"
 * @param queuePageSize how many items a page of the queue lists, most pressing first
 */
@Validated
@ConfigurationProperties("erratum.review.console")
record ConsoleProperties(@DefaultValue("http://localhost:8081") @NotNull URI editorBaseUrl,
        @DefaultValue("50") @Min(1) @Max(200) int queuePageSize) {

    /** The editor on the article's current revision, with the item's reported passages beside it. */
    String editorUrl(String articleId, String itemId) {
        return UriComponentsBuilder.fromUri(editorBaseUrl).path("/editor/articles/{articleId}/edit")
                .queryParam("item", "{itemId}").buildAndExpand(articleId, itemId).encode().toUriString();
    }
}

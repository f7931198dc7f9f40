package org.erratum.feedback.messaging;

import java.util.function.Consumer;

import org.erratum.events.ArticleChanged;
import org.erratum.feedback.article.ArticleProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Message handlers of the feedback service; each only hands the event to its feature. */
@Configuration(proxyBeanMethods = false)
class FeedbackFunctions {

    /** Keeps the articles readers can give feedback on; bound to {@code content.articles}. */
    @Bean
    Consumer<ArticleChanged> trackArticle(ArticleProjection articles) {
        return articles::track;
    }
}

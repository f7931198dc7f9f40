package org.erratum.content.messaging;

import java.util.function.Consumer;

import org.erratum.content.article.ArticleService;
import org.erratum.content.reviewitem.ReviewItems;
import org.erratum.events.ArticleSignedOff;
import org.erratum.events.ReviewItemChanged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka consumers of the content service (bindings in application.yml). */
@Configuration(proxyBeanMethods = false)
class ContentFunctions {

    /** {@code review.decisions}: a clinician signed an article off. */
    @Bean
    Consumer<ArticleSignedOff> applySignOff(ArticleService articles) {
        return articles::applySignOff;
    }

    /** {@code review.items}: a review item of an article changed (reported passages, an interim safety notice). */
    @Bean
    Consumer<ReviewItemChanged> trackReviewItem(ReviewItems items) {
        return items::track;
    }
}

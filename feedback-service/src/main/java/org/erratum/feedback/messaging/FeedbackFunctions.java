package org.erratum.feedback.messaging;

import java.util.function.Consumer;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ReviewItemChanged;
import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.contact.HearingBack;
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

    /** Tells readers who asked what became of their report; bound to {@code review.items}. */
    @Bean
    Consumer<ReviewItemChanged> followReviewItem(HearingBack hearingBack) {
        return hearingBack::follow;
    }
}

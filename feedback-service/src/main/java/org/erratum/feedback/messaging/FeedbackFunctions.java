package org.erratum.feedback.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.erratum.events.ArticleChanged;
import org.erratum.events.VoteCast;
import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.vote.VoteTallies;
import org.erratum.events.ReviewItemChanged;
import org.erratum.feedback.contact.HearingBack;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/** Message handlers of the feedback service; each only hands the event to its feature. */
@Configuration(proxyBeanMethods = false)
class FeedbackFunctions {

    /** Keeps the articles readers can give feedback on; bound to {@code content.articles}. */
    @Bean
    Consumer<ArticleChanged> trackArticle(ArticleProjection articles) {
        return articles::track;
    }

    /**
     * Keeps the helpfulness tallies from this service's own {@code feedback.votes}: the events say which votes
     * Kafka holds, in each article's order, and where each record sits, which makes counting them exactly once
     * possible without transactions. A poll at a time (a batch binding): a handful of store round trips per poll
     * instead of several per vote.
     */
    @Bean
    Consumer<Message<List<byte[]>>> tallyVote(VoteTallies tallies, JsonMapper json) {
        return poll -> Step.handle(poll, VoteCast.class, json, tallies::countAll);
    }

    /** Tells readers who asked what became of their report; bound to {@code review.items}. */
    @Bean
    Consumer<ReviewItemChanged> followReviewItem(HearingBack hearingBack) {
        return hearingBack::follow;
    }
}

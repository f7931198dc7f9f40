package org.erratum.review.messaging;

import java.util.function.Consumer;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.VoteCast;
import org.erratum.review.helpfulness.HelpfulnessWatch;
import org.erratum.review.queue.Signals;
import org.erratum.review.queue.ReviewRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the review service does with the events it consumes; each function only delegates. */
@Configuration(proxyBeanMethods = false)
class ReviewFunctions {

    @Bean
    Consumer<ReportSubmitted> queueReport(Signals signals) {
        return signals::addReport;
    }

    @Bean
    Consumer<ArticleChanged> trackArticle(ReviewRequests requests) {
        return requests::track;
    }

    @Bean
    Consumer<VoteCast> watchHelpfulness(HelpfulnessWatch watch) {
        return watch::record;
    }
}

package org.erratum.review.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.VoteCast;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.erratum.review.helpfulness.HelpfulnessWatch;
import org.erratum.review.queue.Signals;
import org.erratum.review.queue.ReviewRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/** What the review service does with the events it consumes; each function only delegates. */
@Configuration(proxyBeanMethods = false)
class ReviewFunctions {

    /**
     * A poll at a time (a batch binding), so a backlog drains at a handful of store round trips per poll; each
     * report's log lines continue its record's trace.
     */
    @Bean
    Consumer<Message<List<byte[]>>> queueReport(Signals signals, RecordTraces traces, JsonMapper json) {
        return poll -> Step.handle(poll, ReportSubmitted.class, json,
                reports -> signals.addReports(traces.arrivals(poll, reports)));
    }

    @Bean
    Consumer<ArticleChanged> trackArticle(ReviewRequests requests) {
        return requests::track;
    }

    /**
     * Where each record sits lets the tallies count it exactly once; see {@code VoteTallies}. A poll at a time (a
     * batch binding), so a backlog drains at a handful of store round trips per poll.
     */
    @Bean
    Consumer<Message<List<byte[]>>> watchHelpfulness(HelpfulnessWatch watch, JsonMapper json) {
        return poll -> Step.handle(poll, VoteCast.class, json, watch::recordAll);
    }
}

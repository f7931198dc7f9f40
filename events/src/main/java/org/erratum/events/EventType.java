package org.erratum.events;

import java.util.Arrays;

/**
 * The versioned CloudEvents type of each contract, and the topic it travels on. A breaking change to a record
 * gets a new version here and a new record; consumers bind to the contract type, never to Java class names.
 */
public enum EventType {

    ARTICLE_CHANGED("erratum.content.article-changed.v1", Topics.ARTICLES, ArticleChanged.class),
    VOTE_CAST("erratum.feedback.vote-cast.v1", Topics.VOTES, VoteCast.class),
    REPORT_SUBMITTED("erratum.feedback.report-submitted.v1", Topics.REPORTS, ReportSubmitted.class),
    ARTICLE_SIGNED_OFF("erratum.review.article-signed-off.v1", Topics.DECISIONS, ArticleSignedOff.class),
    REVIEW_ITEM_CHANGED("erratum.review.item-changed.v1", Topics.ITEMS, ReviewItemChanged.class);

    private final String type;
    private final String topic;
    private final Class<? extends ErratumEvent> eventClass;

    EventType(String type, String topic, Class<? extends ErratumEvent> eventClass) {
        this.type = type;
        this.topic = topic;
        this.eventClass = eventClass;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends ErratumEvent> eventClass() {
        return eventClass;
    }

    public static EventType of(ErratumEvent event) {
        return Arrays.stream(values())
                .filter(t -> t.eventClass.isInstance(event))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a contract event: " + event.getClass()));
    }
}

package org.erratum.content.article;

/** Limits shared by the JSON API and the editor's forms, so both refuse the same things. */
public final class ArticleLimits {

    public static final int MAX_SECTIONS = 50;
    public static final int MAX_REFERENCES = 100;
    public static final int MAX_AUTHORS = 20;
    public static final int MAX_TOPICS = 20;
    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 1000;
    public static final int MAX_HEADING = 200;
    public static final int MAX_AUTHOR = 200;
    public static final int MAX_CITATION = 1000;
    public static final int MAX_URL = 2000;
    public static final int MAX_SLUG = 120;
    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String SLUG_MESSAGE = "must be lower-case letters and digits in words joined by single hyphens";
    public static final int MAX_CHANGE_SUMMARY = 500;
    public static final int MAX_OWNER_NAME = 200;
    /** RFC 5321's longest forward path. */
    public static final int MAX_EMAIL = 254;
    public static final int MAX_TOPIC = 60;
    public static final int MAX_ITEM_ID = 100;
    /** A review request's reason: a line that says why, such as "New NICE guidance on asthma inhalers". */
    public static final int MAX_REVIEW_REASON = 200;
    /** What review-service's item ids are made of (hex object ids today); anything else is not an item id. */
    public static final String ITEM_ID = "[A-Za-z0-9_-]+";

    private ArticleLimits() {
    }
}

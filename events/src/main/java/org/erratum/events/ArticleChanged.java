package org.erratum.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The article's full current state after a change (event-carried state transfer on a compacted topic), so a new
 * consumer can rebuild its projection from the topic alone.
 *
 * @param version   grows with every change of any kind; consumers ignore a state older than the one they hold
 * @param revision  the content revision; only edits move it, a clinical sign-off does not
 * @param change    what made this state
 * @param latestRevision what the newest revision changed, for corrections logs
 * @param owner     who keeps the article up to date and is reminded when its review falls due; null until an
 *                  editor names one, and in states published before owners existed
 * @param topics    what the article is about, as tags; empty when none are given (and in states published before
 *                  topics existed)
 * @param reviewRequest an editor's request that the article be reviewed now (e.g. because guidance changed), standing
 *                  until the next clinical sign-off; null when there is none, and in states published before requests
 *                  existed
 */
public record ArticleChanged(
        UUID eventId,
        Instant occurredAt,
        String articleId,
        long version,
        Change change,
        String slug,
        String title,
        String summary,
        List<Section> sections,
        List<Reference> references,
        List<String> authors,
        int revision,
        RevisionNote latestRevision,
        Reviewer lastReviewedBy,
        Instant publishedAt,
        Instant lastModifiedAt,
        Instant lastReviewedAt,
        LocalDate nextReviewDue,
        int reviewIntervalMonths,
        Owner owner,
        List<String> topics,
        ReviewRequest reviewRequest) implements ErratumEvent {

    public ArticleChanged {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** A state without an owner or topics, as every state was before they existed. */
    public ArticleChanged(UUID eventId, Instant occurredAt, String articleId, long version, Change change,
            String slug, String title, String summary, List<Section> sections, List<Reference> references,
            List<String> authors, int revision, RevisionNote latestRevision, Reviewer lastReviewedBy,
            Instant publishedAt, Instant lastModifiedAt, Instant lastReviewedAt, LocalDate nextReviewDue,
            int reviewIntervalMonths) {
        this(eventId, occurredAt, articleId, version, change, slug, title, summary, sections, references, authors,
                revision, latestRevision, lastReviewedBy, publishedAt, lastModifiedAt, lastReviewedAt, nextReviewDue,
                reviewIntervalMonths, null, null);
    }

    /** A state without a review request, as every state was before requests existed. */
    public ArticleChanged(UUID eventId, Instant occurredAt, String articleId, long version, Change change,
            String slug, String title, String summary, List<Section> sections, List<Reference> references,
            List<String> authors, int revision, RevisionNote latestRevision, Reviewer lastReviewedBy,
            Instant publishedAt, Instant lastModifiedAt, Instant lastReviewedAt, LocalDate nextReviewDue,
            int reviewIntervalMonths, Owner owner, List<String> topics) {
        this(eventId, occurredAt, articleId, version, change, slug, title, summary, sections, references, authors,
                revision, latestRevision, lastReviewedBy, publishedAt, lastModifiedAt, lastReviewedAt, nextReviewDue,
                reviewIntervalMonths, owner, topics, null);
    }

    /**
     * What made a state. The constants stay these three, because a consumer that reads enums strictly (Jackson does
     * by default) would fail on a new one: {@code REVIEWED} covers every change to the article's review state, a
     * clinical sign-off ({@code lastReviewedAt} moved) as well as an editor's review request ({@code reviewRequest}
     * set); a consumer that must tell them apart compares those fields.
     */
    public enum Change { CREATED, REVISED, REVIEWED }

    public enum Significance { MINOR, MAJOR }

    /**
     * One titled part of the article, in reading order.
     *
     * @param body   what the editor wrote: a CommonMark subset (see the AsyncAPI document); a state published before
     *               {@code blocks} existed holds plain text here
     * @param blocks the body as readers see it, block by block, as plain text; absent from states published before
     *               it existed, which read as the body in one paragraph (what their page showed)
     */
    public record Section(String heading, String body, List<Block> blocks) {

        public Section {
            blocks = blocks == null ? List.of(new Block(BlockType.PARAGRAPH, body, List.of())) : List.copyOf(blocks);
        }

        /** A section of one plain paragraph, as every section was before blocks. */
        public Section(String heading, String body) {
            this(heading, body, null);
        }
    }

    /**
     * A block of a section body as readers see it: its text without formatting, a citation as the reader reads it
     * ("(1, 2)"), and the blocks it holds.
     *
     * @param text   a paragraph's or sub-heading's text, a list item's own text, a callout's title; empty for a list
     * @param blocks a list's items, a callout's content, an item's further paragraphs and nested lists; otherwise empty
     */
    public record Block(BlockType type, String text, List<Block> blocks) {

        public Block {
            text = text == null ? "" : text;
            blocks = blocks == null ? List.of() : List.copyOf(blocks);
        }
    }

    public enum BlockType { PARAGRAPH, SUBHEADING, NUMBERED_LIST, BULLETED_LIST, ITEM, CALLOUT }

    /**
     * Who answers for an article's content: a named reviewer or an editorial team.
     *
     * @param email where reminders about the article go, e.g. when its review falls due
     */
    public record Owner(String name, String email) {
    }

    /**
     * An editor marked the article as due for review now, e.g. when the guidance on one of its topics changed.
     *
     * @param reason why, in the editor's words (internal: the public page does not show it)
     * @param at     when it was asked; the article's {@code nextReviewDue} is at most this day
     * @param by     the editor who asked (their sign-in name)
     */
    public record ReviewRequest(String reason, Instant at, String by) {
    }

    /** A cited source; {@code url} may be a web address or a DOI link. */
    public record Reference(String citation, String url) {
    }

    /**
     * @param answersItem the review item this revision was written to answer ("Correct this article" from the
     *                    console), or null; absent from states published before it existed
     */
    public record RevisionNote(int revision, String changeSummary, Significance significance, Instant at,
            String answersItem) {

        /** A revision that answers no review item. */
        public RevisionNote(int revision, String changeSummary, Significance significance, Instant at) {
            this(revision, changeSummary, significance, at, null);
        }
    }
}

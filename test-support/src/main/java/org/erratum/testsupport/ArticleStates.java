package org.erratum.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ArticleChanged.Change;
import org.erratum.events.ArticleChanged.Owner;
import org.erratum.events.ArticleChanged.Reference;
import org.erratum.events.ArticleChanged.ReviewRequest;
import org.erratum.events.ArticleChanged.RevisionNote;
import org.erratum.events.ArticleChanged.Section;
import org.erratum.events.ArticleChanged.Significance;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.Topics;

import tools.jackson.databind.node.ObjectNode;

/**
 * Article states as content-service publishes them on {@code content.articles}, built from the events module's
 * {@link ArticleChanged} record, so a field the contract gains is in every test's state. A test starts from
 * {@link #article} (revision 1 of a one-section article, published now) and sets what it is about.
 */
public final class ArticleStates {

    private static final String SOURCE = "/erratum/content-service";

    private ArticleStates() {
    }

    public static Builder article(String articleId) {
        return new Builder(articleId);
    }

    /** Sends the state as content-service does: JSON of the record, the article id as key, CloudEvents headers. */
    public static void publish(ArticleChanged state) {
        TopicProbe.send(Topics.ARTICLES, state.articleId(), json(state), CloudEventHeaders.of(state, SOURCE));
    }

    /** The state's JSON as {@link #publish} sends it. */
    public static String json(ArticleChanged state) {
        return TopicProbe.JSON.writeValueAsString(state);
    }

    /**
     * Sends the state in the shape content-service published before sections carried blocks, for the tests that
     * check such a state is still read: a compacted topic keeps it for as long as the article does not change. It
     * is today's JSON without what was added since (sections' {@code blocks}, {@code owner}, {@code topics},
     * {@code reviewRequest}, the revision note's {@code answersItem}).
     */
    public static void publishBeforeBlocks(ArticleChanged state) {
        ObjectNode json = TopicProbe.JSON.valueToTree(state);
        json.remove(List.of("owner", "topics", "reviewRequest"));
        json.get("sections").valueStream().forEach(section -> ((ObjectNode) section).remove("blocks"));
        ((ObjectNode) json.get("latestRevision")).remove("answersItem");
        TopicProbe.send(Topics.ARTICLES, state.articleId(), json.toString(), CloudEventHeaders.of(state, SOURCE));
    }

    /** One article state; every setter returns the builder. */
    public static final class Builder {

        private final String articleId;
        private Instant at = Instant.now();
        private long version = 1;
        private int revision = 1;
        private Change change;
        private String slug;
        private String title = "Paracetamol for adults";
        private String summary = "How to take it";
        private List<Section> sections = List.of(new Section("Dosage", "Take two tablets every four hours"));
        private List<Reference> references = List.of();
        private List<String> authors = List.of("A. Writer");
        private String changeSummary = "Edit";
        private Significance significance = Significance.MINOR;
        private String answersItem;
        private LocalDate nextReviewDue;
        private Owner owner;
        private List<String> topics;
        private ReviewRequest reviewRequest;

        private Builder(String articleId) {
            this.articleId = articleId;
            this.slug = "slug-" + articleId;
        }

        /** When the state was published (its event time, last change and the revision note). */
        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder revision(int revision) {
            this.revision = revision;
            return this;
        }

        /** What made the state; unless set, CREATED at revision 1 and REVISED after. */
        public Builder change(Change change) {
            this.change = change;
            return this;
        }

        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder sections(List<Section> sections) {
            this.sections = sections;
            return this;
        }

        /** The revision note's summary and significance. */
        public Builder note(String changeSummary, Significance significance) {
            this.changeSummary = changeSummary;
            this.significance = significance;
            return this;
        }

        /** The review item this revision was written to answer. */
        public Builder answering(String itemId) {
            this.answersItem = itemId;
            return this;
        }

        /** Unless set, two years (the default review interval) after today. */
        public Builder nextReviewDue(LocalDate nextReviewDue) {
            this.nextReviewDue = nextReviewDue;
            return this;
        }

        public Builder owner(Owner owner) {
            this.owner = owner;
            return this;
        }

        public Builder topics(List<String> topics) {
            this.topics = topics;
            return this;
        }

        public Builder reviewRequest(ReviewRequest reviewRequest) {
            this.reviewRequest = reviewRequest;
            return this;
        }

        public ArticleChanged build() {
            return new ArticleChanged(UUID.randomUUID(), at, articleId, version,
                    change != null ? change : revision == 1 ? Change.CREATED : Change.REVISED, slug, title, summary,
                    sections, references, authors, revision,
                    new RevisionNote(revision, changeSummary, significance, at, answersItem), null, at, at, null,
                    nextReviewDue != null ? nextReviewDue : LocalDate.now().plusMonths(24), 24, owner, topics,
                    reviewRequest);
        }
    }
}

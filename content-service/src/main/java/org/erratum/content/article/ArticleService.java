package org.erratum.content.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.content.body.BodyRules;
import org.erratum.content.config.ContentProperties;
import org.erratum.events.ArticleChanged.ReviewRequest;
import org.erratum.events.ArticleChanged.Significance;
import org.erratum.events.ArticleSignedOff;
import org.erratum.platform.web.Problems;
import org.erratum.platform.web.Problems.FieldError;
import org.erratum.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Creating and revising articles, applying clinical sign-offs, and reading articles with their history. Every
 * change is saved first (with its outbox flag) and announced after; an edit the broker did not acknowledge still
 * succeeds, because it is saved and the relay announces it.
 * <p>
 * Creating and revising are safe to retry without an idempotency key: the slug names the article a creation makes,
 * the expected revision the revision an edit makes. When that exists already and holds exactly what the same editor
 * sent, the request is the same one again, and it answers with the article instead of a conflict.
 */
@Service
public class ArticleService {

    private static final Logger log = LoggerFactory.getLogger(ArticleService.class);

    /** Tries of a change that lost a race to a concurrent one of another kind before it gives up. */
    private static final int MAX_ATTEMPTS = 5;

    private final ArticleStore store;
    private final RevisionHistory history;
    private final Outbox<Article> outbox;
    private final ContentProperties properties;
    private final BodyRules bodyRules;
    private final Clock clock;
    private final Map<Significance, Counter> revisionsPublished = new EnumMap<>(Significance.class);
    private final Counter signOffsApplied;

    ArticleService(ArticleStore store, RevisionHistory history, Outbox<Article> outbox,
            ContentProperties properties, BodyRules bodyRules, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.history = history;
        this.outbox = outbox;
        this.properties = properties;
        this.bodyRules = bodyRules;
        this.clock = clock;
        for (Significance significance : Significance.values()) {
            revisionsPublished.put(significance, Counter.builder("erratum.content.revisions")
                    .description("Article revisions published, first publication included")
                    .tag("significance", significance.name()).register(registry));
        }
        signOffsApplied = Counter.builder("erratum.content.signoffs.applied")
                .description("Clinical sign-offs that moved an article's review dates").register(registry);
    }

    /**
     * @param settings a null interval takes the configured default
     */
    public Article create(String slug, ArticleContent content, ArticleSettings settings, String editor) {
        refuseBodiesOutsideTheFormat(content);
        ArticleSettings resolved = withDefaults(settings);
        Article article = Article.firstRevision(UUID.randomUUID().toString(), slug, content, resolved, editor, now());
        try {
            store.insert(article);
        } catch (DuplicateKeyException e) {
            return store.findBySlug(slug)
                    .filter(existing -> existing.reviewIntervalMonths() == resolved.reviewIntervalMonths()
                            && holds(existing, 1, editor, content, RevisionNote.FIRST_PUBLISHED, Significance.MAJOR,
                                    null))
                    .orElseThrow(() -> Problems.invalidField(HttpStatus.CONFLICT, "slug",
                            "is already used by another article"));
        }
        announceNewRevision(article);
        return article;
    }

    /**
     * Publishes an article under a fixed id unless that id or its slug is taken, so several instances starting
     * together load it once.
     *
     * @return whether this call created it
     */
    public boolean createIfAbsent(String id, String slug, ArticleContent content, ArticleSettings settings,
            String editor) {
        refuseBodiesOutsideTheFormat(content);
        if (store.findBySlug(slug).isPresent()) {
            return false;
        }
        Article article = Article.firstRevision(id, slug, content, withDefaults(settings), editor, now());
        try {
            store.insert(article);
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
        announceNewRevision(article);
        return true;
    }

    /**
     * Makes the next revision, if the editor worked on the current one. Moves "last modified", never "last reviewed":
     * only a clinician's sign-off does that. A new review interval moves "next review due" at once, counted from the
     * last review (or first publication).
     */
    public Article revise(String id, ArticleEdit edit, String editor) {
        refuseBodiesOutsideTheFormat(edit.content());
        for (int attempt = 1; ; attempt++) {
            Article current = get(id);
            if (current.revision() != edit.expectedRevision()) {
                if (holds(current, edit.expectedRevision() + 1, editor, edit.content(), edit.changeSummary(),
                        edit.significance(), edit.answersItem())) {
                    return current;
                }
                throw staleRevision(current, edit.expectedRevision());
            }
            // normally a no-op; keeps the snapshot of the revision being replaced if a crash ever lost it
            history.record(current);
            ArticleSettings settings = edit.settings().over(current);
            Optional<Article> revised = store.revise(current, edit, settings,
                    current.nextReviewDueEvery(settings.reviewIntervalMonths()), editor, now());
            if (revised.isPresent()) {
                announceNewRevision(revised.get());
                return revised.get();
            }
            // another editor saved first (the next read says so), or a sign-off or a review request changed the
            // review dates: read again
            if (attempt == MAX_ATTEMPTS) {
                throw Problems.conflict("Article " + id + " kept changing while this edit was saved; try again");
            }
        }
    }

    /** Whether revision {@code n} of the article is exactly this editor's change: what a retried request made. */
    private boolean holds(Article article, int n, String editor, ArticleContent content, String changeSummary,
            Significance significance, String answersItem) {
        Optional<ArticleRevision> made = article.revision() == n ? Optional.of(ArticleRevision.of(article))
                : history.find(article.id(), n);
        return made.filter(r -> r.note().equals(
                new RevisionNote(n, changeSummary, significance, editor, r.at(), answersItem))
                && r.content().equals(content)).isPresent();
    }

    /**
     * Moves "last reviewed", the reviewer and "next review due", and clears a review request made before the
     * sign-off. A sign-off the article already carries, or one older than its last review, changes nothing, so
     * redelivery is harmless.
     */
    public void applySignOff(ArticleSignedOff signOff) {
        if (signOff.reviewer() == null || signOff.reviewedAt() == null) {
            throw new IllegalArgumentException("Sign-off " + signOff.eventId() + " has no reviewer or review time");
        }
        // MongoDB keeps milliseconds; comparing at that precision makes a redelivered sign-off equal, not newer
        Instant reviewedAt = signOff.reviewedAt().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Article> article = store.findById(signOff.articleId());
            if (article.isEmpty()) {
                log.warn("Skipping sign-off {} for unknown article {}", signOff.eventId(), signOff.articleId());
                return;
            }
            Article current = article.get();
            if (!ReviewSchedule.movesLastReviewed(current.lastReviewedAt(), reviewedAt)) {
                log.info("Sign-off {} for article {} is not newer than its last review; nothing to change",
                        signOff.eventId(), signOff.articleId());
                return;
            }
            ReviewRequest standing = ReviewSchedule.answers(reviewedAt, current.reviewRequest()) ? null
                    : current.reviewRequest();
            LocalDate nextReviewDue = ReviewSchedule.nextReviewDue(reviewedAt, current.reviewIntervalMonths(),
                    standing);
            Optional<Article> signedOff = store.signOff(current, signOff.reviewer(), reviewedAt, nextReviewDue,
                    standing, now());
            if (signedOff.isPresent()) {
                signOffsApplied.increment();
                log.info("Sign-off {} applied to article {}: last reviewed {}, next review due {}",
                        signOff.eventId(), signOff.articleId(), reviewedAt, nextReviewDue);
                outbox.publishNow(signedOff.get());
                return;
            }
            // the article changed meanwhile (a newer sign-off, an edit, a review request): read it again
        }
        // failing lets the binder retry the record, and park it in the dead-letter topic if that keeps happening
        throw new IllegalStateException("Article " + signOff.articleId() + " kept changing while sign-off "
                + signOff.eventId() + " was applied");
    }

    /** Articles whose title contains the text (ignoring case), by title; all of them for a blank text. */
    public List<Article> search(String title) {
        return title == null || title.isBlank() ? all() : store.findByTitleContaining(title.strip());
    }

    public Article get(String id) {
        return store.findById(id).orElseThrow(() -> Problems.notFound("Article " + id));
    }

    public Optional<Article> findBySlug(String slug) {
        return store.findBySlug(slug);
    }

    public List<Article> all() {
        return store.findAll();
    }

    /** Oldest first. */
    public List<RevisionNote> revisions(String id) {
        get(id);
        return history.of(id).stream().map(ArticleRevision::note).toList();
    }

    public ArticleRevision revision(String id, int revision) {
        get(id);
        return history.find(id, revision)
                .orElseThrow(() -> Problems.notFound("Revision " + revision + " of article " + id));
    }

    /** The major revisions after first publication, newest first: the public corrections log. */
    public List<RevisionNote> corrections(String id) {
        return history.of(id).stream().map(ArticleRevision::note).filter(RevisionNote::isCorrection)
                .sorted(Comparator.comparingInt(RevisionNote::revision).reversed()).toList();
    }

    /** Called only after the store accepted the revision, so a refused edit or a lost race counts nothing. */
    private void announceNewRevision(Article article) {
        revisionsPublished.get(article.latestRevision().significance()).increment();
        history.record(article);
        outbox.publishNow(article);
    }

    /** 400 naming each section whose body is outside the format or its limits ({@code sections[2].body}). */
    private void refuseBodiesOutsideTheFormat(ArticleContent content) {
        List<FieldError> errors = bodyRules.check(content.sections().stream().map(Section::body).toList(),
                        content.references().size()).stream()
                .map(problem -> new FieldError(problem.section() == null ? "sections"
                        : "sections[" + problem.section() + "].body", problem.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(HttpStatus.BAD_REQUEST, errors);
        }
    }

    private static RuntimeException staleRevision(Article current, int expectedRevision) {
        return Problems.invalidField(HttpStatus.CONFLICT, "expectedRevision",
                "article " + current.id() + " is no longer at revision " + expectedRevision + " but at "
                        + current.revision() + "; reload it and apply your changes to the current revision");
    }

    private ArticleSettings withDefaults(ArticleSettings settings) {
        ArticleSettings given = settings == null ? ArticleSettings.UNCHANGED : settings;
        return new ArticleSettings(given.owner(), given.reviewIntervalMonths() != null
                ? given.reviewIntervalMonths() : properties.reviewIntervalMonths(), given.topics());
    }

    /** Milliseconds, as MongoDB keeps them, so an answer shows the same instant a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

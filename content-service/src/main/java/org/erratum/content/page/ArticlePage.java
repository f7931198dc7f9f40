package org.erratum.content.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.erratum.content.article.Article;
import org.erratum.content.article.Reference;
import org.erratum.content.article.RevisionNote;
import org.erratum.content.article.Section;

/**
 * What the article page shows, with dates already in words. Dates are UTC calendar days, the same days the review
 * schedule uses.
 *
 * @param reviewedBy  "NAME, CREDENTIALS", or null when no clinician has signed the article off yet
 * @param corrections the public corrections log, newest first
 */
record ArticlePage(String id, String slug, String title, String summary, List<Section> sections,
        List<Reference> references, List<String> authors, int revision, String reviewedBy, Day lastReviewed,
        Day nextReviewDue, Day lastModified, List<Correction> corrections) {

    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    static ArticlePage of(Article article, List<RevisionNote> corrections) {
        String reviewedBy = article.lastReviewedBy() == null ? null
                : article.lastReviewedBy().name() + ", " + article.lastReviewedBy().credentials();
        return new ArticlePage(article.id(), article.slug(), article.title(), article.summary(), article.sections(),
                article.references(), article.authors(), article.revision(), reviewedBy,
                Day.of(article.lastReviewedAt()), Day.of(article.nextReviewDue()), Day.of(article.lastModifiedAt()),
                corrections.stream().map(c -> new Correction(Day.of(c.at()), c.changeSummary())).toList());
    }

    /** A calendar day: {@code iso} for the {@code <time datetime>} attribute, {@code text} for readers. */
    record Day(String iso, String text) {

        static Day of(LocalDate date) {
            return date == null ? null : new Day(date.toString(), IN_WORDS.format(date));
        }

        static Day of(Instant instant) {
            return instant == null ? null : of(LocalDate.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    record Correction(Day on, String summary) {
    }
}

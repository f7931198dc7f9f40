package org.erratum.content.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.erratum.content.article.Article;
import org.erratum.content.article.Reference;
import org.erratum.content.article.RevisionNote;
import org.erratum.content.article.Section;
import org.erratum.content.body.BodyHtml;

/**
 * What the article page shows, with dates already in words. Dates are UTC calendar days, the same days the review
 * schedule uses.
 *
 * @param sections    with each body already rendered and sanitized ({@link BodyHtml})
 * @param references  numbered as the text cites them, each with the places it is cited
 * @param reviewedBy  "NAME, CREDENTIALS", or null when no clinician has signed the article off yet
 * @param corrections the public corrections log, newest first
 */
record ArticlePage(String id, String slug, String title, String summary, List<PageSection> sections,
        List<PageReference> references, List<String> authors, int revision, String reviewedBy, Day lastReviewed,
        Day nextReviewDue, Day lastModified, List<Correction> corrections) {

    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    static ArticlePage of(Article article, List<RevisionNote> corrections) {
        String reviewedBy = article.lastReviewedBy() == null ? null
                : article.lastReviewedBy().name() + ", " + article.lastReviewedBy().credentials();
        List<Section> sections = article.sections();
        BodyHtml.Page bodies = BodyHtml.render(sections.stream().map(Section::body).toList(),
                article.references().size());
        List<PageSection> pageSections = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            pageSections.add(new PageSection(i + 1, sections.get(i).heading(), bodies.sections().get(i)));
        }
        List<PageReference> references = new ArrayList<>();
        for (int i = 0; i < article.references().size(); i++) {
            Reference reference = article.references().get(i);
            references.add(new PageReference(i + 1, reference.citation(), reference.url(), bodies.citedAt().get(i)
                    .stream().map(at -> new CitedIn(at.anchor(), sections.get(at.section() - 1).heading())).toList()));
        }
        return new ArticlePage(article.id(), article.slug(), article.title(), article.summary(),
                List.copyOf(pageSections), List.copyOf(references), article.authors(), article.revision(), reviewedBy,
                Day.of(article.lastReviewedAt()), Day.of(article.nextReviewDue()), Day.of(article.lastModifiedAt()),
                corrections.stream().map(c -> new Correction(Day.of(c.at()), c.changeSummary())).toList());
    }

    /**
     * @param number the section's place on the page, from 1, for its heading's id
     * @param html   the body, sanitized: the template inserts it as it is
     */
    record PageSection(int number, String heading, String html) {
    }

    /** @param citedIn where the text cites it, a link back for each section that does */
    record PageReference(int number, String citation, String url, List<CitedIn> citedIn) {
    }

    /** @param anchor the id of the citation link; {@code heading} names the section it is in */
    record CitedIn(String anchor, String heading) {
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

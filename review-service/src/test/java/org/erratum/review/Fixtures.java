package org.erratum.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ReportSubmitted;

/** Events as the other services would publish them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String newArticleId() {
        return UUID.randomUUID().toString();
    }

    public static ReportSubmitted report(String articleId, ReportSubmitted.Category category) {
        return new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, category,
                "Take two tablets every hour", "This dose looks wrong to me", false);
    }

    public static ArticleChanged article(String articleId, int revision, long version) {
        return article(articleId, revision, version, LocalDate.now().plusMonths(24));
    }

    public static ArticleChanged article(String articleId, int revision, long version, LocalDate nextReviewDue) {
        Instant now = Instant.now();
        return new ArticleChanged(UUID.randomUUID(), now, articleId, version,
                revision == 1 ? ArticleChanged.Change.CREATED : ArticleChanged.Change.REVISED,
                "slug-" + articleId, "Title r" + revision, "Summary",
                List.of(new ArticleChanged.Section("Dosage", "Take two tablets every four hours")), List.of(),
                List.of("A. Writer"), revision,
                new ArticleChanged.RevisionNote(revision, "Edit", ArticleChanged.Significance.MINOR, now), null,
                now, now, null, nextReviewDue, 24);
    }
}

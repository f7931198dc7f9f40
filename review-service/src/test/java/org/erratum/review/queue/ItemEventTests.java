package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.ReviewItemChanged;
import org.erratum.review.queue.ReviewItem.Report;
import org.erratum.review.queue.ReviewItem.Resolution;
import org.erratum.review.queue.ReviewItem.SafetyNotice;
import org.junit.jupiter.api.Test;

class ItemEventTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static ReviewItem item(List<Report> reports, SafetyNotice notice) {
        return new ReviewItem("item-1", "article-1", "article-1", ItemState.CLAIMED, Set.of(Source.READER_REPORT),
                Severity.URGENT, 1000, false, reports.size(), Map.of(Category.SAFETY_CONCERN, reports.size()),
                reports, "reviewer", NOW, NOW.plusSeconds(900), null, NOW, NOW.plusSeconds(3600), null, List.of(),
                NOW, NOW, null, 7L, 1, notice, null, List.of(), List.of(), Set.of(1), 0, null, null, null);
    }

    private static Report report(int n, String passage) {
        return new Report("report-" + n, 1, Category.SAFETY_CONCERN, passage, "comment " + n, NOW, false);
    }

    @Test
    void anEventCarriesTheNewestQuotedPassagesFirstAndNoComments() {
        List<Report> reports = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            reports.add(report(n, n == 3 ? null : "passage " + n));
        }

        ReviewItemChanged event = ItemEvent.after(item(reports, null)).build("item-1", "article-1", 8, NOW, 2);

        assertThat(event.passages()).extracting(ReviewItemChanged.ReportedPassage::passage)
                .containsExactly("passage 4", "passage 2");
        assertThat(event.reportCount()).isEqualTo(4);
        assertThat(event.toString()).doesNotContain("comment");
    }

    @Test
    void aResolutionEndsTheDeadlineAndLiftsTheNotice() {
        ReviewItem noticed = item(List.of(report(1, "Take two")), new SafetyNotice("Being checked", "senior", NOW));
        Resolution resolution = new Resolution(Outcome.REVISED, 2, "internal", "We fixed the dose", null, "reviewer",
                NOW);

        ReviewItemChanged open = ItemEvent.after(noticed).build("item-1", "article-1", 8, NOW, 5);
        ReviewItemChanged resolved = ItemEvent.after(noticed).resolved(resolution)
                .build("item-1", "article-1", 8, NOW, 5);

        assertThat(open.safetyNotice()).isEqualTo("Being checked");
        assertThat(open.resolveDueAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(resolved.state()).isEqualTo(ReviewItemChanged.State.RESOLVED);
        assertThat(resolved.safetyNotice()).isNull();
        assertThat(resolved.resolveDueAt()).isNull();
        assertThat(resolved.resolution().publicReason()).isEqualTo("We fixed the dose");
        assertThat(resolved.toString()).doesNotContain("internal");
    }

    @Test
    void oneVersionOfAnItemAlwaysHasTheSameEventId() {
        ReviewItem claimed = item(List.of(), null);

        assertThat(ItemEvent.after(claimed).build("item-1", "article-1", 8, NOW, 5).eventId())
                .isEqualTo(ItemEvent.after(claimed).build("item-1", "article-1", 8, NOW.plusSeconds(5), 5).eventId())
                .isNotEqualTo(ItemEvent.after(claimed).build("item-1", "article-1", 9, NOW, 5).eventId());
    }
}

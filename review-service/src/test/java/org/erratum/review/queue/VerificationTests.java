package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.ReviewItem.Report;
import org.erratum.review.queue.ReviewItem.RevisionScore;
import org.erratum.review.queue.ReviewItem.Verification;
import org.junit.jupiter.api.Test;

/** Which revision a fix is measured against, and when it counts as improved. */
class VerificationTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static ReviewItem item(List<Integer> reported, Integer measured, Integer openedAt) {
        List<Report> reports = reported.stream()
                .map(r -> new Report("report-" + r, r, Category.INACCURATE, null, null, NOW, false)).toList();
        return new ReviewItem("item-1", "article-1", "closed:item-1", ItemState.RESOLVED, Set.of(Source.READER_REPORT),
                Severity.NORMAL, 100, false, reports.size(), Map.of(), reports, null, null, null,
                measured == null ? null : new HelpfulnessSignal(measured, 0.4, 25, 0.5), null, null, null, List.of(),
                NOW, NOW, null, 3L, openedAt, null, null, List.of(), List.of(), Set.copyOf(reported), 0, null, null, null);
    }

    @Test
    void theFixIsMeasuredAgainstTheNewestRevisionReadersSawBeforeIt() {
        assertThat(item(List.of(1, 2), null, 1).readersSawBefore(3)).isEqualTo(2);
        assertThat(item(List.of(1), 2, 1).readersSawBefore(3)).as("the low-helpfulness signal counts too")
                .isEqualTo(2);
        assertThat(item(List.of(1, 3), null, 1).readersSawBefore(3)).as("a report on the fix itself is not before it")
                .isEqualTo(1);
    }

    @Test
    void withoutASignalBeforeTheFixItIsTheRevisionTheItemOpenedAtOrTheOneBeforeTheFix() {
        assertThat(item(List.of(), null, 2).readersSawBefore(4)).isEqualTo(2);
        assertThat(item(List.of(4), null, null).readersSawBefore(4)).isEqualTo(3);
        assertThat(item(List.of(1), null, 1).readersSawBefore(1)).as("a first revision has nothing before it")
                .isNull();
    }

    @Test
    void improvedMeansScoringMoreThanTheMarginAboveTheRevisionReadersSaw() {
        RevisionScore before = new RevisionScore(2, 80, 0.44);
        assertThat(Verification.improved(new RevisionScore(3, 120, 0.41), before, 0)).isFalse();
        assertThat(Verification.improved(new RevisionScore(3, 120, 0.44), before, 0)).as("equal is not better")
                .isFalse();
        assertThat(Verification.improved(new RevisionScore(3, 120, 0.45), before, 0)).isTrue();
        assertThat(Verification.improved(new RevisionScore(3, 120, 0.45), before, 0.05)).isFalse();
    }

    @Test
    void theMeasurementReadsAsTheConsoleShowsIt() {
        Verification decided = Verification.pending(3, 2).decided(false, new RevisionScore(3, 120, 0.412),
                new RevisionScore(2, 80, 0.438), NOW);

        assertThat(decided.status()).isEqualTo(Verification.Status.NOT_VERIFIED);
        assertThat(decided.measurement())
                .isEqualTo("helpfulness 41% on revision 3 (120 votes) vs 44% on revision 2 (80 votes)");
        assertThat(Verification.pending(3, 2).measurement()).isNull();
    }

    @Test
    void onlyAnActiveItemWhoseFixFailedIsMarkedAsReopenedAfterIt() {
        ReviewItem resolved = item(List.of(1), null, 1);
        Verification failed = Verification.pending(2, 1).decided(false, new RevisionScore(2, 30, 0.4),
                new RevisionScore(1, 20, 0.6), NOW);
        assertThat(withState(resolved, ItemState.OPEN, failed).reopenedAfterFailedFix()).isTrue();
        assertThat(withState(resolved, ItemState.RESOLVED, failed).reopenedAfterFailedFix()).isFalse();
        assertThat(withState(resolved, ItemState.OPEN, Verification.pending(2, 1)).reopenedAfterFailedFix()).isFalse();
    }

    private static ReviewItem withState(ReviewItem i, ItemState state, Verification verification) {
        return new ReviewItem(i.id(), i.articleId(), i.groupKey(), state, i.sources(), i.severity(), i.priority(),
                i.escalated(), i.reportCount(), i.categories(), i.latestReports(), i.claimedBy(), i.claimedAt(),
                i.leaseExpiresAt(), i.helpfulness(), i.claimDueAt(), i.resolveDueAt(), i.resolution(), i.activity(),
                i.createdAt(), i.updatedAt(), i.claimRequest(), i.version(), i.openedAtRevision(), i.safetyNotice(),
                verification, i.outbox(), i.reviewRequests(), i.reportedRevisions(), i.readersAsking(),
                i.activityCount(), i.archivedActivity(), i.claims());
    }
}

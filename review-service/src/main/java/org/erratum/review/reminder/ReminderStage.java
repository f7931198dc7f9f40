package org.erratum.review.reminder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Which reminder an article's owner is due on a given day, for a review falling due on {@code due}: one before it
 * (from the lead time on), one on the day, then one chaser per chaser interval while it is overdue. Only the stage
 * of the day counts, so an instance that was away sends the one reminder that still applies, not every one it
 * missed. Each stage has an identity of its own (article, due date, kind, chaser number): the reminder's id in the
 * mail outbox, so it is written once however many instances, rounds or restarts come to it.
 *
 * @param chaser which chaser this is (1, 2, ...), 0 for the other kinds
 */
record ReminderStage(Kind kind, int chaser) {

    /** What a reminder says; the metrics' {@code kind} label. */
    enum Kind {
        BEFORE_DUE, DUE, OVERDUE, DIGEST;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Optional<ReminderStage> on(LocalDate today, LocalDate due, ReminderProperties settings) {
        if (today.isBefore(due)) {
            return today.isBefore(due.minusDays(settings.leadTime().toDays())) ? Optional.empty()
                    : Optional.of(new ReminderStage(Kind.BEFORE_DUE, 0));
        }
        long chaser = ChronoUnit.DAYS.between(due, today) / settings.chaserInterval().toDays();
        // the day itself, and the days before the first chaser: the on-the-day reminder, if it has not gone
        return Optional.of(chaser == 0 ? new ReminderStage(Kind.DUE, 0)
                : new ReminderStage(Kind.OVERDUE, Math.toIntExact(chaser)));
    }

    String idFor(String articleId, LocalDate due) {
        return "reminder:" + articleId + ":" + due + ":" + kind.tag() + (kind == Kind.OVERDUE ? "-" + chaser : "");
    }
}

package org.erratum.review.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.erratum.events.ArticleChanged.ReviewRequest;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.queue.ReviewItem;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The text of the reminders and digests to article owners: plain text, with links to the console. */
@Component
class ReminderLetters {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ReminderProperties settings;

    ReminderLetters(ReminderProperties settings) {
        this.settings = settings;
    }

    record Letter(String subject, String text) {
    }

    /** An article waiting in the queue, with its title, for the digest. */
    record Waiting(ReviewItem item, String title) {
    }

    /** @param item the article's active review item, or null when it has none */
    Letter reminder(KnownArticle article, ReminderStage stage, LocalDate today, ReviewItem item) {
        LocalDate due = article.nextReviewDue();
        String title = article.title();
        String subject = switch (stage.kind()) {
            case BEFORE_DUE -> "Review due on " + DAY.format(due) + ": " + title;
            case DUE -> "Review due now: " + title;
            case OVERDUE -> "Review overdue (reminder " + stage.chaser() + "): " + title;
            case DIGEST -> throw new IllegalArgumentException("a digest is not an article's reminder");
        };
        long days = Math.abs(ChronoUnit.DAYS.between(today, due));
        String when = switch (stage.kind()) {
            case BEFORE_DUE -> "falls due on " + DAY.format(due) + ", in " + days(days) + ".";
            case DUE -> today.equals(due) ? "falls due today, " + DAY.format(due) + "."
                    : "fell due on " + DAY.format(due) + ".";
            default -> "fell due on " + DAY.format(due) + " and is " + days(days) + " overdue. Until it is signed "
                    + "off you will be reminded every " + days(settings.chaserInterval().toDays()) + ".";
        };
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(article.owner().name()).append(",\n\n")
                .append("The clinical review of \"").append(title).append("\", an article you own, ").append(when)
                .append("\n");
        ReviewRequest request = article.reviewRequest();
        if (request != null) {
            text.append("\nAn editor asked for it: ").append(request.reason()).append("\n");
        }
        text.append("\n").append(item == null ? "The review queue: " + link("/console")
                : "It is in the review queue: " + itemLink(item)).append("\n");
        return new Letter(subject, signed(text));
    }

    Letter digest(String ownerName, String week, List<KnownArticle> dueSoon, List<KnownArticle> overdue,
            List<Waiting> waiting) {
        StringBuilder text = new StringBuilder("Hello ").append(ownerName).append(",\n\n")
                .append("Your articles' reviews this week (").append(week).append("):\n");
        section(text, "Overdue", overdue.stream().map(ReminderLetters::dueLine).toList());
        section(text, "Due within " + days(settings.leadTime().toDays()),
                dueSoon.stream().map(ReminderLetters::dueLine).toList());
        section(text, "Waiting in the review queue", waiting.stream()
                .map(w -> w.title() + " (" + w.item().state().name().toLowerCase(Locale.ROOT) + ", "
                        + w.item().severity().name().toLowerCase(Locale.ROOT) + "): " + itemLink(w.item()))
                .toList());
        text.append("\nThe review queue: ").append(link("/console")).append("\n");
        return new Letter("Your articles' reviews, week " + week, signed(text));
    }

    private static void section(StringBuilder text, String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            text.append("\n").append(heading).append(":\n");
            lines.forEach(line -> text.append("- ").append(line).append("\n"));
        }
    }

    private static String dueLine(KnownArticle article) {
        return article.title() + ", due " + DAY.format(article.nextReviewDue());
    }

    private static String signed(StringBuilder text) {
        return text.append("\nYou receive this because you are named as the articles' owner; an editor can name "
                + "someone else on the article's page in the editor.\n\n— Erratum\n").toString();
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private String itemLink(ReviewItem item) {
        return UriComponentsBuilder.fromUri(settings.consoleBaseUrl()).path("/console/items/{id}")
                .buildAndExpand(item.id()).encode().toUriString();
    }

    private String link(String path) {
        return UriComponentsBuilder.fromUri(settings.consoleBaseUrl()).path(path).toUriString();
    }
}

package org.erratum.review.reminder;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.reminder.ReminderLetters.Letter;
import org.erratum.review.reminder.ReminderLetters.Waiting;
import org.erratum.review.reminder.ReminderStage.Kind;
import org.erratum.platform.mail.Mail;
import org.erratum.platform.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the reminders that fell due to the mail outbox: for each owned article whose review falls due within the
 * lead time or is overdue, the reminder of the day's {@link ReminderStage}; and from the digest day on, each owner's
 * weekly digest of their articles due soon, overdue and waiting in the queue. Every reminder's id is its identity
 * (article, due date, kind, chaser; owner and ISO week for a digest), so a second instance, a later round or a
 * restart writing it again is a duplicate key and changes nothing. Articles without an owner get no reminder; the
 * {@code erratum_review_articles_without_owner} gauge counts them.
 */
@Component
class OwnerReminders {

    private static final Logger log = LoggerFactory.getLogger(OwnerReminders.class);

    private final MongoTemplate mongo;
    private final MailOutbox outbox;
    private final ReminderLetters letters;
    private final ReminderProperties settings;
    private final Clock clock;
    private final AtomicLong withoutOwner = new AtomicLong();

    OwnerReminders(MongoTemplate mongo, MailOutbox outbox, ReminderLetters letters, ReminderProperties settings,
            Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.letters = letters;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("erratum.review.articles.without.owner", withoutOwner, AtomicLong::get)
                .description("Articles nobody owns: no reminder goes out when their review falls due")
                .register(meters);
    }

    /** @return how many reminders and digests this call wrote */
    int writeDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<KnownArticle> due = mongo.find(query(where("nextReviewDue")
                .lte(today.plusDays(settings.leadTime().toDays()))), KnownArticle.class);
        Map<String, ReviewItem> active = mongo.find(query(where("state").in(ItemState.ACTIVE)), ReviewItem.class)
                .stream().collect(Collectors.toMap(ReviewItem::articleId, Function.identity(), (a, b) -> a));
        int written = 0;
        for (KnownArticle article : due) {
            if (article.hasOwner()) {
                written += remind(article, today, active.get(article.id())) ? 1 : 0;
            }
        }
        withoutOwner.set(mongo.count(query(where("owner.email").is(null)), KnownArticle.class));
        if (today.getDayOfWeek().compareTo(settings.digestDay()) >= 0) {
            written += digests(today, due, active);
        }
        if (written > 0) {
            log.info("Wrote {} reminder(s) to article owners", written);
        }
        return written;
    }

    private boolean remind(KnownArticle article, LocalDate today, ReviewItem item) {
        return ReminderStage.on(today, article.nextReviewDue(), settings).map(stage -> {
            String id = stage.idFor(article.id(), article.nextReviewDue());
            return !outbox.exists(id) && write(id, article.id(), stage.kind(), article.owner().email(),
                    letters.reminder(article, stage, today, item));
        }).orElse(false);
    }

    /** One digest per owner and ISO week, for every owner with something due, overdue or waiting. */
    private int digests(LocalDate today, List<KnownArticle> due, Map<String, ReviewItem> active) {
        Map<String, KnownArticle> concerned = new LinkedHashMap<>();
        due.forEach(article -> concerned.put(article.id(), article));
        Set<String> missing = new HashSet<>(active.keySet());
        missing.removeAll(concerned.keySet());
        mongo.find(query(where("_id").in(missing)), KnownArticle.class)
                .forEach(article -> concerned.put(article.id(), article));
        Map<String, List<KnownArticle>> byOwner = concerned.values().stream().filter(KnownArticle::hasOwner)
                .collect(Collectors.groupingBy(article -> address(article), LinkedHashMap::new, Collectors.toList()));
        String week = "%d-W%02d".formatted(today.get(IsoFields.WEEK_BASED_YEAR),
                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        int written = 0;
        for (var owner : byOwner.entrySet()) {
            String id = "digest:" + owner.getKey() + ":" + week;
            if (outbox.exists(id)) {
                continue;
            }
            List<KnownArticle> articles = new ArrayList<>(owner.getValue());
            articles.sort(Comparator.comparing(KnownArticle::nextReviewDue, Comparator.nullsLast(Comparator.naturalOrder())));
            List<KnownArticle> overdue = articles.stream().filter(a -> isBefore(a.nextReviewDue(), today)).toList();
            List<KnownArticle> dueSoon = articles.stream().filter(a -> due.contains(a) && !overdue.contains(a))
                    .toList();
            List<Waiting> waiting = articles.stream().filter(a -> active.containsKey(a.id()))
                    .map(a -> new Waiting(active.get(a.id()), a.title())).toList();
            Letter digest = letters.digest(articles.get(0).owner().name(), week, dueSoon, overdue, waiting);
            written += write(id, week, Kind.DIGEST, owner.getKey(), digest) ? 1 : 0;
        }
        return written;
    }

    private boolean write(String id, String about, Kind kind, String to, Letter letter) {
        // no expiry: the record of a sent reminder is what keeps it from being written again
        return outbox.enqueue(Mail.pending(id, about, kind.tag(), to, letter.subject(), letter.text(),
                clock.instant(), null));
    }

    private static String address(KnownArticle article) {
        return article.owner().email().trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isBefore(LocalDate date, LocalDate today) {
        return date != null && date.isBefore(today);
    }
}

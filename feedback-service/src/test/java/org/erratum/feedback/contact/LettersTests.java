package org.erratum.feedback.contact;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.erratum.events.ReviewItemChanged.Outcome;
import org.erratum.events.ReviewItemChanged.Resolution;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.config.FeedbackProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LettersTests {

    private final ReaderMailProperties mail = new ReaderMailProperties("Erratum Health <feedback@example.org>",
            "Erratum Health", URI.create("https://feedback.example.org"), Duration.ofMinutes(15),
            Duration.ofDays(14), Duration.ofSeconds(5), 50, Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofMinutes(30));
    private final FeedbackProperties feedback = new FeedbackProperties("secret", URI.create("https://health.example"),
            Duration.ofDays(90), Duration.ofHours(1), null, List.of());
    private final Letters letters = new Letters(mail, feedback);
    private final Contact contact = Contact.consented("report-1", "reader@example.org", "a-1", Instant.now(), mail,
            Duration.ofDays(90));
    private final Optional<KnownArticle> article = Optional.of(new KnownArticle("a-1", "back-pain",
            "Low back\npain", 3, 4));

    @Test
    void aDeadlineWithinADaySaysADay() {
        assertThat(letters.acknowledgement(contact, article, 1).text()).contains("we aim to do so within a day.");
        assertThat(letters.acknowledgement(contact, article, 5).text()).contains("we aim to do so within 5 days.");
    }

    @Test
    void aTitleNeverBreaksTheSubjectLine() {
        assertThat(letters.acknowledgement(contact, article, 2).subject())
                .isEqualTo("We have your report on \u201cLow back pain\u201d");
    }

    @Test
    void everyMessageLinksToTheErasurePageWithTheContactsToken() {
        String link = "https://feedback.example.org/feedback/contact/erase?report=report-1&token="
                + contact.erasureToken();
        Resolution revised = new Resolution(Outcome.REVISED, 4, "Clearer advice on exercise.", null, Instant.now());
        Resolution unchanged = new Resolution(Outcome.NO_CHANGE_NEEDED, null, null, null, Instant.now());

        assertThat(List.of(letters.acknowledgement(contact, article, 3), letters.outcome(contact, revised, article,
                false), letters.outcome(contact, unchanged, article, false))).allSatisfy(letter ->
                assertThat(letter.text()).contains("\n" + link + "\n"));
    }

    @Test
    void withoutAPublicReasonTheOutcomeStillSaysWhatWasDecided() {
        Resolution unchanged = new Resolution(Outcome.NO_CHANGE_NEEDED, null, " ", null, Instant.now());

        assertThat(letters.outcome(contact, unchanged, article, false).text())
                .contains("Why: what the page says is correct as it stands.")
                .contains("The page: https://health.example/articles/back-pain\n");
    }

    @Test
    void anUnknownArticleIsNamedWithoutATitleAndLinksToTheSite() {
        Resolution revised = new Resolution(Outcome.REVISED, 2, "Fixed.", null, Instant.now());

        Letter letter = letters.outcome(contact, revised, Optional.empty(), true);

        assertThat(letter.subject()).isEqualTo("We have corrected one of our pages");
        assertThat(letter.text()).contains("The corrected page: https://health.example\n")
                .contains("Other readers told us about the same problem");
    }

    @Test
    void theErasureTokenIsRandomAndOnlyItErases() {
        Contact another = Contact.consented("report-2", "reader@example.org", "a-1", Instant.now(), mail,
                Duration.ofDays(90));

        assertThat(contact.erasureToken()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(another.erasureToken());
        assertThat(contact.erasableWith(contact.erasureToken())).isTrue();
        assertThat(contact.erasableWith(another.erasureToken())).isFalse();
        assertThat(contact.erasableWith(null)).isFalse();
    }
}

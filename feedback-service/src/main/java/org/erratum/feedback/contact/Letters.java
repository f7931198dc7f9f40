package org.erratum.feedback.contact;

import java.net.URI;
import java.util.Optional;

import org.erratum.events.ReviewItemChanged.Outcome;
import org.erratum.events.ReviewItemChanged.Resolution;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.config.FeedbackProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The messages readers get, in the publisher's voice. They hold only what the publisher wrote (article titles, the
 * reviewer's public reason) and addresses built from configuration, never anything a reader typed: a message to an
 * address someone else entered then carries nothing of theirs.
 */
@Component
class Letters {

    /** Where the article page lists its corrections (content-service's article template). */
    static final String CORRECTIONS_ANCHOR = "corrections";

    private final ReaderMailProperties mail;
    private final URI articlePages;

    Letters(ReaderMailProperties mail, FeedbackProperties feedback) {
        this.mail = mail;
        this.articlePages = feedback.articlePageBaseUrl();
    }

    Letter acknowledgement(Contact contact, Optional<KnownArticle> article, long days) {
        String title = titleOf(article);
        return new Letter("We have your report on " + title, """
                Hello,

                Thank you for telling us about a problem with %s. Your report is with our medical reviewers: a \
                clinician will look at it, and we aim to do so within %s.

                When we have decided what to do, we will write to you once more with the outcome, and then delete \
                your email address. We use it for nothing else.

                %s
                %s
                """.formatted(title, days == 1 ? "a day" : days + " days", erasure(contact), signature()));
    }

    /**
     * @param resolution how the item was resolved (never a duplicate: a duplicate's readers get the outcome of the
     *                   item it duplicates)
     * @param article    the article the resolution is about
     * @param shared     the reader's report joined another item, which was found to duplicate this one
     */
    Letter outcome(Contact contact, Resolution resolution, Optional<KnownArticle> article, boolean shared) {
        String title = titleOf(article);
        String others = shared ? " Other readers told us about the same problem, and we looked at it together." : "";
        if (resolution.outcome() == Outcome.REVISED) {
            String page = pageOf(article, null);
            return new Letter("We have corrected " + title, """
                    Hello,

                    Thank you again for your report on %s. A clinician has reviewed it, and we have corrected the \
                    page.%s

                    What we changed: %s

                    The corrected page: %s
                    Its corrections and updates: %s

                    This is the last message about your report: we are deleting your email address now.

                    %s
                    %s
                    """.formatted(title, others,
                    reasonOr(resolution, "we corrected the text you reported."), page,
                    pageOf(article, CORRECTIONS_ANCHOR), erasure(contact), signature()));
        }
        return new Letter("Our review of " + title, """
                Hello,

                Thank you again for your report on %s. A clinician has reviewed it and found that the page does \
                not need to change.%s

                Why: %s

                The page: %s

                This is the last message about your report: we are deleting your email address now.

                %s
                %s
                """.formatted(title, others,
                reasonOr(resolution, "what the page says is correct as it stands."), pageOf(article, null),
                erasure(contact), signature()));
    }

    private String erasure(Contact contact) {
        URI link = UriComponentsBuilder.fromUri(mail.publicBaseUrl())
                .path(ContactErasureController.ERASE)
                .queryParam("report", contact.reportId())
                .queryParam("token", contact.erasureToken())
                .encode().build().toUri();
        return "To delete your email address at once, so that we do not write to you again, open this link and "
                + "confirm:\n" + link;
    }

    private String signature() {
        return "-- \n" + mail.publisherName();
    }

    private String pageOf(Optional<KnownArticle> article, String fragment) {
        UriComponentsBuilder page = UriComponentsBuilder.fromUri(articlePages);
        article.ifPresent(known -> page.pathSegment("articles", known.slug()));
        return page.fragment(fragment).encode().build().toUriString();
    }

    /** Quoted, on one line: a title is the publisher's text, but a subject must not carry a line break. */
    private static String titleOf(Optional<KnownArticle> article) {
        return article.map(KnownArticle::title).filter(StringUtils::hasText)
                .map(title -> "\u201c" + title.replaceAll("\\s+", " ").strip() + "\u201d")
                .orElse("one of our pages");
    }

    private static String reasonOr(Resolution resolution, String otherwise) {
        return StringUtils.hasText(resolution.publicReason()) ? resolution.publicReason().strip() : otherwise;
    }
}

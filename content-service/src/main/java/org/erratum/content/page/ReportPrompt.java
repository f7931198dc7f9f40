package org.erratum.content.page;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.content.reviewitem.ReviewBacklog;
import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Whether a reader is shown the full "report a problem" prompt. While the reviewers' backlog is over capacity only a
 * share of readers is; the others are asked for safety problems only (see article.html), and every reader can vote.
 * <p>
 * A reader's place in the sample is one of {@value #BUCKETS} numbers, drawn at random the first time it matters and
 * kept in a first-party cookie, so the same reader sees the same page on every load, and a growing share keeps
 * showing the prompt to those who saw it. The number is all the cookie holds: it identifies nobody (about one reader
 * in a hundred has each), nothing stores it, and it is set only while sampling is in force.
 */
@Component
class ReportPrompt implements SchedulingConfigurer {

    static final String COOKIE = "erratum-report-prompt";
    static final int BUCKETS = 100;

    private final ReviewBacklog backlog;
    private final ReportPromptProperties properties;

    ReportPrompt(ReviewBacklog backlog, ReportPromptProperties properties, MeterRegistry registry) {
        this.backlog = backlog;
        this.properties = properties;
        Gauge.builder("erratum.content.report.prompt.share", this, ReportPrompt::share)
                .description("Share of readers shown the report-a-problem prompt (1 while the review backlog is "
                        + "within capacity)")
                .register(registry);
    }

    /** The backlog is counted every {@code refresh-interval}, the first time as the service starts. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(backlog::recount, properties.refreshInterval());
    }

    /** The share of readers shown the full prompt now. */
    double share() {
        return backlog.active() > properties.backlogCapacity() ? properties.shareOverCapacity() : 1.0;
    }

    /** Decides for this reader, giving them their number first if sampling is in force and they have none. */
    boolean offeredTo(HttpServletRequest request, HttpServletResponse response) {
        double share = share();
        if (share >= 1.0) {
            return true;
        }
        OptionalInt kept = bucketIn(request.getCookies());
        int bucket = kept.orElseGet(() -> ThreadLocalRandom.current().nextInt(BUCKETS));
        if (kept.isEmpty()) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, Integer.toString(bucket))
                    .path("/articles").maxAge(properties.rememberFor()).httpOnly(true).sameSite("Lax")
                    .secure(request.isSecure()).build().toString());
        }
        return sees(bucket, share);
    }

    /** Buckets below the share's cut see the prompt: 0.25 is buckets 0 to 24. */
    static boolean sees(int bucket, double share) {
        return bucket < Math.round(share * BUCKETS);
    }

    /** The reader's number, if their browser sent a valid one; anything else is drawn again. */
    static OptionalInt bucketIn(Cookie[] cookies) {
        if (cookies == null) {
            return OptionalInt.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> v != null && v.matches("\\d{1,2}")).mapToInt(Integer::parseInt).findFirst();
    }
}

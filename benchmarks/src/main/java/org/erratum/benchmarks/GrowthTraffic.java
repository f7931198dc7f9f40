package org.erratum.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the growth benchmark sends the running services, as their callers do: readers' votes and reports to
 * feedback intake's JSON API (a reader is their {@code erratum_reader} cookie), articles to content's editor API,
 * the staff's reads and claims with the development accounts. Bulk posts run {@link #CONCURRENCY} at a time; one
 * answer that is not the expected status stops the run, so every count the benchmark checks is of accepted feedback.
 */
final class GrowthTraffic {

    static final String EDITOR = basic("editor", "editor-dev-password");
    static final String REVIEWER = basic("reviewer", "reviewer-dev-password");

    /** Enough to keep intake's threads and the store busy on two cores without queueing requests for seconds. */
    private static final int CONCURRENCY = 16;

    private static final String PASSAGE = "Some text a reader could quote.";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(CONCURRENCY);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final String content;
    private final String feedback;
    private final String review;

    GrowthTraffic(String content, String feedback, String review) {
        this.content = content;
        this.feedback = feedback;
        this.review = review;
    }

    /** The id content gave the article, published at revision 1. */
    String publishArticle(int number) {
        String body = """
                {"slug":"growth-article-%1$d","title":"Growth article %1$d","summary":"An article readers vote on.",\
                "sections":[{"heading":"Only section","body":"%2$s"}],"authors":["Growth benchmark"]}"""
                .formatted(number, PASSAGE);
        HttpResponse<String> created = send(post(content + "/api/articles", body).header("Authorization", EDITOR)
                .build(), 201);
        return created.headers().firstValue("Location").map(location -> location.replaceAll(".*/", ""))
                .orElseThrow();
    }

    static String slug(int article) {
        return "growth-article-" + article;
    }

    /** One reader's vote on revision 1, sent in the background (at most {@link #CONCURRENCY} at a time). */
    void voteLater(String reader, String articleId, boolean helpful) {
        later(vote(reader, articleId, helpful));
    }

    HttpRequest vote(String reader, String articleId, boolean helpful) {
        String body = "{\"articleId\":\"" + articleId + "\",\"revision\":1,\"helpful\":" + helpful
                + (helpful ? "" : ",\"reason\":\"CONFUSING\"") + "}";
        return post(feedback + "/api/feedback/votes", body).header("Cookie", "erratum_reader=" + readerCookie(reader))
                .build();
    }

    /** One report on revision 1, sent in the background. */
    void reportLater(String articleId, long number) {
        later(report(articleId, number));
    }

    HttpRequest report(String articleId, long number) {
        String body = "{\"articleId\":\"" + articleId + "\",\"revision\":1,\"category\":\"OUT_OF_DATE\",\"passage\":\""
                + PASSAGE + "\",\"comment\":\"The guidance on this changed last year, see report " + number + ".\"}";
        return post(feedback + "/api/feedback/reports", body).build();
    }

    /** Waits until every background post was answered; throws if one was not accepted. */
    void awaitSent() {
        inFlight.acquireUninterruptibly(CONCURRENCY);
        inFlight.release(CONCURRENCY);
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }

    HttpRequest get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        return (authorization == null ? request : request.header("Authorization", authorization)).build();
    }

    HttpRequest claimNext() {
        return HttpRequest.newBuilder(URI.create(review + "/api/review/items/claim-next"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", REVIEWER)
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    HttpRequest release(String itemId) {
        return HttpRequest.newBuilder(URI.create(review + "/api/review/items/" + itemId + "/release"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", REVIEWER)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Sends and insists on the status: the benchmark measures only answers that did what was asked. */
    HttpResponse<String> send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(unexpected(request, response));
            }
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void later(HttpRequest request) {
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        inFlight.acquireUninterruptibly();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        answer.whenComplete((response, error) -> {
            if (error != null) {
                failure.compareAndSet(null, request.uri() + " failed: " + error);
            } else if (response.statusCode() != 202) {
                failure.compareAndSet(null, unexpected(request, response));
            }
            inFlight.release();
        });
    }

    private static String unexpected(HttpRequest request, HttpResponse<String> response) {
        return request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body();
    }

    private static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** A well-formed reader cookie (43 URL-safe characters) that is the same for the same reader. */
    private static String readerCookie(String reader) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(reader.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}

package org.erratum.feedback.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.events.Topics;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.contact.Contact;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
import org.erratum.platform.web.FormTokens;
import org.erratum.testsupport.HostileInputs;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A corpus of hostile and broken requests against the real JSON and form endpoints, the editorial readouts and
 * the helpfulness readout (src/test/resources/intake/hostile-inputs.txt, plus the oversized and deeply nested bodies
 * built below). Every case must get its 4xx as an RFC 9457 problem, or, from a plain HTML form, a 303 back to the
 * article naming the field; and leave nothing stored, nothing published and nothing counted. Spam (a filled
 * honeypot, a too-fast form) is deliberately not here: it is accepted silently, see {@link IntakeIntegrationTests}.
 */
@IntegrationTest
class HostileInputIntegrationTests {

    private static final String CORPUS = "/intake/hostile-inputs.txt";
    private static final int OVER_THE_BODY_LIMIT = 40 * 1024;
    private static final String REPORT = "{\"articleId\":\"{article}\",\"revision\":2,\"category\":\"OTHER\","
            + "\"comment\":\"%s\"%s}";

    /** The known article every case is aimed at, at revision 2; made by whichever case runs first. */
    private static String articleId;

    /** Records about the corpus's article (or the unknown one some cases name) on the feedback topics. */
    private static TopicProbe.Tally published;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FormTokens formTokens;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void publishTheTargetArticleOnce() {
        if (articleId == null) {
            String id = TestArticles.newArticleId();
            TestArticles.publishAndAwait(TestArticles.article(id, "hostile-" + id, 2, 2), mongo);
            articleId = id;
            published = TopicProbe.tally(r -> id.equals(r.key()) || "no-such-article".equals(r.key()),
                    Topics.VOTES, Topics.REPORTS);
        }
    }

    @AfterAll
    static void closeTheTally() {
        if (published != null) {
            published.close();
        }
    }

    static List<HostileInputs.Case> corpus() {
        return HostileInputs.load(CORPUS,
                HostileInputs.generated("oversized JSON report", 413, "body", "json:/api/feedback/reports",
                        REPORT.formatted("{" + OVER_THE_BODY_LIMIT + "*x}", "")),
                HostileInputs.generated("oversized form report", 413, "body", "form:/feedback/reports",
                        "articleId={article}&revision=2&category=OTHER&formToken={token}&comment={"
                                + OVER_THE_BODY_LIMIT + "*x}"),
                HostileInputs.generated("oversized JSON vote padded with white space", 413, "body",
                        "json:/api/feedback/votes", "{\"articleId\":\"{article}\",\"revision\":2,\"helpful\":true{"
                                + OVER_THE_BODY_LIMIT + "* }}"),
                HostileInputs.generated("comment nested 5000 arrays deep", 400, "comment", "json:/api/feedback/reports",
                        REPORT.formatted("", "").replace("\"comment\":\"\"", "\"comment\":{5000*[}{5000*]}")),
                HostileInputs.generated("body nested 5000 arrays deep", 400, "body", "json:/api/feedback/votes",
                        "{5000*[}{5000*]}"),
                // deeper than the parser's nesting limit (500), which it reports before the unknown field
                HostileInputs.generated("unknown field nested 3000 objects deep", 400, "body",
                        "json:/api/feedback/votes", "{3000*{\"a\":}1{3000*\\x7D}"),
                HostileInputs.generated("revision with 1500 digits", 400, "body", "json:/api/feedback/votes",
                        "{\"articleId\":\"{article}\",\"revision\":{1500*9},\"helpful\":true}"),
                HostileInputs.generated("comment of 2001 characters", 400, "comment", "json:/api/feedback/reports",
                        REPORT.formatted("{2001*c}", "")),
                HostileInputs.generated("passage of 501 characters", 400, "passage", "json:/api/feedback/reports",
                        REPORT.formatted("The table is out of date", ",\"passage\":\"{501*p}\"")),
                HostileInputs.generated("article id of 201 characters", 400, "articleId", "json:/api/feedback/votes",
                        "{\"articleId\":\"{201*a}\",\"revision\":2,\"helpful\":true}"),
                HostileInputs.generated("contact email of 300 characters", 400, "contactEmail",
                        "json:/api/feedback/reports", REPORT.formatted("The table is out of date",
                                ",\"contactEmail\":\"{288*e}@example.org\",\"contactConsent\":true")),
                HostileInputs.generated("form token of 201 characters", 400, "formToken", "json:/api/feedback/votes",
                        "{\"articleId\":\"{article}\",\"revision\":2,\"helpful\":true,\"formToken\":\"{201*1}\"}"),
                HostileInputs.generated("form comment of 2001 characters", 303, "comment", "form:/feedback/reports",
                        "articleId={article}&revision=2&category=OTHER&formToken={token}&comment={2001*c}"),
                HostileInputs.tooManyHeaders("GET /api/feedback/articles/{article}/revisions/2/helpfulness"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileInputIsRefusedAndLeavesNoTrace(HostileInputs.Case hostile) {
        HostileInputs.against(port, this::withPlaceholders, this::trace)
                .redirectingTo("http://localhost:8081/articles/hostile-" + articleId + "?")
                .assertRefused(hostile);
    }

    /**
     * What a case must not change. Only stored feedback is ever published (the outbox), so the stored counts cover
     * the topics too; the tally checks the topics themselves, for anything about the corpus's article.
     */
    private Map<String, Object> trace() {
        return Map.of("votes stored", mongo.count(new Query(), Vote.class),
                "reports stored", mongo.count(new Query(), Report.class),
                "contacts stored", mongo.count(new Query(), Contact.class),
                "feedback counted", counted("erratum.feedback.accepted") + counted("erratum.feedback.votes")
                        + counted("erratum.feedback.spam"),
                "published about the corpus's articles", published.count());
    }

    private double counted(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private String withPlaceholders(String text) {
        Instant now = Instant.now();
        String filled = text;
        int at;
        while ((at = filled.indexOf("{token:")) >= 0) {
            int end = filled.indexOf('}', at);
            String id = filled.substring(at + "{token:".length(), end);
            filled = filled.substring(0, at) + formTokens.issue(id, now.minusSeconds(60)) + filled.substring(end + 1);
        }
        return filled.replace("{token}", formTokens.issue(articleId, now.minusSeconds(60)))
                .replace("{expired}", formTokens.issue(articleId, now.minus(Duration.ofDays(8))))
                .replace("{future}", formTokens.issue(articleId, now.plus(Duration.ofMinutes(5))))
                .replace("{forged}", new FormTokens("not-the-shared-secret").issue(articleId, now.minusSeconds(60)))
                .replace("{other}", formTokens.issue("another-article", now.minusSeconds(60)))
                .replace("{article}", articleId)
                .replace("{editor}", "Basic ZWRpdG9yOmVkaXRvci1kZXYtcGFzc3dvcmQ=");
    }
}

package org.erratum.review;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.Topics;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.signoff.SignOff;
import org.erratum.testsupport.HostileInputs;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A corpus of hostile and broken requests against the queue API, the sign-off API and the console's forms, each
 * from a signed-in reviewer or senior reviewer (src/test/resources/hostile-inputs.txt): each is refused with exactly
 * its status and a problem document naming the field, and leaves the item, the sign-offs, the decisions and item
 * topics and the counts as they were.
 */
@IntegrationTest
class HostileInputIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("(ERRATUM_CONSOLE_SESSION=[^;]+)");

    /** The article and its claimed item the cases aim at, and the console sign-ins; made by the first case. */
    private static Map<String, String> placeholders;

    /** Decisions and item events about that article, on review.decisions and review.items. */
    private static TopicProbe.Tally announced;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void prepareTheTargetsOnce() {
        if (placeholders != null) {
            return;
        }
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        await().atMost(WAIT).until(() -> mongo.findById(articleId, KnownArticle.class) != null);
        TopicProbe.publish(Fixtures.report(articleId, ReportSubmitted.Category.INACCURATE));
        ReviewItem item = await().atMost(WAIT).until(() -> mongo.findOne(
                Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class), found -> found != null);
        TestClient reviewer = TestClient.onPort(port).as("reviewer", "reviewer-dev-password");
        assertThat(reviewer.post("/api/review/items/" + item.id() + "/claim", "{}").status()).isEqualTo(200);
        String[] session = signIn("reviewer", "reviewer-dev-password", "/console/items/" + item.id());
        String[] senior = signIn("senior", "senior-dev-password", "/console/articles/" + articleId + "/sign-off");
        announced = TopicProbe.tally(r -> articleId.equals(r.key()), Topics.DECISIONS, Topics.ITEMS);
        placeholders = Map.of("{article}", articleId, "{item}", item.id(),
                "{reviewer}", "Basic cmV2aWV3ZXI6cmV2aWV3ZXItZGV2LXBhc3N3b3Jk",
                "{senior}", "Basic c2VuaW9yOnNlbmlvci1kZXYtcGFzc3dvcmQ=",
                "{session}", session[0], "{csrf}", session[1],
                "{senior-session}", senior[0], "{senior-csrf}", senior[1]);
    }

    @AfterAll
    static void closeTheTally() {
        if (announced != null) {
            announced.close();
        }
    }

    static List<HostileInputs.Case> corpus() {
        return HostileInputs.load("/hostile-inputs.txt",
                HostileInputs.tooManyHeaders("GET /api/review/items | Authorization: {reviewer}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileInputIsRefusedAndLeavesNoTrace(HostileInputs.Case hostile) {
        HostileInputs.against(port, this::withPlaceholders, this::trace).assertRefused(hostile);
    }

    private Map<String, Object> trace() {
        return Map.of("items stored", mongo.count(new Query(), ReviewItem.class),
                "the target item", mongo.findById(placeholders.get("{item}"), Document.class,
                        mongo.getCollectionName(ReviewItem.class)),
                "sign-offs stored", mongo.count(new Query(), SignOff.class),
                "counted", counted("erratum.review.signoffs") + counted("erratum.review.escalations")
                        + counted("erratum.review.items.opened"),
                "decisions and item events about the target article", announced.count());
    }

    private double counted(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private String withPlaceholders(String text) {
        String filled = text;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            filled = filled.replace(placeholder.getKey(), placeholder.getValue());
        }
        return filled;
    }

    /**
     * Signs in to the console as a browser does (the sign-in page's CSRF token, the form, the new session) and
     * opens {@code page} to read the CSRF token its forms carry.
     *
     * @return the session cookie and the CSRF token
     */
    private String[] signIn(String username, String password, String page) {
        Response login = get("/login", null);
        String anonymous = cookieOf(login);
        String form = "username=" + username + "&password=" + password + "&_csrf=" + csrfOf(login);
        Response signedIn = TestClient.onPort(port).sendRaw("POST /login HTTP/1.1", List.of(
                Map.entry("Cookie", anonymous), Map.entry("Content-Type", "application/x-www-form-urlencoded")),
                form.getBytes(StandardCharsets.UTF_8));
        assertThat(signedIn.status()).as("sign-in of %s", username).isEqualTo(302);
        String session = cookieOf(signedIn);
        Response opened = get(page, session);
        assertThat(opened.status()).as("%s for %s", page, username).isEqualTo(200);
        return new String[] { session, csrfOf(opened) };
    }

    private Response get(String path, String cookie) {
        List<Map.Entry<String, String>> headers = cookie == null ? List.of() : List.of(Map.entry("Cookie", cookie));
        return TestClient.onPort(port).sendRaw("GET " + path + " HTTP/1.1", headers, new byte[0]);
    }

    private static String cookieOf(Response response) {
        Matcher cookie = SESSION_COOKIE.matcher(String.valueOf(response.header("Set-Cookie")));
        assertThat(cookie.find()).as("session cookie in %s", response.headers()).isTrue();
        return cookie.group(1);
    }

    private static String csrfOf(Response response) {
        Matcher token = CSRF_FIELD.matcher(response.body());
        assertThat(token.find()).as("CSRF field").isTrue();
        return token.group(1);
    }
}

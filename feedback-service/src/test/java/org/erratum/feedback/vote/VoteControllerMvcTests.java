package org.erratum.feedback.vote;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.erratum.feedback.article.ArticlePages;
import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.intake.IntakeProperties;
import org.erratum.feedback.readout.EditorialPagesDouble;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.intake.Acceptance;
import org.erratum.testsupport.ServiceMvcTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.testsupport.MvcProblems.assertRefusedNaming;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The vote API's binding and problems, behind the service's real security chain and body guard: a vote the API
 * cannot take never reaches the {@link VoteService}, so nothing is stored or published.
 */
@ServiceMvcTest(VoteController.class)
// the reader cookie, and what the service's other web components need: the body guard its limit, the rejection
// counter a registry, the editorial advice its pages
@Import({ ReaderCookie.class, SimpleMeterRegistry.class, EditorialPagesDouble.class })
@EnableConfigurationProperties({ FeedbackProperties.class, IntakeProperties.class })
class VoteControllerMvcTests {

    private static final String VOTES = "/api/feedback/votes";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private VoteService votes;

    @MockitoBean
    private ArticlePages articlePages;

    @Test
    void aVoteIsHandedOnWithANewReaderCookie() {
        given(votes.cast(any(), any(), any())).willReturn(new Acceptance("vote-1",
                new KnownArticle("article-1", "article-one", "Article one", 2, 1)));

        MvcTestResult accepted = vote("{\"articleId\": \"article-1\", \"revision\": 2, \"helpful\": true}");

        assertThat(accepted).hasStatus(202).bodyJson().extractingPath("$.id").isEqualTo("vote-1");
        assertThat(accepted).cookies().containsCookie(ReaderCookie.NAME);
        then(votes).should().cast(any(), any(), any());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"articleId\": \"article-1\", \"revision\": 2, \"helpful\": true, \"mood\": \"happy\"}          | mood",
        "{\"articleId\": \"article-1\", \"revision\": 2, \"helpful\": \"maybe\"}                          | helpful",
        "{\"articleId\": \"article-1\", \"revision\": 2, \"helpful\": \"true\"}                           | helpful",
        "{\"articleId\": \"article-1\", \"revision\": 2, \"helpful\": 1}                                  | helpful",
        "{\"articleId\": \"article-1\", \"revision\": 2}                                                  | helpful",
        "{\"articleId\": \"article-1\", \"revision\": \"2\", \"helpful\": true}                           | revision",
        "{\"articleId\": \"article-1\", \"revision\": 2, \"helpful\": false, \"reason\": \"BORING\"}      | reason",
        "{\"articleId\": \"article-1\", \"revision\": 2, \"helpful\": false, \"reason\": 0}               | reason",
        "{\"articleId\": \"article-1\", \"articleId\": \"article-2\", \"revision\": 2, \"helpful\": true} | articleId",
        "{\"articleId\": \"<script>\", \"revision\": 2, \"helpful\": true}                                | articleId",
        "{\"articleId\": 42, \"revision\": 2, \"helpful\": true}                                          | articleId" })
    void aVoteTheApiCannotTakeIsRefusedNamingTheField(String body, String field) {
        assertRefusedNaming(vote(body), 400, field);
        then(votes).shouldHaveNoInteractions();
    }

    @Test
    void aVoteThatIsNotJsonIsRefusedNamingTheContentType() {
        MvcTestResult refused = mvc.post().uri(VOTES).contentType(MediaType.TEXT_PLAIN).content("helpful").exchange();

        assertRefusedNaming(refused, 415, "Content-Type");
        then(votes).shouldHaveNoInteractions();
    }

    @Test
    void aMalformedContentTypeIsRefusedNamingIt() {
        MvcTestResult refused = mvc.post().uri(VOTES).header("Content-Type", "application/json; charset")
                .content("{\"articleId\": \"article-1\", \"revision\": 2, \"helpful\": true}").exchange();

        assertRefusedNaming(refused, 400, "Content-Type");
        then(votes).shouldHaveNoInteractions();
    }

    @Test
    void aBodyLargerThanTheIntakeAllowsIsRefused() {
        MvcTestResult refused = vote("{\"articleId\": \"article-1\", \"revision\": 2, \"helpful\": true, \"website\": \""
                + "x".repeat(64 * 1024) + "\"}");

        assertThat(refused).hasStatus(413).hasContentType("application/problem+json");
        then(votes).shouldHaveNoInteractions();
    }

    private MvcTestResult vote(String body) {
        return mvc.post().uri(VOTES).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}

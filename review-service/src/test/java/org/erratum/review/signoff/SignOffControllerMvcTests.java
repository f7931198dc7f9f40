package org.erratum.review.signoff;

import java.time.Instant;
import java.util.Optional;

import org.erratum.events.Reviewer;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.queue.Staff;
import org.erratum.review.signoff.SignOffRefusal.NotAClinician;
import org.erratum.review.signoff.SignOffRefusal.UnknownArticle;
import org.erratum.review.signoff.SignOffRefusal.UnpublishedRevision;
import org.erratum.testsupport.ServiceMvcTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.testsupport.MvcProblems.assertRefusedNaming;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The sign-off API's binding and problems, behind the service's real security chain: what reaches
 * {@link SignOffs}, what never does, and each refusal of a sign-off as the problem document the API promises.
 */
@ServiceMvcTest(SignOffController.class)
class SignOffControllerMvcTests {

    private static final String PATH = "/api/review/articles/article-1/sign-off";
    /** The development account, signed in without its password's hashing (the security test below signs in). */
    private static final RequestPostProcessor SENIOR = user("senior").roles("SENIOR_REVIEWER");
    private static final String WHOLE_ARTICLE = "{\"revision\": 1, \"reviewedWholeArticle\": true}";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private SignOffs signOffs;

    @Test
    void aSeniorsSignOffReachesTheSignOffsWithTheirClinicalNameAndTheKey() {
        given(signOffs.signOff(any(), anyInt(), any(), any(), any(), any())).willReturn(new SignOff("s-1",
                "article-1", 1, new Reviewer("Dr Tomas Lindqvist", "MD, FRCP"), "senior", Instant.EPOCH, null, true));

        MvcTestResult accepted = signOff(WHOLE_ARTICLE);

        assertThat(accepted).hasStatus(202).bodyJson().extractingPath("$.published").isEqualTo(true);
        then(signOffs).should().signOff("article-1", 1, null, new Staff("senior", true),
                Optional.of(new Reviewer("Dr Tomas Lindqvist", "MD, FRCP")), new IdempotencyKey("sign-off-1"));
    }

    /** A clinician who only read the diff has not reviewed the article: the API refuses, naming the field. */
    @ParameterizedTest
    @ValueSource(strings = { "{\"revision\": 1}", "{\"revision\": 1, \"reviewedWholeArticle\": false}" })
    void aSignOffWithoutTheWholeArticleConfirmationIsRefused(String body) {
        MvcTestResult refused = signOff(body);

        assertThat(refused).hasStatus(400).bodyJson().extractingPath("$.errors").asArray().singleElement()
                .satisfies(error -> assertThat(error.toString()).contains("reviewedWholeArticle")
                        .contains("reviewed the whole article"));
        then(signOffs).shouldHaveNoInteractions();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"revision\": \"1\", \"reviewedWholeArticle\": true}",
        "{\"revision\": 1.5, \"reviewedWholeArticle\": true}",
        "{\"revision\": 1, \"revision\": 2, \"reviewedWholeArticle\": true}",
        "{\"revision\": 0, \"reviewedWholeArticle\": true}",
        "{\"reviewedWholeArticle\": true}" })
    void aRevisionThatIsNotAPositiveNumberGivenOnceIsRefusedNamingIt(String body) {
        assertRefusedNaming(signOff(body), 400, "revision");
        then(signOffs).shouldHaveNoInteractions();
    }

    @Test
    void aConfirmationThatIsNotABooleanIsRefusedNamingIt() {
        assertRefusedNaming(signOff("{\"revision\": 1, \"reviewedWholeArticle\": 1}"), 400, "reviewedWholeArticle");
        then(signOffs).shouldHaveNoInteractions();
    }

    @Test
    void aSignOffWithoutAnIdempotencyKeyIsRefusedNamingTheHeader() {
        MvcTestResult refused = mvc.post().uri(PATH).with(SENIOR).contentType(MediaType.APPLICATION_JSON)
                .content(WHOLE_ARTICLE).exchange();

        assertRefusedNaming(refused, 400, "Idempotency-Key");
        then(signOffs).shouldHaveNoInteractions();
    }

    @Test
    void aMalformedContentTypeIsRefusedNamingTheHeader() {
        MvcTestResult refused = mvc.post().uri(PATH).with(SENIOR).header(IdempotencyKey.HEADER, "sign-off-1")
                .header("Content-Type", "application/json; charset")
                .content(WHOLE_ARTICLE).exchange();

        assertRefusedNaming(refused, 400, "Content-Type");
        then(signOffs).shouldHaveNoInteractions();
    }

    @Test
    void onlyASignedInSeniorReviewerReachesTheSignOffs() {
        given(signOffs.signOff(any(), anyInt(), any(), any(), any(), any())).willReturn(new SignOff("s-1",
                "article-1", 1, new Reviewer("Dr Tomas Lindqvist", "MD, FRCP"), "senior", Instant.EPOCH, null, true));
        assertThat(mvc.post().uri(PATH).with(httpBasic("senior", "senior-dev-password"))
                .header(IdempotencyKey.HEADER, "sign-off-1").contentType(MediaType.APPLICATION_JSON)
                .content(WHOLE_ARTICLE)).hasStatus(202);
        assertThat(mvc.post().uri(PATH).with(httpBasic("reviewer", "reviewer-dev-password"))
                .header(IdempotencyKey.HEADER, "sign-off-1").contentType(MediaType.APPLICATION_JSON)
                .content(WHOLE_ARTICLE)).hasStatus(403);
        assertThat(mvc.post().uri(PATH).header(IdempotencyKey.HEADER, "sign-off-1")
                .contentType(MediaType.APPLICATION_JSON).content(WHOLE_ARTICLE)).hasStatus(401);
        then(signOffs).should().signOff(any(), anyInt(), any(), any(), any(), any());
    }

    @Test
    void anUnknownArticleIsNotFound() {
        refuseWith(new UnknownArticle("article-1"));

        assertThat(signOff(WHOLE_ARTICLE)).hasStatus(404).hasContentType("application/problem+json")
                .bodyJson().extractingPath("$.detail").isEqualTo("Article article-1 does not exist");
    }

    @Test
    void aRevisionNeverPublishedIsRefusedWith422NamingTheRevision() {
        refuseWith(new UnpublishedRevision(3));

        MvcTestResult refused = signOff(WHOLE_ARTICLE);

        assertRefusedNaming(refused, 422, "revision");
        assertThat(refused).bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("is not a published revision of this article (latest is 3)");
    }

    @Test
    void anAccountWithoutClinicalCredentialsIsAConflict() {
        refuseWith(new NotAClinician());

        assertThat(signOff(WHOLE_ARTICLE)).hasStatus(409).bodyJson().extractingPath("$.detail")
                .isEqualTo("Your account has no clinical name and credentials on record, so it cannot sign off");
    }

    private void refuseWith(SignOffRefusal refusal) {
        willThrow(refusal).given(signOffs).signOff(any(), anyInt(), any(), any(), any(), any());
    }

    private MvcTestResult signOff(String body) {
        return mvc.post().uri(PATH).with(SENIOR)
                .header(IdempotencyKey.HEADER, "sign-off-1").contentType(MediaType.APPLICATION_JSON).content(body)
                .exchange();
    }
}

package org.erratum.review.queue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.queue.QueueRefusal.ItemNotFound;
import org.erratum.review.queue.QueueRefusal.MissingField;
import org.erratum.review.queue.QueueRefusal.NotAllowed;
import org.erratum.review.queue.QueueRefusal.SeniorReviewerRequired;
import org.erratum.review.queue.QueueRefusal.UnknownReference;
import org.erratum.testsupport.ServiceMvcTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The queue API's binding and problems, behind the service's real security chain: a request the API cannot take
 * never reaches the queue, and each of the queue's refusals answers as the problem document it promises.
 */
@ServiceMvcTest(ReviewQueueController.class)
class ReviewQueueControllerMvcTests {

    private static final String ITEMS = "/api/review/items";
    private static final RequestPostProcessor REVIEWER = user("reviewer").roles("REVIEWER");
    private static final String RESOLUTION = "{\"outcome\": \"NO_CHANGE_NEEDED\", \"summary\": \"Checked\"}";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private ItemQueries items;

    @MockitoBean
    private Claims claims;

    @MockitoBean
    private ItemNotes notes;

    @MockitoBean
    private Resolutions resolutions;

    @Test
    void theQueueIsListedForTheStatesAndSeverityAskedAFirstPageOfFiftyUnlessTold() {
        given(items.list(any(), anyInt(), anyInt())).willReturn(new ItemQueries.Page<>(List.of(), 1, false));

        assertThat(mvc.get().uri(ITEMS + "?state=OPEN&state=ESCALATED&severity=URGENT&breached=true&limit=200&page=3")
                .with(REVIEWER)).hasStatus(200);
        assertThat(mvc.get().uri(ITEMS).with(REVIEWER)).hasStatus(200);

        then(items).should().list(new ItemQueries.Wanted(Set.of(ItemState.OPEN, ItemState.ESCALATED),
                Severity.URGENT, null, null, true), 3, 200);
        then(items).should().list(new ItemQueries.Wanted(ItemState.ACTIVE, null, null, null, false), 1, 50);
    }

    @Test
    void aPageWithMoreAfterItLinksToTheNextAndThePreviousKeepingTheQuery() {
        given(items.list(any(), anyInt(), anyInt())).willReturn(new ItemQueries.Page<>(List.of(), 2, true));

        assertThat(mvc.get().uri(ITEMS + "?severity=URGENT&limit=10&page=2").with(REVIEWER)).hasStatus(200)
                .headers().satisfies(headers -> assertThat(headers.get(HttpHeaders.LINK)).containsExactly(
                        "</api/review/items?severity=URGENT&limit=10&page=3>; rel=\"next\"",
                        "</api/review/items?severity=URGENT&limit=10&page=1>; rel=\"prev\""));
    }

    @Test
    void theFirstAndOnlyPageHasNoLinks() {
        given(items.list(any(), anyInt(), anyInt())).willReturn(new ItemQueries.Page<>(List.of(), 1, false));

        assertThat(mvc.get().uri(ITEMS).with(REVIEWER)).hasStatus(200).doesNotContainHeader(HttpHeaders.LINK);
    }

    @ParameterizedTest
    @CsvSource({ "state=CLOSED, state", "state=0, state", "severity=SEVERE, severity", "breached=perhaps, breached",
        "limit=0, limit", "limit=201, limit", "limit=ten, limit", "page=0, page", "page=-1, page", "page=x, page" })
    void aQueryParameterOfTheWrongKindIsRefusedNamingIt(String query, String field) {
        assertRefusedNaming(mvc.get().uri(ITEMS + "?" + query).with(REVIEWER).exchange(), 400, field);
        then(items).shouldHaveNoInteractions();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"outcome\": 0, \"summary\": \"Checked\"}                                  | outcome",
        "{\"outcome\": \"no_change_needed\", \"summary\": \"Checked\"}               | outcome",
        "{\"outcome\": \" NO_CHANGE_NEEDED\", \"summary\": \"Checked\"}              | outcome",
        "{\"summary\": \"Checked\"}                                                  | outcome",
        "{\"outcome\": \"REVISED\", \"revision\": \"2\", \"summary\": \"Fixed\"}     | revision",
        "{\"outcome\": \"REVISED\", \"revision\": 2.5, \"summary\": \"Fixed\"}       | revision",
        "{\"outcome\": \"NO_CHANGE_NEEDED\", \"summary\": 42}                         | summary",
        "{\"outcome\": \"NO_CHANGE_NEEDED\", \"summary\": \"A\", \"summary\": \"B\"} | summary",
        "{\"outcome\": \"NO_CHANGE_NEEDED\", \"summary\": \" \"}                      | summary",
        "{\"outcome\": \"NO_CHANGE_NEEDED\", \"summary\": \"A\", \"fixed\": true}     | fixed" })
    void aResolutionTheApiCannotTakeIsRefusedNamingTheField(String body, String field) {
        assertRefusedNaming(resolve(body), 400, field);
        then(resolutions).shouldHaveNoInteractions();
    }

    @Test
    void aBatchOfSpamWithoutItemsIsRefusedNamingThem() {
        MvcTestResult refused = mvc.post().uri(ITEMS + "/spam").with(REVIEWER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"itemIds\": [], \"summary\": \"Bots\"}").exchange();

        assertRefusedNaming(refused, 400, "itemIds");
        then(resolutions).shouldHaveNoInteractions();
    }

    @Test
    void claimingTheNextItemNeedsAKeyAndAnswersNoContentWhenNothingWaits() {
        given(claims.claimNext(any(), any())).willReturn(Optional.empty());

        assertRefusedNaming(mvc.post().uri(ITEMS + "/claim-next").with(REVIEWER).exchange(), 400,
                IdempotencyKey.HEADER);
        assertThat(mvc.post().uri(ITEMS + "/claim-next").with(REVIEWER).header(IdempotencyKey.HEADER, "next-1"))
                .hasStatus(204);
        then(claims).should().claimNext(new Staff("reviewer", false), new IdempotencyKey("next-1"));
    }

    @Test
    void aSafetyNoticeIsASeniorReviewersAction() {
        assertThat(mvc.put().uri(ITEMS + "/item-1/safety-notice").with(REVIEWER)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Do not use the dose shown\"}"))
                .hasStatus(403);
        then(notes).shouldHaveNoInteractions();
    }

    @Test
    void anUnknownItemIsNotFound() {
        willThrow(new ItemNotFound("item-1")).given(items).get("item-1");

        assertThat(mvc.get().uri(ITEMS + "/item-1").with(REVIEWER)).hasStatus(404)
                .hasContentType("application/problem+json").bodyJson().extractingPath("$.detail")
                .isEqualTo("Review item item-1 does not exist");
    }

    @Test
    void aRefusalOfTheItemsStateIsAConflictThatSaysWhy() {
        willThrow(new NotAllowed("Item item-1 is CLAIMED by someone")).given(claims).claim(any(), any(), any());

        assertThat(mvc.post().uri(ITEMS + "/item-1/claim").with(REVIEWER)).hasStatus(409)
                .bodyJson().extractingPath("$.detail").isEqualTo("Item item-1 is CLAIMED by someone");
    }

    @Test
    void aSeniorsActionRefusedByTheQueueIsForbidden() {
        willThrow(new SeniorReviewerRequired("resolve an escalated item")).given(resolutions)
                .resolve(any(), any(), any(), any());

        assertThat(resolve(RESOLUTION)).hasStatus(403).bodyJson().extractingPath("$.detail")
                .isEqualTo("Only a senior reviewer may resolve an escalated item");
    }

    @Test
    void aResolutionMissingWhatItsOutcomeNeedsIsRefusedNamingTheField() {
        willThrow(new MissingField("revision", "is required when the outcome is REVISED")).given(resolutions)
                .resolve(any(), any(), any(), any());

        assertRefusedNaming(resolve(RESOLUTION), 400, "revision");
    }

    @Test
    void aResolutionNamingWhatDoesNotExistIsRefusedWith422NamingTheField() {
        willThrow(new UnknownReference("duplicateOf", "is not another review item")).given(resolutions)
                .resolve(any(), any(), any(), any());

        MvcTestResult refused = resolve(RESOLUTION);

        assertRefusedNaming(refused, 422, "duplicateOf");
        assertThat(refused).bodyJson().extractingPath("$.errors[0].message").isEqualTo("is not another review item");
    }

    private MvcTestResult resolve(String body) {
        return mvc.post().uri(ITEMS + "/item-1/resolve").with(REVIEWER).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }
}

package org.erratum.feedback.report;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.erratum.feedback.article.ArticlePages;
import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.intake.IntakeProperties;
import org.erratum.feedback.readout.EditorialPagesDouble;
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

import static org.erratum.testsupport.MvcProblems.assertRefusedNaming;
import static org.mockito.BDDMockito.then;

/**
 * The report API's binding and problems, behind the service's real security chain and body guard: a report the API
 * cannot take never reaches the {@link ReportService}, so nothing is stored or published.
 */
@ServiceMvcTest(ReportController.class)
// what the service's other web components need: the body guard its limit, the rejection counter a registry, the
// editorial advice its pages
@Import({ SimpleMeterRegistry.class, EditorialPagesDouble.class })
@EnableConfigurationProperties({ FeedbackProperties.class, IntakeProperties.class })
class ReportControllerMvcTests {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private ReportService reports;

    @MockitoBean
    private ArticlePages articlePages;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"revision\": 3, \"category\": \"OTHER\", \"comment\": \"Hi\", \"mood\": \"x\"              | mood",
        "\"revision\": \"three\", \"category\": \"OTHER\", \"comment\": \"Hi\"                       | revision",
        "\"revision\": 3, \"comment\": \"Hi\"                                                         | category",
        "\"revision\": 3, \"category\": 2, \"comment\": \"Hi\"                                        | category",
        "\"revision\": 3, \"category\": \"other\", \"comment\": \"Hi\"                                | category",
        "\"revision\": 3, \"category\": \"OTHER\", \"comment\": \"   \"                               | comment",
        "\"revision\": 3, \"category\": \"OTHER\", \"comment\": \"Hi\", \"comment\": \"Again\"        | comment",
        "\"revision\": 3, \"category\": \"OTHER\", \"comment\": \"Hi\", \"contactEmail\": \"not an address\"  | contactEmail",
        "\"revision\": 3, \"category\": \"OTHER\", \"comment\": \"Hi\", \"contactConsent\": \"yes\"   | contactConsent" })
    void aReportTheApiCannotTakeIsRefusedNamingTheField(String fields, String field) {
        assertRefusedNaming(report("{\"articleId\": \"article-1\", " + fields + "}"), 400, field);
        then(reports).shouldHaveNoInteractions();
    }

    @Test
    void aCommentLongerThan2000CharactersIsRefusedNamingIt() {
        assertRefusedNaming(report("{\"articleId\": \"article-1\", \"revision\": 3, \"category\": \"OTHER\","
                + " \"comment\": \"" + "x".repeat(2001) + "\"}"), 400, "comment");
        then(reports).shouldHaveNoInteractions();
    }

    @Test
    void aPassageLongerThan500CharactersIsRefusedNamingIt() {
        assertRefusedNaming(report("{\"articleId\": \"article-1\", \"revision\": 3, \"category\": \"OTHER\","
                + " \"passage\": \"" + "p".repeat(501) + "\", \"comment\": \"Too long a quote\"}"), 400, "passage");
        then(reports).shouldHaveNoInteractions();
    }

    private MvcTestResult report(String body) {
        return mvc.post().uri("/api/feedback/reports").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}

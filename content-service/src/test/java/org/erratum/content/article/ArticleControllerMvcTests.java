package org.erratum.content.article;

import org.erratum.content.config.ContentProperties;
import org.erratum.testsupport.ServiceMvcTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.content.ContentApi.newArticle;
import static org.erratum.content.ContentApi.revision;
import static org.erratum.testsupport.MvcProblems.assertRefusedNaming;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The article API's binding and problems, behind the service's real security chain: an article the API cannot take
 * never reaches the {@link ArticleService}, so nothing is stored or announced.
 */
@ServiceMvcTest(ArticleController.class)
// the editor pages' advice, which every web slice of this service includes, reads the service's settings
@EnableConfigurationProperties(ContentProperties.class)
class ArticleControllerMvcTests {

    private static final RequestPostProcessor EDITOR = user("editor").roles("EDITOR");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private ArticleService articles;

    @Test
    void whenInputIsInvalidThenBadRequestNamesTheField() {
        assertRejected(newArticle("x".repeat(201)), "title");
        assertRejected(newArticle("Title").put("slug", "Not A Slug"), "slug");
        assertRejected(newArticle("Title").put("summary", "x".repeat(1001)), "summary");
        ObjectNode noSections = newArticle("Title");
        noSections.putArray("sections");
        assertRejected(noSections, "sections");
        ObjectNode blankBody = newArticle("Title");
        blankBody.putArray("sections").addObject().put("heading", "H").put("body", " ");
        assertRejected(blankBody, "sections[0].body");
        ObjectNode longHeading = newArticle("Title");
        longHeading.putArray("sections").addObject().put("heading", "h".repeat(201)).put("body", "B");
        assertRejected(longHeading, "sections[0].heading");
        ObjectNode ftpReference = newArticle("Title");
        ftpReference.putArray("references").addObject().put("citation", "C").put("url", "ftp://example.org/x");
        assertRejected(ftpReference, "references[0].url");
        assertRejected(newArticle("Title").put("colour", "red"), "colour");
        then(articles).shouldHaveNoInteractions();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"reviewIntervalMonths\": \"12\"         | reviewIntervalMonths",
        "\"reviewIntervalMonths\": 1.5            | reviewIntervalMonths",
        "\"authors\": \"Test Author\"             | authors",
        "\"topics\": [1]                        | topics[0]",
        "\"title\": \"Again\"                     | title" })
    void aValueOfTheWrongTypeOrGivenTwiceIsRefusedNamingIt(String member, String field) {
        String body = newArticle("Title").toString();
        MvcTestResult refused = create(body.substring(0, body.length() - 1) + ", " + member + "}");

        assertRefusedNaming(refused, 400, field);
        then(articles).shouldHaveNoInteractions();
    }

    @ParameterizedTest
    @CsvSource({ "significance, 0", "significance, '\"minor\"'", "expectedRevision, '\"1\"'" })
    void aRevisionWithAnOrdinalOrAWronglyTypedValueIsRefusedNamingIt(String field, String value) {
        ObjectNode body = revision(1, "Title", "Corrected the dose", "MINOR");
        body.remove(field);
        String json = body.toString();

        MvcTestResult refused = mvc.put().uri("/api/articles/article-1").with(EDITOR)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.substring(0, json.length() - 1) + ", \"" + field + "\": " + value + "}").exchange();

        assertRefusedNaming(refused, 400, field);
        then(articles).shouldHaveNoInteractions();
    }

    @Test
    void onlyEditorsReachTheArticles() {
        assertThat(mvc.post().uri("/api/articles").with(user("reviewer").roles("REVIEWER"))
                .contentType(MediaType.APPLICATION_JSON).content(newArticle("Title").toString())).hasStatus(403);
        assertThat(mvc.post().uri("/api/articles").contentType(MediaType.APPLICATION_JSON)
                .content(newArticle("Title").toString())).hasStatus(401);
        then(articles).shouldHaveNoInteractions();
    }

    private void assertRejected(ObjectNode body, String field) {
        MvcTestResult refused = create(body.toString());
        assertThat(refused).hasStatus(400).hasContentType("application/problem+json").bodyJson()
                .extractingPath("$.errors[*].field").asArray().contains(field);
    }

    private MvcTestResult create(String body) {
        return mvc.post().uri("/api/articles").with(EDITOR).contentType(MediaType.APPLICATION_JSON).content(body)
                .exchange();
    }
}

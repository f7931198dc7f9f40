package org.erratum.content.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.erratum.content.article.ArticleContent;
import org.erratum.content.article.ArticleService;
import org.erratum.content.article.Reference;
import org.erratum.content.article.Section;
import org.erratum.platform.web.StrictJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the sample article on startup unless it (or another article with its slug) exists, so a new
 * installation shows a real page at once. Its id and slug are fixed for the README's examples.
 */
@Component
class SampleArticleLoader implements ApplicationRunner {

    static final String ID = "5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41";
    static final String SLUG = "paracetamol-for-adults";
    static final String EDITOR = "erratum-sample";

    private static final String RESOURCE = "sample/paracetamol-for-adults.json";
    private static final Logger log = LoggerFactory.getLogger(SampleArticleLoader.class);

    private final ArticleService articles;
    private final JsonMapper json;

    SampleArticleLoader(ArticleService articles, JsonMapper json) {
        this.articles = articles;
        this.json = StrictJson.strict(json); // a misspelt key in the sample fails the start, not the page
    }

    @Override
    public void run(ApplicationArguments args) {
        if (articles.createIfAbsent(ID, SLUG, read().content(), EDITOR)) {
            log.info("Published the sample article /articles/{}", SLUG);
        }
    }

    private SampleArticle read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readValue(in, SampleArticle.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    record SampleArticle(String title, String summary, List<Section> sections, List<Reference> references,
            List<String> authors) {

        ArticleContent content() {
            return new ArticleContent(title, summary, sections, references, authors);
        }
    }
}

package org.erratum.content.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.erratum.content.article.ArticleContent;
import org.erratum.content.article.ArticleService;
import org.erratum.content.article.ArticleSettings;
import org.erratum.content.article.Reference;
import org.erratum.content.article.Section;
import org.erratum.events.ArticleChanged.Owner;
import org.erratum.platform.web.StrictJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the sample articles on startup unless they (or other articles with their slugs) exist, so a new
 * installation shows real pages at once: a short one, and one with the structure of a real health page (numbered
 * treatment groups with numbered sub-items, a "Get help now" callout, citations). Ids and slugs are fixed for the
 * README's examples; each article is {@code sample/SLUG.json}.
 */
@Component
class SampleArticleLoader implements ApplicationRunner {

    static final List<Sample> SAMPLES = List.of(
            new Sample("5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41", "paracetamol-for-adults"),
            new Sample("8e3b6f1a-2c4d-4b7e-9f10-6d2a5c8b9e07", "low-back-pain"));
    static final String EDITOR = "erratum-sample";

    private static final Logger log = LoggerFactory.getLogger(SampleArticleLoader.class);

    private final ArticleService articles;
    private final JsonMapper json;

    SampleArticleLoader(ArticleService articles, JsonMapper json) {
        this.articles = articles;
        this.json = StrictJson.strict(json); // a misspelt key in the sample fails the start, not the page
    }

    record Sample(String id, String slug) {

        String resource() {
            return "sample/" + slug + ".json";
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Sample sample : SAMPLES) {
            SampleArticle article = read(sample);
            if (articles.createIfAbsent(sample.id(), sample.slug(), article.content(), article.settings(), EDITOR)) {
                log.info("Published the sample article /articles/{}", sample.slug());
            }
        }
    }

    private SampleArticle read(Sample sample) {
        try (InputStream in = new ClassPathResource(sample.resource()).getInputStream()) {
            return json.readValue(in, SampleArticle.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + sample.resource(), e);
        }
    }

    record SampleArticle(String title, String summary, List<Section> sections, List<Reference> references,
            List<String> authors, Owner owner, List<String> topics) {

        ArticleContent content() {
            return new ArticleContent(title, summary, sections, references, authors);
        }

        /** The configured review interval, as for any article created without one. */
        ArticleSettings settings() {
            return new ArticleSettings(owner, null, topics);
        }
    }
}

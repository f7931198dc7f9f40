package org.erratum.content.article;

import java.util.List;

/** What an editor writes; everything else about an article is bookkeeping. */
public record ArticleContent(String title, String summary, List<Section> sections, List<Reference> references,
        List<String> authors) {

    public ArticleContent {
        sections = List.copyOf(sections);
        references = references == null ? List.of() : List.copyOf(references);
        authors = List.copyOf(authors);
    }
}

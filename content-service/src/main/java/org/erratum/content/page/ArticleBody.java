package org.erratum.content.page;

import java.util.ArrayList;
import java.util.List;

import org.erratum.content.article.Reference;
import org.erratum.content.article.Section;
import org.erratum.content.body.BodyHtml;

/**
 * An article's text as its page shows it: the sections with their bodies rendered and sanitized, and the numbered
 * references with links back to where they are cited. The article page and the editor's preview show the same.
 *
 * @param sections   with each body already rendered and sanitized ({@link BodyHtml})
 * @param references numbered as the text cites them, each with the places it is cited
 */
public record ArticleBody(List<PageSection> sections, List<PageReference> references) {

    public static ArticleBody of(List<Section> sections, List<Reference> references) {
        BodyHtml.Page bodies = BodyHtml.render(sections.stream().map(Section::body).toList(), references.size());
        List<PageSection> pageSections = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            pageSections.add(new PageSection(i + 1, sections.get(i).heading(), bodies.sections().get(i)));
        }
        List<PageReference> pageReferences = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Reference reference = references.get(i);
            pageReferences.add(new PageReference(i + 1, reference.citation(), reference.url(), bodies.citedAt()
                    .get(i).stream()
                    .map(at -> new CitedIn(at.anchor(), sections.get(at.section() - 1).heading())).toList()));
        }
        return new ArticleBody(List.copyOf(pageSections), List.copyOf(pageReferences));
    }

    /**
     * @param number the section's place on the page, from 1, for its heading's id
     * @param html   the body, sanitized: the template inserts it as it is
     */
    public record PageSection(int number, String heading, String html) {
    }

    /** @param citedIn where the text cites it, a link back for each section that does */
    public record PageReference(int number, String citation, String url, List<CitedIn> citedIn) {
    }

    /** @param anchor the id of the citation link; {@code heading} names the section it is in */
    public record CitedIn(String anchor, String heading) {
    }
}

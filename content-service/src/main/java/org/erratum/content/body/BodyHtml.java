package org.erratum.content.body;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.erratum.content.body.Body.Block;
import org.erratum.content.body.Body.Callout;
import org.erratum.content.body.Body.Citation;
import org.erratum.content.body.Body.Inline;
import org.erratum.content.body.Body.Item;
import org.erratum.content.body.Body.ListBlock;
import org.erratum.content.body.Body.Paragraph;
import org.erratum.content.body.Body.Subheading;
import org.owasp.html.Handler;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * Section bodies as HTML for the article page. The renderer writes its elements straight into an allow-list policy
 * (OWASP Java HTML Sanitizer), which drops any element, attribute or address not listed in {@link #POLICY} and
 * encodes every text and attribute value: the policy's output is the only HTML that reaches a reader's browser.
 * The page's section headings are {@code h2}, so a body's sub-headings and callout titles are {@code h3}.
 */
public final class BodyHtml {

    private static final Pattern CALLOUT_ID = Pattern.compile("callout-\\d+-\\d+");

    /** Exactly what the renderer writes: no script, style, event handler, image, form or foreign address. */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h3", "ol", "ul", "li", "strong", "em", "br", "a", "span", "aside")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("id").matching(Pattern.compile("cite-\\d+-\\d+")).onElements("a")
            .allowAttributes("aria-label").matching(Pattern.compile("Reference \\d+")).onElements("a")
            .allowAttributes("class").matching(Pattern.compile("citation")).onElements("span")
            .allowAttributes("class").matching(Pattern.compile("callout")).onElements("aside")
            .allowAttributes("role").matching(Pattern.compile("note")).onElements("aside")
            .allowAttributes("aria-labelledby").matching(CALLOUT_ID).onElements("aside")
            .allowAttributes("id").matching(CALLOUT_ID).onElements("h3")
            .allowAttributes("class").matching(Pattern.compile("callout-title")).onElements("h3")
            .toFactory();

    private BodyHtml() {
    }

    /**
     * @param sections each section body's HTML, in the order given
     * @param citedAt  per reference (the first is reference 1), where it is cited: the first citation of it in
     *                 each section that cites it, in reading order; empty for a reference the text never cites
     */
    public record Page(List<String> sections, List<List<CitedAt>> citedAt) {
    }

    /**
     * @param section the section's number on the page, from 1
     * @param anchor  the id of the citation link there, for a link back from the reference list
     */
    public record CitedAt(int section, String anchor) {
    }

    /**
     * Renders an article's section bodies for its page. Citation links get ids unique on the page
     * ({@code cite-REFERENCE-N}) and point to {@code #ref-REFERENCE}, the page's reference list.
     */
    public static Page render(List<String> bodies, int references) {
        Renderer renderer = new Renderer(references);
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Body body = MarkdownReader.read(bodies.get(i), references, MarkdownReader.ANY_DEPTH).body();
            sections.add(renderer.section(i + 1, body));
        }
        return new Page(List.copyOf(sections), renderer.citedAt.stream().map(List::copyOf).toList());
    }

    /** One page's rendering: citations are counted across its sections. */
    private static final class Renderer {

        private final int[] citations;
        private final List<List<CitedAt>> citedAt = new ArrayList<>();
        private HtmlStreamEventReceiver out;
        private int section;
        private int callouts;

        Renderer(int references) {
            citations = new int[references + 1];
            for (int i = 0; i < references; i++) {
                citedAt.add(new ArrayList<>());
            }
        }

        String section(int number, Body body) {
            StringBuilder html = new StringBuilder();
            out = POLICY.apply(HtmlStreamRenderer.create(html, Handler.DO_NOTHING));
            section = number;
            callouts = 0;
            out.openDocument();
            blocks(body.blocks());
            out.closeDocument();
            return html.toString();
        }

        private void blocks(List<Block> blocks) {
            for (Block block : blocks) {
                if (block instanceof Paragraph paragraph) {
                    element("p", paragraph.content());
                } else if (block instanceof Subheading subheading) {
                    element("h3", subheading.content());
                } else if (block instanceof ListBlock list) {
                    list(list);
                } else if (block instanceof Callout callout) {
                    callout(callout);
                }
            }
        }

        private void list(ListBlock list) {
            String tag = list.numbered() ? "ol" : "ul";
            open(tag);
            for (Item item : list.items()) {
                open("li");
                inlines(item.content());
                blocks(item.blocks());
                out.closeTag("li");
            }
            out.closeTag(tag);
        }

        /** A note with its title as heading, so it is announced, and can be found, by its title. */
        private void callout(Callout callout) {
            String id = "callout-" + section + "-" + ++callouts;
            open("aside", "class", "callout", "role", "note", "aria-labelledby", id);
            open("h3", "class", "callout-title", "id", id);
            inlines(callout.title());
            out.closeTag("h3");
            blocks(callout.blocks());
            out.closeTag("aside");
        }

        private void element(String tag, List<Inline> content) {
            open(tag);
            inlines(content);
            out.closeTag(tag);
        }

        private void inlines(List<Inline> content) {
            for (Inline inline : content) {
                if (inline instanceof Body.Text text) {
                    out.text(text.text());
                } else if (inline instanceof Body.Strong strong) {
                    element("strong", strong.content());
                } else if (inline instanceof Body.Emphasis emphasis) {
                    element("em", emphasis.content());
                } else if (inline instanceof Body.Link link) {
                    open("a", "href", link.href());
                    inlines(link.content());
                    out.closeTag("a");
                } else if (inline instanceof Citation citation) {
                    citation(citation);
                } else if (inline instanceof Body.LineBreak) {
                    open("br");
                }
            }
        }

        /** "(1, 2)": each number links to its reference and is announced as "Reference 1". */
        private void citation(Citation citation) {
            open("span", "class", "citation");
            out.text("(");
            for (int i = 0; i < citation.references().size(); i++) {
                int reference = citation.references().get(i);
                String anchor = "cite-" + reference + "-" + ++citations[reference];
                List<CitedAt> places = citedAt.get(reference - 1);
                if (places.isEmpty() || places.get(places.size() - 1).section() != section) {
                    places.add(new CitedAt(section, anchor));
                }
                if (i > 0) {
                    out.text(", ");
                }
                open("a", "href", "#ref-" + reference, "id", anchor, "aria-label", "Reference " + reference);
                out.text(String.valueOf(reference));
                out.closeTag("a");
            }
            out.text(")");
            out.closeTag("span");
        }

        /** The policy may remove attributes from the list it is given, so it gets a list of its own. */
        private void open(String tag, String... attributes) {
            out.openTag(tag, new ArrayList<>(Arrays.asList(attributes)));
        }
    }
}

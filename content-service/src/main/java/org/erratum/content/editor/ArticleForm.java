package org.erratum.content.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.erratum.content.article.Article;
import org.erratum.content.article.ArticleContent;
import org.erratum.content.article.ArticleLimits;
import org.erratum.content.article.ArticleSettings;
import org.erratum.content.article.Reference;
import org.erratum.content.article.Section;
import org.erratum.content.config.ContentProperties;
import org.erratum.events.ArticleChanged.Owner;
import org.erratum.events.ArticleChanged.Significance;

/**
 * The editor's article form, as a browser sends it: one field per value, sections and references as indexed rows
 * ({@code sections[0].body}). The page always offers one empty section and one empty reference row more than the
 * article has; rows left empty are dropped, which is also how an editor removes one. Limits are the JSON API's
 * ({@link ArticleLimits}); the messages say what to do, next to the field.
 */
public class ArticleForm {

    private static final Pattern LINES = Pattern.compile("\\R");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    @Size(max = ArticleLimits.MAX_SLUG, message = "Keep the address to " + ArticleLimits.MAX_SLUG + " characters")
    @jakarta.validation.constraints.Pattern(regexp = "(" + ArticleLimits.SLUG + ")?",
            message = "Use lower-case letters and digits, in words joined by single hyphens")
    private String slug;

    @NotBlank(message = "Enter a title")
    @Size(max = ArticleLimits.MAX_TITLE, message = "Keep the title to " + ArticleLimits.MAX_TITLE + " characters")
    private String title;

    @NotBlank(message = "Enter a summary")
    @Size(max = ArticleLimits.MAX_SUMMARY,
            message = "Keep the summary to " + ArticleLimits.MAX_SUMMARY + " characters")
    private String summary;

    @Valid
    private List<SectionRow> sections = new ArrayList<>();

    @Valid
    private List<ReferenceRow> references = new ArrayList<>();

    @NotBlank(message = "Enter at least one author")
    private String authors;

    @NotBlank(message = "Enter the name of the person or team who owns this article")
    @Size(max = ArticleLimits.MAX_OWNER_NAME,
            message = "Keep the owner's name to " + ArticleLimits.MAX_OWNER_NAME + " characters")
    private String ownerName;

    @NotBlank(message = "Enter the owner's email address, for review reminders")
    @Email(message = "Enter an email address like name@example.org")
    @Size(max = ArticleLimits.MAX_EMAIL, message = "Keep the email address to " + ArticleLimits.MAX_EMAIL
            + " characters")
    private String ownerEmail;

    @NotNull(message = "Enter the review interval in months")
    @Positive(message = "The review interval is at least 1 month")
    @Max(value = ContentProperties.MAX_REVIEW_INTERVAL_MONTHS,
            message = "The review interval is at most " + ContentProperties.MAX_REVIEW_INTERVAL_MONTHS + " months")
    private Integer reviewIntervalMonths;

    @Size(max = 1000, message = "Keep the topics to 1,000 characters")
    private String topics;

    /** The revision the editor started from; absent for a new article. */
    private Integer expectedRevision;

    @Size(max = ArticleLimits.MAX_CHANGE_SUMMARY,
            message = "Keep the change summary to " + ArticleLimits.MAX_CHANGE_SUMMARY + " characters")
    private String changeSummary;

    private Significance significance;

    /** The review item this revision answers ("Correct this article" in the console), or empty. */
    @Size(max = ArticleLimits.MAX_ITEM_ID)
    @jakarta.validation.constraints.Pattern(regexp = "(" + ArticleLimits.ITEM_ID + ")?",
            message = "is not a review item id")
    private String item;

    public static class SectionRow {

        @Size(max = ArticleLimits.MAX_HEADING,
                message = "Keep the heading to " + ArticleLimits.MAX_HEADING + " characters")
        private String heading;

        private String body;

        public SectionRow() {
        }

        SectionRow(String heading, String body) {
            this.heading = heading;
            this.body = body;
        }

        boolean empty() {
            return blank(heading) && blank(body);
        }

        public String getHeading() {
            return heading;
        }

        public void setHeading(String heading) {
            this.heading = heading;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }
    }

    public static class ReferenceRow {

        @Size(max = ArticleLimits.MAX_CITATION,
                message = "Keep the citation to " + ArticleLimits.MAX_CITATION + " characters")
        private String citation;

        @Size(max = ArticleLimits.MAX_URL, message = "Keep the address to " + ArticleLimits.MAX_URL + " characters")
        @jakarta.validation.constraints.Pattern(regexp = "(https?://\\S+)?",
                message = "Enter a web address starting with https:// or http://, or leave it empty")
        private String url;

        public ReferenceRow() {
        }

        ReferenceRow(String citation, String url) {
            this.citation = citation;
            this.url = url;
        }

        boolean empty() {
            return blank(citation) && blank(url);
        }

        public String getCitation() {
            return citation;
        }

        public void setCitation(String citation) {
            this.citation = citation;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }
    }

    /** A blank form for a new article. */
    static ArticleForm blank(int reviewIntervalMonths) {
        ArticleForm form = new ArticleForm();
        form.reviewIntervalMonths = reviewIntervalMonths;
        return form.withEmptyRows();
    }

    /** The form for the next revision of the article as it is now. */
    static ArticleForm of(Article article) {
        ArticleForm form = new ArticleForm();
        form.title = article.title();
        form.summary = article.summary();
        article.sections().forEach(s -> form.sections.add(new SectionRow(s.heading(), s.body())));
        article.references().forEach(r -> form.references.add(new ReferenceRow(r.citation(), r.url())));
        form.authors = String.join("\n", article.authors());
        if (article.owner() != null) {
            form.ownerName = article.owner().name();
            form.ownerEmail = article.owner().email();
        }
        form.reviewIntervalMonths = article.reviewIntervalMonths();
        form.topics = String.join(", ", article.topics());
        form.expectedRevision = article.revision();
        return form.withEmptyRows();
    }

    /** Drops the rows left empty, then adds one empty section and reference for the editor to fill. */
    ArticleForm withEmptyRows() {
        sections.removeIf(SectionRow::empty);
        references.removeIf(ReferenceRow::empty);
        sections.add(new SectionRow());
        references.add(new ReferenceRow());
        return this;
    }

    /** Drops the rows left empty, so that row numbers are those of the article that would be saved. */
    ArticleForm withoutEmptyRows() {
        sections.removeIf(SectionRow::empty);
        references.removeIf(ReferenceRow::empty);
        return this;
    }

    /** What would be saved. A reference address that is not a web address is left out until it is one. */
    ArticleContent content() {
        return new ArticleContent(text(title), text(summary),
                sections.stream().filter(s -> !s.empty()).map(s -> new Section(text(s.heading), text(s.body)))
                        .toList(),
                references.stream().filter(r -> !r.empty())
                        .map(r -> new Reference(text(r.citation), webAddressOrNull(r.url))).toList(),
                authorList());
    }

    ArticleSettings settings() {
        return new ArticleSettings(new Owner(text(ownerName), text(ownerEmail)), reviewIntervalMonths, topicList());
    }

    /** The address, or one made from the title when the editor left it empty. */
    String slugOrFromTitle() {
        if (!blank(slug)) {
            return slug.strip();
        }
        String fromTitle = NOT_SLUG.matcher(text(title).toLowerCase(Locale.ROOT)).replaceAll("-")
                .replaceAll("^-+|-+$", "");
        return fromTitle.length() <= ArticleLimits.MAX_SLUG ? fromTitle
                : fromTitle.substring(0, ArticleLimits.MAX_SLUG).replaceAll("-+$", "");
    }

    List<String> authorList() {
        return Arrays.stream(LINES.split(text(authors))).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    List<String> topicList() {
        return Arrays.stream(text(topics).split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    String itemOrNull() {
        return blank(item) ? null : item.strip();
    }

    private static String webAddressOrNull(String url) {
        return url != null && url.strip().matches("https?://\\S+") ? url.strip() : null;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // bean properties, for data binding

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public List<SectionRow> getSections() {
        return sections;
    }

    public void setSections(List<SectionRow> sections) {
        this.sections = sections;
    }

    public List<ReferenceRow> getReferences() {
        return references;
    }

    public void setReferences(List<ReferenceRow> references) {
        this.references = references;
    }

    public String getAuthors() {
        return authors;
    }

    public void setAuthors(String authors) {
        this.authors = authors;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public void setOwnerName(String ownerName) {
        this.ownerName = ownerName;
    }

    public String getOwnerEmail() {
        return ownerEmail;
    }

    public void setOwnerEmail(String ownerEmail) {
        this.ownerEmail = ownerEmail;
    }

    public Integer getReviewIntervalMonths() {
        return reviewIntervalMonths;
    }

    public void setReviewIntervalMonths(Integer reviewIntervalMonths) {
        this.reviewIntervalMonths = reviewIntervalMonths;
    }

    public String getTopics() {
        return topics;
    }

    public void setTopics(String topics) {
        this.topics = topics;
    }

    public Integer getExpectedRevision() {
        return expectedRevision;
    }

    public void setExpectedRevision(Integer expectedRevision) {
        this.expectedRevision = expectedRevision;
    }

    public String getChangeSummary() {
        return changeSummary;
    }

    public void setChangeSummary(String changeSummary) {
        this.changeSummary = changeSummary;
    }

    public Significance getSignificance() {
        return significance;
    }

    public void setSignificance(Significance significance) {
        this.significance = significance;
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }
}

package org.erratum.content.editor;

import java.util.List;

import org.erratum.content.article.Article;
import org.erratum.content.article.ArticleContent;
import org.erratum.content.article.ArticleEdit;
import org.erratum.content.article.ArticleLimits;
import org.erratum.content.article.ArticleService;
import org.erratum.content.article.Section;
import org.erratum.content.body.BodyProperties;
import org.erratum.content.body.BodyRules;
import org.erratum.content.config.ContentProperties;
import org.erratum.content.editor.EditorViews.Answered;
import org.erratum.content.editor.EditorViews.Conflict;
import org.erratum.content.editor.EditorViews.ItemPanel;
import org.erratum.content.editor.EditorViews.Preview;
import org.erratum.content.reviewitem.ReviewItems;
import org.erratum.content.reviewitem.TrackedItem;
import org.erratum.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating and revising an article in the editor: one form, which "Preview" sends back rendered as its page (no
 * script needed) and "Save" publishes. Whatever the editor typed comes back in the form when something stops the
 * save, a conflict with another editor included.
 */
@Controller
@RequestMapping("/editor/articles")
class ArticleEditorController {

    static final String SAVE = "save";
    static final String FORM = "form";
    static final String MESSAGE = "message";

    /** Rows a form may name: enough for the most references an article holds, and one empty row. */
    private static final int MAX_ROWS = ArticleLimits.MAX_REFERENCES + 1;

    private final ArticleService articles;
    private final ReviewItems reviewItems;
    private final BodyRules bodyRules;
    private final BodyProperties bodyLimits;
    private final SpringValidatorAdapter validator;
    private final ContentProperties properties;

    ArticleEditorController(ArticleService articles, ReviewItems reviewItems, BodyRules bodyRules,
            BodyProperties bodyLimits, jakarta.validation.Validator validator, ContentProperties properties) {
        this.articles = articles;
        this.reviewItems = reviewItems;
        this.bodyRules = bodyRules;
        this.bodyLimits = bodyLimits;
        this.validator = new SpringValidatorAdapter(validator);
        this.properties = properties;
    }

    /**
     * A hand-made post naming row 100000 must not make 100000 rows: binding a row past the limit fails, and
     * {@link EditorAdvice} answers that with a page saying so.
     */
    @InitBinder(FORM)
    void boundRows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_ROWS);
    }

    @GetMapping("/new")
    String newArticle(Model model) {
        return page(model, null, ArticleForm.blank(properties.reviewIntervalMonths()), FormErrors.NONE, null);
    }

    @PostMapping
    String create(@ModelAttribute(FORM) ArticleForm form, BindingResult result,
            @RequestParam(defaultValue = "preview") String action, Authentication editor, Model model,
            RedirectAttributes flash) {
        check(form, result, false);
        if (!SAVE.equals(action) || result.hasErrors()) {
            return page(model, null, form, FormErrors.of(result), previewOf(form, action));
        }
        try {
            Article created = articles.create(form.slugOrFromTitle(), form.content(), form.settings(),
                    editor.getName());
            flash.addFlashAttribute(MESSAGE, "“" + created.title() + "” is published at /articles/" + created.slug()
                    + " as revision 1.");
            return editPage(created);
        } catch (ErrorResponseException refused) {
            return refused(refused, null, form, result, model);
        }
    }

    /**
     * @param item the review item this correction answers, when the editor came from the console's "Correct this
     *             article"
     */
    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, @RequestParam(required = false) String item, Model model) {
        Article article = articles.get(id);
        ArticleForm form = ArticleForm.of(article);
        if (item != null && !item.isBlank()) {
            if (item.length() > ArticleLimits.MAX_ITEM_ID || !item.matches(ArticleLimits.ITEM_ID)) {
                throw Problems.invalidField(HttpStatus.BAD_REQUEST, "item", "is not a review item id");
            }
            form.setItem(item);
        }
        return page(model, article, form, FormErrors.NONE, null);
    }

    @PostMapping("/{id}")
    String revise(@PathVariable String id, @ModelAttribute(FORM) ArticleForm form, BindingResult result,
            @RequestParam(defaultValue = "preview") String action, Authentication editor, Model model,
            RedirectAttributes flash) {
        Article article = articles.get(id);
        check(form, result, true);
        if (!SAVE.equals(action) || result.hasErrors()) {
            return page(model, article, form, FormErrors.of(result), previewOf(form, action));
        }
        try {
            Article revised = articles.revise(id, new ArticleEdit(form.getExpectedRevision(), form.content(),
                    form.settings(), form.getChangeSummary().strip(), form.getSignificance(), form.itemOrNull()),
                    editor.getName());
            flash.addFlashAttribute(MESSAGE, "Revision " + revised.revision() + " is published.");
            String itemId = revised.latestRevision().answersItem();
            if (itemId != null) {
                flash.addFlashAttribute("answered", new Answered(itemId, properties.consoleItemUrl(itemId)));
            }
            return editPage(revised);
        } catch (ErrorResponseException refused) {
            return refused(refused, article, form, result, model);
        }
    }

    /** What the service refused: another editor's revision, a taken address, or text outside the format. */
    private String refused(ErrorResponseException refused, Article article, ArticleForm form, BindingResult result,
            Model model) {
        List<Problems.FieldError> errors = EditorAdvice.Problem.fieldErrors(refused);
        boolean stale = refused.getStatusCode().value() == HttpStatus.CONFLICT.value()
                && errors.stream().anyMatch(e -> "expectedRevision".equals(e.field()));
        if (stale) {
            Article current = articles.get(article.id());
            model.addAttribute("conflict", Conflict.of(current, form.getExpectedRevision()));
            // saving again now replaces the other editor's revision; the page says so and links to what it changed
            form.setExpectedRevision(current.revision());
            return page(model, current, form, FormErrors.NONE, null);
        }
        if (errors.isEmpty()) {
            model.addAttribute("problem", EditorAdvice.Problem.of(refused));
        }
        errors.forEach(e -> result.addError(new FieldError(FORM, e.field(), e.message())));
        return page(model, article, form, FormErrors.of(result), null);
    }

    /** Everything the JSON API's request records check, and the body format, with rows numbered as saved. */
    private void check(ArticleForm form, BindingResult result, boolean revision) {
        form.withoutEmptyRows();
        validator.validate(form, result);
        List<ArticleForm.SectionRow> sections = form.getSections();
        if (sections.isEmpty()) {
            result.rejectValue("sections", "required", "Add at least one section: a heading and its text");
        } else if (sections.size() > ArticleLimits.MAX_SECTIONS) {
            result.rejectValue("sections", "size", "An article has at most " + ArticleLimits.MAX_SECTIONS
                    + " sections");
        }
        for (int i = 0; i < sections.size(); i++) {
            if (blank(sections.get(i).getHeading())) {
                result.rejectValue("sections[" + i + "].heading", "required", "Enter a heading for this section");
            }
            if (blank(sections.get(i).getBody())) {
                result.rejectValue("sections[" + i + "].body", "required", "Enter the text of this section");
            }
        }
        List<ArticleForm.ReferenceRow> references = form.getReferences();
        if (references.size() > ArticleLimits.MAX_REFERENCES) {
            result.rejectValue("references", "size", "An article has at most " + ArticleLimits.MAX_REFERENCES
                    + " references");
        }
        for (int i = 0; i < references.size(); i++) {
            if (blank(references.get(i).getCitation())) {
                result.rejectValue("references[" + i + "].citation", "required",
                        "Enter the citation, or empty the address too to remove this reference");
            }
        }
        checkLists(form, result);
        if (revision) {
            if (form.getExpectedRevision() == null) {
                result.rejectValue("expectedRevision", "required", "Reload the article and make your change again");
            }
            if (blank(form.getChangeSummary())) {
                result.rejectValue("changeSummary", "required", "Say what this revision changes");
            }
            if (form.getSignificance() == null && !result.hasFieldErrors("significance")) {
                result.rejectValue("significance", "required", "Choose whether the change is minor or major");
            }
        } else if (!blank(form.getTitle()) && form.slugOrFromTitle().isEmpty() && !result.hasFieldErrors("slug")) {
            result.rejectValue("slug", "required", "Enter the page address, or a title it can be made from");
        }
        ArticleContent content = form.content();
        bodyRules.check(content.sections().stream().map(Section::body).toList(), content.references().size())
                .stream().filter(problem -> problem.section() == null || !blank(sections.get(problem.section())
                        .getBody()))
                .forEach(problem -> result.addError(new FieldError(FORM, problem.section() == null ? "sections"
                        : "sections[" + problem.section() + "].body", problem.message())));
    }

    private static void checkLists(ArticleForm form, BindingResult result) {
        List<String> authors = form.authorList();
        if (authors.size() > ArticleLimits.MAX_AUTHORS) {
            result.rejectValue("authors", "size", "List at most " + ArticleLimits.MAX_AUTHORS + " authors");
        } else if (authors.stream().anyMatch(a -> a.length() > ArticleLimits.MAX_AUTHOR)) {
            result.rejectValue("authors", "size", "Keep each author's name to " + ArticleLimits.MAX_AUTHOR
                    + " characters");
        }
        List<String> topics = form.topicList();
        if (topics.size() > ArticleLimits.MAX_TOPICS) {
            result.rejectValue("topics", "size", "Give at most " + ArticleLimits.MAX_TOPICS + " topics");
        } else if (topics.stream().anyMatch(t -> t.length() > ArticleLimits.MAX_TOPIC)) {
            result.rejectValue("topics", "size", "Keep each topic to " + ArticleLimits.MAX_TOPIC + " characters");
        }
    }

    /** No preview for a save, nor for text too long to be saved: rendering it would only cost the server. */
    private Preview previewOf(ArticleForm form, String action) {
        if (SAVE.equals(action)) {
            return null;
        }
        ArticleContent content = form.content();
        long total = content.sections().stream().mapToLong(s -> s.body().length()).sum();
        boolean tooLong = total > bodyLimits.maxArticleLength()
                || content.sections().stream().anyMatch(s -> s.body().length() > bodyLimits.maxSectionLength());
        return tooLong ? null : Preview.of(content);
    }

    private String page(Model model, Article article, ArticleForm form, FormErrors errors, Preview preview) {
        model.addAttribute("article", article);
        model.addAttribute(FORM, form.withEmptyRows());
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        model.addAttribute("defaultIntervalMonths", properties.reviewIntervalMonths());
        model.addAttribute("item", article == null || form.itemOrNull() == null ? null
                : itemPanel(article, form.itemOrNull()));
        return "editor/edit";
    }

    private ItemPanel itemPanel(Article article, String itemId) {
        TrackedItem item = reviewItems.find(itemId).orElse(null);
        if (item != null && !item.articleId().equals(article.id())) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "item",
                    "review item " + itemId + " is about another article");
        }
        return ItemPanel.of(itemId, properties.consoleItemUrl(itemId), item);
    }

    private static String editPage(Article article) {
        return "redirect:/editor/articles/" + article.id() + "/edit";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

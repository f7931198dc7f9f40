package org.erratum.content.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.erratum.events.ReportSubmitted;
import org.erratum.events.VoteCast;

/**
 * The feedback widget under an article: where its two forms post (plain HTML) or send JSON (with the page script),
 * the signed form timestamp they carry, and what the feedback service said when it sent a reader without
 * JavaScript back to the page.
 * <p>
 * The way back is part of the page's contract with the feedback service: {@code ?feedback=thanks} after accepted
 * feedback, {@code ?feedback=invalid&field=NAME[&field=NAME...]} when the named request fields were rejected (the
 * same names as {@code errors[].field} in the JSON problem answer), and {@code ?feedback=unavailable} when the
 * service could not take feedback just then (rate limit, broker outage). Anything else is ignored.
 *
 * @param formToken  the signed time the page was rendered, which lets the feedback service spot instant bot posts
 * @param problems   the error summary, in the order of the controls on the page
 * @param safetyOnly the report form asks for safety problems only: the reviewers' backlog is over capacity and this
 *                   reader is not in the share shown the full prompt (see {@link ReportPrompt})
 */
record FeedbackWidget(String formToken, String votesUrl, String reportsUrl, String votesApiUrl,
        String reportsApiUrl, Outcome outcome, List<Problem> problems, boolean safetyOnly) {

    /** What the {@code feedback} query parameter of a redirect back from the feedback service says. */
    enum Outcome { THANKS, INVALID, UNAVAILABLE }

    /**
     * One entry of the error summary.
     *
     * @param field  the request field, or null for a problem with the form as a whole
     * @param target the id of the control the entry links to, or null when there is none to fix
     */
    record Problem(String field, String message, String target) {
    }

    /** An option of a choice: the value the feedback service expects, and what the reader reads. */
    record Choice(String value, String label) {
    }

    static final String FORM_PROBLEM = "Something went wrong with this form. Reload the page and try again.";
    static final String UNAVAILABLE = "We could not take your feedback just now. Please try again in a few minutes.";

    static final List<Choice> REASONS = Arrays.stream(VoteCast.NotHelpfulReason.values())
            .map(reason -> new Choice(reason.name(), switch (reason) {
                case INACCURATE -> "Something in it is wrong";
                case OUT_OF_DATE -> "It is out of date";
                case CONFUSING -> "It is confusing";
                case MISSING_INFORMATION -> "Information I needed is missing";
                case OTHER -> "Another reason";
            }))
            .toList();

    static final List<Choice> CATEGORIES = Arrays.stream(ReportSubmitted.Category.values())
            .map(category -> new Choice(category.name(), switch (category) {
                case INACCURATE -> "Something is inaccurate";
                case OUT_OF_DATE -> "Something is out of date";
                case QUESTIONABLE_SOURCE -> "A source is questionable or missing";
                case BROKEN_REFERENCE -> "A reference link is broken";
                case SAFETY_CONCERN -> "A safety concern, such as a wrong dose";
                case OTHER -> "Something else";
            }))
            .toList();

    /** A field a reader can fix, in page order. The targets are control ids in article.html. */
    private record Field(String name, String target, String message, boolean inReport) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("helpful", "helpful-yes", "Choose Yes or No", false),
            new Field("reason", "reason-" + REASONS.get(0).value(), "Choose one of the reasons listed", false),
            new Field("category", "category-" + CATEGORIES.get(0).value(), "Choose what kind of problem it is",
                    true),
            new Field("passage", "report-passage",
                    "The text the problem is in must be 500 characters or fewer", true),
            new Field("comment", "report-comment", "Tell us what is wrong, in 2,000 characters or fewer", true),
            new Field("contactEmail", "report-email",
                    "Enter an email address in the correct format, like name@example.com", true),
            new Field("contactConsent", "report-consent",
                    "Tick the box to agree to be emailed about the outcome, or leave the email address empty", true));

    /** The category a safety-only report form sends. */
    static final String SAFETY_CONCERN = ReportSubmitted.Category.SAFETY_CONCERN.name();

    static FeedbackWidget of(UnaryOperator<String> feedbackUrl, String formToken, String outcome,
            List<String> fields, boolean safetyOnly) {
        Outcome said = outcomeOf(outcome);
        return new FeedbackWidget(formToken, feedbackUrl.apply("/feedback/votes"),
                feedbackUrl.apply("/feedback/reports"), feedbackUrl.apply("/api/feedback/votes"),
                feedbackUrl.apply("/api/feedback/reports"), said, problemsOf(said, fields == null ? List.of() : fields),
                safetyOnly);
    }

    // public: the template calls these

    public List<Choice> reasons() {
        return REASONS;
    }

    public List<Choice> categories() {
        return CATEGORIES;
    }

    public String safetyConcern() {
        return SAFETY_CONCERN;
    }

    public String formProblem() {
        return FORM_PROBLEM;
    }

    public String unavailable() {
        return UNAVAILABLE;
    }

    public boolean thanked() {
        return outcome == Outcome.THANKS;
    }

    /** The message the page shows for a rejected field; the script uses it for the errors of a JSON answer too. */
    public String message(String field) {
        return FIELDS.stream().filter(f -> f.name().equals(field)).findFirst().map(Field::message)
                .orElse(FORM_PROBLEM);
    }

    public boolean invalid(String field) {
        return problems.stream().anyMatch(problem -> field.equals(problem.field()));
    }

    /** The report form starts open when the reader has something in it to fix. */
    public boolean reportNeedsAttention() {
        return FIELDS.stream().filter(Field::inReport).anyMatch(field -> invalid(field.name()));
    }

    private static Outcome outcomeOf(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(Outcome.values()).filter(o -> o.name().equals(value.toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    private static List<Problem> problemsOf(Outcome outcome, List<String> fields) {
        if (outcome == Outcome.UNAVAILABLE) {
            return List.of(new Problem(null, UNAVAILABLE, null));
        }
        if (outcome != Outcome.INVALID) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        FIELDS.stream().filter(field -> fields.contains(field.name()))
                .forEach(field -> problems.add(new Problem(field.name(), field.message(), field.target())));
        // hidden fields (article, revision, form token) or none named: nothing the reader can fix but a reload
        boolean unknownField = fields.stream().anyMatch(name -> FIELDS.stream().noneMatch(f -> f.name().equals(name)));
        if (problems.isEmpty() || unknownField) {
            problems.add(new Problem(null, FORM_PROBLEM, null));
        }
        return List.copyOf(problems);
    }
}

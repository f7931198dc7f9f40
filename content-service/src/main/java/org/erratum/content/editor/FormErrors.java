package org.erratum.content.editor;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erratum.platform.web.Problems;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The problems with a submitted article form: a message next to each field, and a summary at the top whose
 * entries link to those fields. Element ids follow the field names: {@code sections[2].body} is the textarea
 * {@code section-3-body} (rows are numbered from 1 on the page, as the article numbers its references), and the
 * sections and references as a whole are their fieldsets, {@code form-sections} and {@code form-references}.
 */
record FormErrors(List<Entry> entries) {

    private static final Pattern ROW = Pattern.compile("(sections|references)\\[(\\d+)]\\.(\\w+)");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("slug", "Page address"), Map.entry("title", "Title"), Map.entry("summary", "Summary"),
            Map.entry("sections", "Sections"), Map.entry("references", "References"),
            Map.entry("authors", "Authors"), Map.entry("ownerName", "Owner"),
            Map.entry("ownerEmail", "Owner's email address"), Map.entry("reviewIntervalMonths", "Review interval"),
            Map.entry("topics", "Topics"), Map.entry("changeSummary", "Change summary"),
            Map.entry("significance", "Significance"), Map.entry("item", "Review item"),
            Map.entry("heading", "heading"), Map.entry("body", "text"), Map.entry("citation", "citation"),
            Map.entry("url", "address"), Map.entry("topic", "Topic"), Map.entry("reason", "Reason"));

    /** The fields in the order the page shows them, so that the summary reads top to bottom. */
    private static final List<String> PAGE_ORDER = List.of("title", "slug", "summary", "sections", "references",
            "authors", "ownerName", "ownerEmail", "reviewIntervalMonths", "topics", "changeSummary", "significance",
            "expectedRevision", "item");

    /** Field messages a person can act on for values that did not even convert. */
    private static final Map<String, String> UNCONVERTED = Map.of(
            "reviewIntervalMonths", "Enter the review interval as a whole number of months",
            "significance", "Choose whether the change is minor or major",
            "expectedRevision", "Reload the article and make your change again");

    /**
     * @param field  the form field, e.g. {@code sections[2].body}
     * @param target the id of the control to fix
     * @param label  the field as the summary names it, e.g. "Section 3 text"
     */
    record Entry(String field, String target, String label, String message) {
    }

    static final FormErrors NONE = new FormErrors(List.of());

    static FormErrors of(BindingResult result) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            String message = error.isBindingFailure()
                    ? UNCONVERTED.getOrDefault(error.getField(), "Enter a value of the right kind")
                    : error.getDefaultMessage();
            // one message per field: the first found is the one to fix first
            entries.putIfAbsent(error.getField(), new Entry(error.getField(), target(error.getField()),
                    label(error.getField()), message));
        }
        return new FormErrors(entries.values().stream().sorted(Comparator.comparingInt(e -> rank(e.field())))
                .toList());
    }

    /** The problems the service named, in the order given: for a form whose fields the service checks itself. */
    static FormErrors of(List<Problems.FieldError> errors) {
        return new FormErrors(errors.stream()
                .map(e -> new Entry(e.field(), target(e.field()), label(e.field()), e.message())).toList());
    }

    /** The field's place on the page: rows in their order within their list. */
    private static int rank(String field) {
        Matcher row = ROW.matcher(field);
        String list = row.matches() ? row.group(1) : field;
        int place = PAGE_ORDER.indexOf(list);
        int base = (place < 0 ? PAGE_ORDER.size() : place) * 100_000;
        return row.matches() ? base + 1 + Integer.parseInt(row.group(2)) * 10 + ("heading".equals(row.group(3))
                || "citation".equals(row.group(3)) ? 0 : 1) : base;
    }

    public boolean any() {
        return !entries.isEmpty();
    }

    public boolean has(String field) {
        return entries.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The message next to a field, or null. */
    public String of(String field) {
        return entries.stream().filter(e -> e.field().equals(field)).map(Entry::message).findFirst().orElse(null);
    }

    static String target(String field) {
        Matcher row = ROW.matcher(field);
        if (row.matches()) {
            return singular(row.group(1)) + "-" + (Integer.parseInt(row.group(2)) + 1) + "-" + row.group(3);
        }
        return switch (field) {
            case "significance" -> "significance-MINOR";
            // the preview of the page has its own "references" heading
            case "sections", "references" -> "form-" + field;
            default -> field;
        };
    }

    static String label(String field) {
        Matcher row = ROW.matcher(field);
        if (row.matches()) {
            String kind = singular(row.group(1));
            return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + (Integer.parseInt(row.group(2))
                    + 1) + " " + LABELS.getOrDefault(row.group(3), row.group(3));
        }
        return LABELS.getOrDefault(field, field);
    }

    private static String singular(String rows) {
        return rows.substring(0, rows.length() - 1);
    }
}

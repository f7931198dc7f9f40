package org.erratum.content.editor;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTests {

    @Test
    void rowFieldsAreNamedAndTargetedAsThePageNumbersThem() {
        assertThat(FormErrors.target("sections[2].body")).isEqualTo("section-3-body");
        assertThat(FormErrors.label("sections[2].body")).isEqualTo("Section 3 text");
        assertThat(FormErrors.target("references[0].url")).isEqualTo("reference-1-url");
        assertThat(FormErrors.label("references[0].url")).isEqualTo("Reference 1 address");
        assertThat(FormErrors.target("ownerEmail")).isEqualTo("ownerEmail");
        assertThat(FormErrors.label("ownerEmail")).isEqualTo("Owner's email address");
        assertThat(FormErrors.target("significance")).as("its first option").isEqualTo("significance-MINOR");
        assertThat(FormErrors.target("sections")).as("its fieldset").isEqualTo("form-sections");
    }

    @Test
    void theSummaryListsProblemsInTheOrderOfTheFieldsOnThePage() {
        var result = new BeanPropertyBindingResult(new ArticleForm(), "form");
        for (String field : new String[] {"ownerEmail", "sections[10].heading", "title", "sections[2].body",
                "sections[2].heading", "changeSummary", "references[0].url", "authors"}) {
            result.addError(new FieldError("form", field, "Fix it"));
        }

        assertThat(FormErrors.of(result).entries()).extracting(FormErrors.Entry::field).containsExactly("title",
                "sections[2].heading", "sections[2].body", "sections[10].heading", "references[0].url", "authors",
                "ownerEmail", "changeSummary");
    }

    @Test
    void eachFieldShowsItsFirstProblemAndValuesThatDidNotConvertGetWordsAPersonCanActOn() {
        var result = new BeanPropertyBindingResult(new ArticleForm(), "form");
        result.addError(new FieldError("form", "title", "Enter a title"));
        result.addError(new FieldError("form", "title", "Keep the title to 200 characters"));
        result.addError(new FieldError("form", "reviewIntervalMonths", "two", true, null, null, "Failed to convert"));

        FormErrors errors = FormErrors.of(result);

        assertThat(errors.entries()).extracting(FormErrors.Entry::message).containsExactly("Enter a title",
                "Enter the review interval as a whole number of months");
        assertThat(errors.has("title")).isTrue();
        assertThat(errors.of("summary")).isNull();
        assertThat(FormErrors.NONE.any()).isFalse();
    }
}

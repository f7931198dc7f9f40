package org.erratum.feedback.readout;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The editorial readouts as pages, for editors signed in with the form (or at the OpenID Connect provider): the
 * overview, each article's insight, and the CSV export, which the JSON API also offers with HTTP Basic.
 */
@Controller
@RequestMapping("/editorial")
class EditorialController {

    static final String EXPORT = "/feedback.csv";

    private final EditorialPages pages;
    private final FeedbackExport export;

    EditorialController(EditorialPages pages, FeedbackExport export) {
        this.pages = pages;
        this.export = export;
    }

    /** @param days the reports window, 30 when left out */
    @GetMapping
    String overview(@RequestParam(required = false)
            @Pattern(regexp = ReportWindow.DAYS, message = ReportWindow.ALLOWED) String days, Model model) {
        ReportWindow window = days == null ? ReportWindow.LAST_30_DAYS : ReportWindow.chosen(days).get(0);
        model.addAttribute("page", pages.overview(window, pages.exportForm()));
        return "editorial/overview";
    }

    @GetMapping("/articles/{articleId}")
    String article(@PathVariable String articleId, Model model) {
        model.addAttribute("page", pages.article(articleId));
        return "editorial/article";
    }

    /**
     * The export form's target. A range the export refuses comes back as the overview with the problem beside the
     * form and the dates as typed, so the editor corrects them there (see {@link EditorialAdvice}).
     */
    @GetMapping(EXPORT)
    void feedbackCsv(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to, HttpServletResponse response)
            throws IOException {
        export.download(from, to, response);
    }
}

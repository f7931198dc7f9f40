package org.erratum.feedback.readout;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.erratum.feedback.readout.OverviewPage.ExportForm;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The editorial readouts as pages, for editors signed in with the form (or at the OpenID Connect provider): the
 * overview, each article's insight, and the CSV export, which the JSON API also offers with HTTP Basic.
 */
@Controller
@RequestMapping("/editorial")
class EditorialController {

    private static final String CSV = "text/csv;charset=UTF-8";

    private final EditorialPages pages;
    private final ReadoutParameters parameters;
    private final FeedbackExport export;

    EditorialController(EditorialPages pages, ReadoutParameters parameters, FeedbackExport export) {
        this.pages = pages;
        this.parameters = parameters;
        this.export = export;
    }

    /** @param days the reports window, 30 when left out */
    @GetMapping
    String overview(@RequestParam(required = false) String days, Model model) {
        model.addAttribute("page", pages.overview(window(days), pages.exportForm()));
        return "editorial/overview";
    }

    @GetMapping("/articles/{articleId}")
    String article(@PathVariable String articleId, Model model) {
        model.addAttribute("page", pages.article(articleId));
        return "editorial/article";
    }

    /**
     * The export form's target. A range the export refuses comes back as the overview with the problem beside the
     * form and the dates as typed, so the editor corrects them there.
     */
    @GetMapping("/feedback.csv")
    ModelAndView feedbackCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        ExportRange range;
        try {
            range = parameters.exportRange(from, to);
            export.checkSize(range);
        } catch (ErrorResponseException refused) {
            ModelAndView page = new ModelAndView("editorial/overview");
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("page", pages.overview(ReportWindow.LAST_30_DAYS,
                    new ExportForm(from, to, PageProblem.of(refused))));
            return page;
        }
        response.setContentType(CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(range.filename()).build().toString());
        export.write(range, response.getWriter());
        return null;
    }

    private ReportWindow window(String days) {
        return days == null ? ReportWindow.LAST_30_DAYS : parameters.windows(days).get(0);
    }
}

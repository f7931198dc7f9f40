package org.erratum.feedback.readout;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What editors read off the feedback: the least helpful articles, the most reported ones, and a CSV export. */
@RestController
@RequestMapping("/api/editorial")
class ReadoutController {

    private static final String CSV = "text/csv;charset=UTF-8";

    private final ReadoutParameters parameters;
    private final LeastHelpfulArticles leastHelpful;
    private final RecentReports recentReports;
    private final FeedbackExport export;

    ReadoutController(ReadoutParameters parameters, LeastHelpfulArticles leastHelpful, RecentReports recentReports,
            FeedbackExport export) {
        this.parameters = parameters;
        this.leastHelpful = leastHelpful;
        this.recentReports = recentReports;
        this.export = export;
    }

    @GetMapping("/least-helpful")
    LeastHelpful leastHelpful(@RequestParam(required = false) String limit) {
        return new LeastHelpful(leastHelpful.list(parameters.limit(limit)));
    }

    @GetMapping("/reports")
    ArticleReports reports(@RequestParam(required = false) String days,
            @RequestParam(required = false) String limit) {
        return recentReports.perArticle(parameters.windows(days), parameters.limit(limit));
    }

    @GetMapping("/feedback.csv")
    @ApiResponse(responseCode = "200", description = "One row per vote or report accepted in the range",
            content = @Content(mediaType = "text/csv"))
    void feedbackCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        ExportRange range = parameters.exportRange(from, to);
        export.checkSize(range);
        response.setContentType(CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(range.filename()).build().toString());
        export.write(range, response.getWriter());
    }

    /** @param articles least helpful first */
    record LeastHelpful(List<ArticleHelpfulness> articles) {
    }
}

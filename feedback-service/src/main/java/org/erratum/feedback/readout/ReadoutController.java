package org.erratum.feedback.readout;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What editors read off the feedback: the least helpful articles, the most reported ones, and a CSV export. */
@RestController
@RequestMapping("/api/editorial")
class ReadoutController {


    private final ReadoutProperties properties;
    private final LeastHelpfulArticles leastHelpful;
    private final RecentReports recentReports;
    private final FeedbackExport export;

    ReadoutController(ReadoutProperties properties, LeastHelpfulArticles leastHelpful, RecentReports recentReports,
            FeedbackExport export) {
        this.properties = properties;
        this.leastHelpful = leastHelpful;
        this.recentReports = recentReports;
        this.export = export;
    }

    @GetMapping("/least-helpful")
    LeastHelpful leastHelpful(@RequestParam(required = false) @Min(value = 1, message = ReadoutProperties.LIMITS)
            @Max(value = ReadoutProperties.MAX_LIMIT, message = ReadoutProperties.LIMITS) Integer limit) {
        return new LeastHelpful(leastHelpful.list(properties.limitOrDefault(limit)));
    }

    @GetMapping("/reports")
    ArticleReports reports(
            @RequestParam(required = false) @Pattern(regexp = ReportWindow.DAYS, message = ReportWindow.ALLOWED)
            String days,
            @RequestParam(required = false) @Min(value = 1, message = ReadoutProperties.LIMITS)
            @Max(value = ReadoutProperties.MAX_LIMIT, message = ReadoutProperties.LIMITS) Integer limit) {
        return recentReports.perArticle(ReportWindow.chosen(days), properties.limitOrDefault(limit));
    }

    @GetMapping("/feedback.csv")
    @ApiResponse(responseCode = "200", description = "One row per vote or report accepted in the range",
            content = @Content(mediaType = "text/csv"))
    void feedbackCsv(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to, HttpServletResponse response)
            throws IOException {
        export.download(from, to, response);
    }

    /** @param articles least helpful first */
    record LeastHelpful(List<ArticleHelpfulness> articles) {
    }
}

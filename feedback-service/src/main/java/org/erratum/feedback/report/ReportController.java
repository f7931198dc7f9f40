package org.erratum.feedback.report;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import org.erratum.feedback.article.ArticlePages;
import org.erratum.feedback.intake.Accepted;
import org.erratum.feedback.intake.Sender;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Problem reports from the JSON API and from the article page's plain HTML form. */
@RestController
class ReportController {

    private final ReportService reports;
    private final ArticlePages articlePages;

    ReportController(ReportService reports, ArticlePages articlePages) {
        this.reports = reports;
        this.articlePages = articlePages;
    }

    @PostMapping(path = "/api/feedback/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "202", description = "Accepted: stored, and published to Kafka by the outbox relay")
    @ApiResponse(responseCode = "413", description = "The body is larger than the intake allows")
    @ApiResponse(responseCode = "422", description = "The article or its revision is not known")
    @ApiResponse(responseCode = "429", description = "Too many reports from this client; Retry-After says when to"
            + " try again")
    ResponseEntity<Accepted> submitFromApi(@Valid @RequestBody ReportRequest report, HttpServletRequest request) {
        return ResponseEntity.accepted().body(Accepted.of(reports.submit(report, Sender.ofApi(request))));
    }

    @PostMapping(path = "/feedback/reports", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> submitFromForm(@Valid ReportRequest report, BindingResult binding,
            HttpServletRequest request) {
        return articlePages.answerForm(request, binding,
                () -> reports.submit(report, Sender.ofForm(request)).article());
    }
}

package org.erratum.feedback.report;

import jakarta.servlet.http.HttpServletRequest;
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

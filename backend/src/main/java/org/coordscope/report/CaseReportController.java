package org.coordscope.report;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.coordscope.security.AuditLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A cluster's case report: one self-contained HTML file, the same as PDF, its member table as CSV. Ids carry %2F. */
@RestController
@RequestMapping("/api/clusters/{id}")
class CaseReportController {

    private final CaseReport reports;
    private final CasePdf pdfs;
    private final AuditLog audit;

    CaseReportController(CaseReport reports, CasePdf pdfs, AuditLog audit) {
        this.reports = reports;
        this.pdfs = pdfs;
        this.audit = audit;
    }

    @GetMapping(value = "/report.html", produces = "text/html;charset=UTF-8")
    ResponseEntity<String> html(@PathVariable String id, Principal principal) {
        String actor = AuditLog.actor(principal);
        String html = reports.html(id, principal == null ? "anonymous" : principal.getName());
        audit.record(actor, "report.html", id, AuditLog.details());
        return download(html, new MediaType("text", "html", StandardCharsets.UTF_8), fileName(id) + ".html");
    }

    @GetMapping(value = "/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String id, Principal principal) {
        byte[] pdf = pdfs.pdf(id, principal == null ? "anonymous" : principal.getName());
        audit.record(AuditLog.actor(principal), "report.pdf", id, AuditLog.details());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName(id) + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @GetMapping(value = "/report.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(@PathVariable String id, Principal principal) {
        String csv = reports.csv(id);
        audit.record(AuditLog.actor(principal), "report.csv", id, AuditLog.details());
        return download(csv, new MediaType("text", "csv", StandardCharsets.UTF_8), fileName(id) + "-members.csv");
    }

    /** {@code case-RUN-N}: the cluster id with what a file name cannot hold replaced. */
    static String fileName(String clusterId) {
        return "case-" + clusterId.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private static ResponseEntity<String> download(String body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}

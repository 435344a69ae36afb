package org.coordscope.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.coordscope.web.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for admins: a page of entries, newest first, or all matching entries as CSV. Read-only. */
@RestController
@RequestMapping("/api/admin")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    Page<AuditEntry> list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return audit.search(AuditLog.Filter.of(actor, action, from, to), Page.Request.of(page, size));
    }

    /** The same filters; the download is itself audited ({@code export.audit}). */
    @GetMapping("/audit.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Principal principal)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = audit.writeCsv(AuditLog.Filter.of(actor, action, from, to), out);
        audit.record(
                AuditLog.actor(principal),
                "export.audit",
                null,
                AuditLog.details("actor", actor, "action", action, "from", from, "to", to, "rows", rows));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        headers.setContentDisposition(
                ContentDisposition.attachment().filename("audit.csv").build());
        return ResponseEntity.ok().headers(headers).body(out.toByteArray());
    }
}

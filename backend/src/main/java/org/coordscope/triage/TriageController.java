package org.coordscope.triage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.coordscope.security.AuditLog;
import org.coordscope.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class TriageController {

    private final TriageService triage;
    private final AuditLog audit;

    TriageController(TriageService triage, AuditLog audit) {
        this.triage = triage;
        this.audit = audit;
    }

    /** Body of {@code PUT /api/marks}. */
    record MarkRequest(
            @NotBlank @Pattern(regexp = "account|cluster", message = "must be account or cluster")
            String targetType,

            @NotBlank String targetId,
            @NotBlank String dataset,

            @NotBlank
            @Pattern(
                    regexp = "confirmed|false_positive|needs_review",
                    message = "must be confirmed, false_positive or needs_review")
            String status,

            @Size(max = MAX_NOTE) String note,
            @Size(max = TriageService.MAX_ASSIGNEE) String assignee) {}

    /** Body of {@code PUT /api/allowlist}. */
    record AllowRequest(
            @NotBlank String dataset,
            @NotBlank String accountId,
            @Size(max = MAX_NOTE) String note) {}

    /** The longest note a mark or an allowlist entry takes, in characters. */
    static final int MAX_NOTE = 10_000;

    @PutMapping("/marks")
    Mark mark(@Valid @RequestBody MarkRequest r, Principal principal) {
        Mark mark = triage.mark(r.targetType(), r.targetId(), r.dataset(), r.status(), r.note(), r.assignee());
        audit.record(
                AuditLog.actor(principal),
                "mark.set",
                r.targetId(),
                AuditLog.details(
                        "targetType",
                        r.targetType(),
                        "dataset",
                        r.dataset(),
                        "status",
                        r.status(),
                        "note",
                        r.note(),
                        "assignee",
                        r.assignee()));
        return mark;
    }

    @DeleteMapping("/marks")
    ResponseEntity<Void> unmark(
            @RequestParam String targetType,
            @RequestParam String targetId,
            @RequestParam String dataset,
            Principal principal) {
        if (!triage.unmark(targetType, targetId, dataset)) {
            return ResponseEntity.notFound().build();
        }
        audit.record(
                AuditLog.actor(principal),
                "mark.remove",
                targetId,
                AuditLog.details("targetType", targetType, "dataset", dataset));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/marks")
    Page<Mark> marks(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return triage.marks(status, Page.Request.of(page, size));
    }

    @PutMapping("/allowlist")
    TriageService.Allowlisted allow(@Valid @RequestBody AllowRequest r, Principal principal) {
        TriageService.Allowlisted added = triage.allow(r.dataset(), r.accountId(), r.note());
        audit.record(
                AuditLog.actor(principal),
                "allowlist.add",
                r.accountId(),
                AuditLog.details("dataset", r.dataset(), "note", r.note()));
        return added;
    }

    @DeleteMapping("/allowlist")
    ResponseEntity<Void> disallow(@RequestParam String dataset, @RequestParam String accountId, Principal principal) {
        if (!triage.disallow(dataset, accountId)) {
            return ResponseEntity.notFound().build();
        }
        audit.record(AuditLog.actor(principal), "allowlist.remove", accountId, AuditLog.details("dataset", dataset));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/allowlist")
    Page<TriageService.Allowlisted> allowlist(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return triage.allowlist(Page.Request.of(page, size));
    }
}

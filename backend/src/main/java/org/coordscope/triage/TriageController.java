package org.coordscope.triage;

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

    TriageController(TriageService triage) {
        this.triage = triage;
    }

    /** Body of {@code PUT /api/marks}. */
    record MarkRequest(String targetType, String targetId, String dataset, String status, String note) {
    }

    /** Body of {@code PUT /api/allowlist}. */
    record AllowRequest(String dataset, String accountId, String note) {
    }

    @PutMapping("/marks")
    Mark mark(@RequestBody MarkRequest r) {
        return triage.mark(r.targetType(), r.targetId(), r.dataset(), r.status(), r.note());
    }

    @DeleteMapping("/marks")
    ResponseEntity<Void> unmark(@RequestParam String targetType, @RequestParam String targetId,
            @RequestParam String dataset) {
        return triage.unmark(targetType, targetId, dataset) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/marks")
    Page<Mark> marks(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return triage.marks(status, Page.Request.of(page, size));
    }

    @PutMapping("/allowlist")
    TriageService.Allowlisted allow(@RequestBody AllowRequest r) {
        return triage.allow(r.dataset(), r.accountId(), r.note());
    }

    @DeleteMapping("/allowlist")
    ResponseEntity<Void> disallow(@RequestParam String dataset, @RequestParam String accountId) {
        return triage.disallow(dataset, accountId) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/allowlist")
    Page<TriageService.Allowlisted> allowlist(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return triage.allowlist(Page.Request.of(page, size));
    }
}

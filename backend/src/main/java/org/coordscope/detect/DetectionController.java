package org.coordscope.detect;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.signal.DetectionOption;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.detect.store.EvidenceExport;
import org.coordscope.security.AuditLog;
import org.coordscope.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class DetectionController {

    private final DetectionJobs jobs;
    private final DetectionStore store;
    private final EvidenceExport evidence;
    private final AuditLog audit;

    DetectionController(DetectionJobs jobs, DetectionStore store, EvidenceExport evidence, AuditLog audit) {
        this.jobs = jobs;
        this.store = store;
        this.evidence = evidence;
        this.audit = audit;
    }

    /** The detection options as data: id, type, default, description. */
    @GetMapping("/detection-options")
    List<DetectionOption> options() {
        return DetectionOptions.describe();
    }

    /**
     * Starts a run in the background. Body: {@code {"dataset": "x", "options": {"co-retweet.window": "60"},
     * "algorithm": "leiden", "quality": "cpm", "resolution": 1.0, "seed": 42}}, every field optional.
     */
    @PostMapping("/detections")
    ResponseEntity<DetectionJobs.DetectionJob> start(
            @RequestBody(required = false) @Valid DetectionRequest request, Principal principal) {
        DetectionRequest r = request == null ? DetectionRequest.of(null) : request;
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.submit(AuditLog.actor(principal), r));
    }

    @GetMapping("/detections")
    List<DetectionJobs.DetectionJob> all() {
        return jobs.all();
    }

    @GetMapping("/detections/{id}")
    ResponseEntity<DetectionJobs.DetectionJob> job(@PathVariable String id) {
        return ResponseEntity.of(jobs.find(id));
    }

    @GetMapping("/runs")
    Page<DetectionResult> runs(
            @RequestParam(name = "dataset", required = false) String dataset,
            @RequestParam(name = "page", required = false) Integer page,
            @RequestParam(name = "size", required = false) Integer size) {
        return store.runs(dataset, Page.Request.of(page, size));
    }

    @GetMapping("/runs/{id}/suspects")
    List<DetectionStore.Suspect> suspects(
            @PathVariable String id, @RequestParam(name = "minScore", required = false) Double minScore) {
        return store.suspects(id, minScore == null ? DetectionService.defaultThreshold() : minScore);
    }

    /** Why one account is flagged: its cluster, co-actors and the shared objects with times and source lines. */
    @GetMapping("/runs/{id}/evidence")
    ResponseEntity<Map<String, Object>> evidence(@PathVariable String id, @RequestParam("account") String account)
            throws java.io.IOException {
        return ResponseEntity.of(evidence.evidence(id, account));
    }

    @DeleteMapping("/runs/{id}")
    ResponseEntity<Map<String, Object>> delete(@PathVariable String id, Principal principal) {
        if (!store.delete(id)) {
            return ResponseEntity.notFound().build();
        }
        audit.record(AuditLog.actor(principal), "run.delete", id, Map.of());
        return ResponseEntity.ok(Map.of("deleted", id));
    }
}

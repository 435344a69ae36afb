package org.coordscope.detect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.coordscope.graphdb.Neo4jSettings;
import org.coordscope.ingest.DatasetLocks;
import org.coordscope.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Detection runs started from the REST API run here, one at a time, in the background. */
@Service
public class DetectionJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DetectionJobs.class);

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** A run as the API shows it while and after it runs. */
    public record DetectionJob(String id, String dataset, Status status, String phase, double progress, String message,
            Instant startedAt, Instant finishedAt, DetectionResult result, String error) {
    }

    private final DetectionService service;
    private final DetectionStore store;
    private final Neo4jSettings settings;
    private final DatasetLocks locks;
    private final AuditLog audit;
    private final Map<String, DetectionJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "detection-jobs");
        t.setDaemon(true);
        return t;
    });

    public DetectionJobs(DetectionService service, DetectionStore store, Neo4jSettings settings, DatasetLocks locks,
            AuditLog audit) {
        this.service = service;
        this.store = store;
        this.settings = settings;
        this.locks = locks;
        this.audit = audit;
    }

    static final String INTERRUPTED = "interrupted: the process stopped while the run was in progress; start it again";

    /**
     * A run left {@code RUNNING} by a crash or a kill has no job any more: mark it {@code FAILED} as soon as the
     * application has started, before any runner (the demo loader, a CLI verb) can start a run of its own. Only
     * on the embedded store, which one process holds at a time: a shared server may hold another instance's live
     * run.
     */
    @EventListener(ApplicationStartedEvent.class)
    public void failInterruptedRuns() {
        if (!settings.embedded()) {
            return;
        }
        List<String> failed = store.failInterrupted(INTERRUPTED);
        if (!failed.isEmpty()) {
            log.warn("Marked {} detection run(s) left running by an earlier process as FAILED: {}", failed.size(),
                    failed);
        }
    }

    /**
     * Queues a run for {@code actor} and records its {@code detect} audit entry. Refused (a
     * {@link org.coordscope.web.ConflictException}) while an import or another detection writes the dataset.
     */
    public DetectionJob submit(String actor, DetectionRequest request) {
        // a named dataset is locked before it is looked up: one an import is still creating answers 409, not 400
        String dataset = request.dataset() != null ? request.dataset() : service.resolveDataset(null);
        String id = DetectionService.newRunId();
        DatasetLocks.Lease lease = locks.acquire(dataset, "detection", id);
        DetectionJob job = new DetectionJob(id, dataset, Status.QUEUED, "queued", 0, null, Instant.now(), null, null,
                null);
        try {
            DetectionRequest resolved = request.withDataset(service.resolveDataset(dataset));
            audit.record(actor, "detect", dataset, auditDetails(id, resolved));
            jobs.put(id, job);
            executor.submit(() -> {
                try (lease) {
                    run(id, resolved, lease);
                }
            });
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return job;
    }

    /** What a {@code detect} audit entry records (the CLI's entry too). */
    public static Map<String, Object> auditDetails(String runId, DetectionRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", runId);
        m.put("options", new TreeMap<>(request.options()));
        m.put("algorithm", request.algorithm());
        m.put("quality", request.quality());
        m.put("resolution", request.resolution());
        m.put("seed", request.seed());
        return m;
    }

    /** Runs detection; the dataset is given back before the job shows as ended, so a client may go on at once. */
    private void run(String id, DetectionRequest resolved, DatasetLocks.Lease lease) {
        update(id, Status.RUNNING, "starting", 0, null, null, null);
        try {
            DetectionResult result = service.run(id, resolved,
                    (phase, fraction, message) -> update(id, Status.RUNNING, phase, fraction, message, null, null));
            lease.close();
            update(id, Status.SUCCEEDED, "done", 1, null, result, null);
        } catch (Exception e) {
            log.warn("Detection {} failed: {}", id, e.getMessage());
            lease.close();
            update(id, Status.FAILED, "failed", 1, null, null, e.getMessage());
        }
    }

    private void update(String id, Status status, String phase, double progress, String message, DetectionResult result,
            String error) {
        jobs.computeIfPresent(id, (k, j) -> new DetectionJob(j.id(), j.dataset(), status, phase, progress,
                message != null ? message : j.message(), j.startedAt(),
                status == Status.SUCCEEDED || status == Status.FAILED ? Instant.now() : null, result, error));
    }

    public Optional<DetectionJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<DetectionJob> all() {
        return jobs.values().stream().sorted((a, b) -> b.startedAt().compareTo(a.startedAt())).toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

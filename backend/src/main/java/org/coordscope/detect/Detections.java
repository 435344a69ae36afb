package org.coordscope.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.coordscope.datasets.DatasetLocks;
import org.coordscope.datasets.DatasetService;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.security.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Detection runs as the application starts them, for the command line and the REST jobs alike: the dataset is
 * resolved and held for the run, and each start leaves a {@code detect} audit entry (a run killed midway too).
 */
@Service
public class Detections {

    /** A run that holds its dataset and is in the audit trail; {@link #run} does the work and gives it back. */
    public record Started(String runId, DetectionRequest request, DatasetLocks.Lease lease) {}

    private final DetectionService service;
    private final DatasetService datasets;
    private final DatasetLocks locks;
    private final AuditLog audit;

    public Detections(DetectionService service, DatasetService datasets, DatasetLocks locks, AuditLog audit) {
        this.service = service;
        this.datasets = datasets;
        this.locks = locks;
        this.audit = audit;
    }

    /**
     * Holds the request's dataset (the only one when none is named) and records the start by {@code actor}.
     * Refused (a {@link org.coordscope.web.ConflictException}) while an import or another detection writes the
     * dataset; an {@link IllegalArgumentException} names the datasets when the one asked for does not exist.
     */
    public Started start(String actor, DetectionRequest request) {
        // a named dataset is locked before it is looked up: one an import is still creating answers 409, not 400
        String dataset = request.dataset() != null ? request.dataset() : datasets.resolve(null);
        String runId = DetectionService.newRunId();
        DatasetLocks.Lease lease = locks.acquire(dataset, "detection", runId);
        try {
            DetectionRequest resolved = request.withDataset(datasets.resolve(dataset));
            audit.record(actor, "detect", dataset, auditDetails(runId, resolved));
            return new Started(runId, resolved, lease);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Runs a started detection; its dataset is given back when it ends, whether it succeeds or fails. */
    public DetectionResult run(Started started, DetectionProgress progress) {
        try (var lease = started.lease()) {
            return service.run(started.runId(), started.request(), progress);
        }
    }

    /** The command line's detection: started with the OS user as actor, run in this thread. */
    public DetectionResult runFromCommandLine(DetectionRequest request, DetectionProgress progress) {
        return run(start(AuditLog.cliActor(), request), progress);
    }

    private static Map<String, Object> auditDetails(String runId, DetectionRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", runId);
        m.put("options", new TreeMap<>(request.options()));
        m.put("algorithm", request.algorithm());
        m.put("quality", request.quality());
        m.put("resolution", request.resolution());
        m.put("seed", request.seed());
        return m;
    }
}

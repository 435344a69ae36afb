package org.coordscope.detect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.graphdb.Neo4jSettings;
import org.coordscope.jobs.BackgroundJobs;
import org.coordscope.jobs.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Detection runs started from the REST API run here, one at a time, in the background. */
@Service
public class DetectionJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DetectionJobs.class);

    /** A run as the API shows it while and after it runs. */
    public record DetectionJob(
            String id,
            String dataset,
            JobStatus status,
            String phase,
            double progress,
            String message,
            Instant startedAt,
            Instant finishedAt,
            DetectionResult result,
            String error)
            implements BackgroundJobs.Job {

        DetectionJob with(
                JobStatus newStatus,
                String newPhase,
                double newProgress,
                String newMessage,
                DetectionResult newResult,
                String newError) {
            return new DetectionJob(
                    id,
                    dataset,
                    newStatus,
                    newPhase,
                    newProgress,
                    newMessage != null ? newMessage : message,
                    startedAt,
                    newStatus.ended() ? Instant.now() : null,
                    newResult,
                    newError);
        }
    }

    private final Detections detections;
    private final DetectionStore store;
    private final Neo4jSettings settings;
    private final BackgroundJobs<DetectionJob> jobs = new BackgroundJobs<>("detection-jobs");

    public DetectionJobs(Detections detections, DetectionStore store, Neo4jSettings settings) {
        this.detections = detections;
        this.store = store;
        this.settings = settings;
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
            log.warn(
                    "Marked {} detection run(s) left running by an earlier process as FAILED: {}",
                    failed.size(),
                    failed);
        }
    }

    /**
     * Queues a run for {@code actor} and records its {@code detect} audit entry. Refused (a
     * {@link org.coordscope.web.ConflictException}) while an import or another detection writes the dataset.
     */
    public DetectionJob submit(String actor, DetectionRequest request) {
        Detections.Started started = detections.start(actor, request);
        DetectionJob job = new DetectionJob(
                started.runId(),
                started.request().dataset(),
                JobStatus.QUEUED,
                "queued",
                0,
                null,
                Instant.now(),
                null,
                null,
                null);
        try {
            return jobs.submit(job, () -> run(started));
        } catch (RuntimeException e) {
            started.lease().close();
            throw e;
        }
    }

    /** Runs detection; the dataset is given back before the job shows as ended, so a client may go on at once. */
    private void run(Detections.Started started) {
        String id = started.runId();
        jobs.update(id, j -> j.with(JobStatus.RUNNING, "starting", 0, null, null, null));
        try {
            DetectionResult result = detections.run(
                    started,
                    (phase, fraction, message) ->
                            jobs.update(id, j -> j.with(JobStatus.RUNNING, phase, fraction, message, null, null)));
            jobs.update(id, j -> j.with(JobStatus.SUCCEEDED, "done", 1, null, result, null));
        } catch (Exception e) {
            log.warn("Detection {} failed: {}", id, e.getMessage());
            jobs.update(id, j -> j.with(JobStatus.FAILED, "failed", 1, null, null, e.getMessage()));
        }
    }

    public Optional<DetectionJob> find(String id) {
        return jobs.find(id);
    }

    public List<DetectionJob> all() {
        return jobs.all();
    }

    @Override
    public void close() {
        jobs.close();
    }
}

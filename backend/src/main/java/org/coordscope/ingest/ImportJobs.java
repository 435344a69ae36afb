package org.coordscope.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.coordscope.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/** Imports started from the REST API run here, one at a time, in the background; their progress is polled. */
@Service
public class ImportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** A job as the API shows it. */
    public record ImportJob(String id, String dataset, String format, Status status, long bytesRead, long totalBytes,
            long records, long badRows, Instant startedAt, Instant finishedAt, ImportReport report, String error) {

        /** Share of the input read, 0 to 1. */
        @JsonProperty
        public double progress() {
            return totalBytes == 0 ? (status == Status.SUCCEEDED ? 1 : 0) : Math.min(1.0, (double) bytesRead / totalBytes);
        }

        ImportJob with(Status newStatus, ImportReport newReport, String newError) {
            return new ImportJob(id, dataset, format, newStatus, bytesRead, totalBytes, records, badRows, startedAt,
                    newStatus == Status.RUNNING ? null : Instant.now(), newReport, newError);
        }
    }

    private final ImportService importService;
    private final DatasetLocks locks;
    private final AuditLog audit;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    // One at a time: two imports writing the same dataset would only contend for the same locks.
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-jobs");
        t.setDaemon(true);
        return t;
    });

    public ImportJobs(ImportService importService, DatasetLocks locks, AuditLog audit) {
        this.importService = importService;
        this.locks = locks;
        this.audit = audit;
    }

    /**
     * Queues an import of files in {@code workDir} by {@code actor}; the directory is deleted when the job ends.
     * Refused (a {@link org.coordscope.web.ConflictException}) while another import or a detection writes the
     * dataset. The audit trail gets an {@code import} entry when the job ends, with its counts or its error.
     */
    public ImportJob submit(String actor, String dataset, SourceFormat format, String mapping, List<ImportFile> files,
            Path workDir) {
        String id = UUID.randomUUID().toString();
        ImportRequest request = new ImportRequest(dataset, format, mapping, files,
                ImportRequest.DEFAULT_MAX_ERRORS, workDir.resolveSibling(workDir.getFileName() + "-errors.csv"));
        DatasetLocks.Lease lease = locks.acquire(dataset, "import", id);
        long total = request.files().stream().mapToLong(ImportFile::size).sum();
        ImportJob job = new ImportJob(id, dataset, format.id(), Status.QUEUED, 0, total, 0, 0, Instant.now(), null,
                null, null);
        jobs.put(id, job);
        try {
            executor.submit(() -> {
                try (lease) {
                    run(id, actor, request, workDir, lease);
                }
            });
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return job;
    }

    public Optional<ImportJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<ImportJob> all() {
        return jobs.values().stream().sorted((a, b) -> b.startedAt().compareTo(a.startedAt())).toList();
    }

    /** Runs the import; the dataset is given back before the job shows as ended, so a client may go on at once. */
    private void run(String id, String actor, ImportRequest request, Path workDir, DatasetLocks.Lease lease) {
        jobs.computeIfPresent(id, (k, j) -> j.with(Status.RUNNING, null, null));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("job", id);
        details.put("format", request.format().id());
        details.put("files", request.files().stream().map(ImportFile::displayName).toList());
        try {
            ImportReport report = importService.importFiles(request, (bytesRead, totalBytes, records, badRows) ->
                    jobs.computeIfPresent(id, (k, j) -> new ImportJob(j.id(), j.dataset(), j.format(), j.status(),
                            bytesRead, totalBytes, records, badRows, j.startedAt(), null, null, null)));
            details.putAll(auditCounts(report));
            audit.record(actor, "import", request.dataset(), details);
            lease.close();
            jobs.computeIfPresent(id, (k, j) -> j.with(Status.SUCCEEDED, report, null));
        } catch (Exception e) {
            log.warn("Import {} failed: {}", id, e.getMessage());
            details.put("status", "FAILED");
            details.put("error", String.valueOf(e.getMessage()));
            audit.record(actor, "import", request.dataset(), details);
            lease.close();
            jobs.computeIfPresent(id, (k, j) -> j.with(Status.FAILED, null, e.getMessage()));
        } finally {
            try {
                FileSystemUtils.deleteRecursively(workDir);
            } catch (IOException e) {
                log.warn("Could not delete upload directory {}", workDir);
            }
        }
    }

    /** The counts an {@code import} audit entry records (the CLI's entry too). */
    public static Map<String, Object> auditCounts(ImportReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "SUCCEEDED");
        m.put("posts", report.posts());
        m.put("accounts", report.accounts());
        m.put("badRows", report.badRows());
        return m;
    }

    /** A fresh directory for one upload. */
    public static Path newWorkDir() throws IOException {
        return Files.createTempDirectory("coordscope-upload-");
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

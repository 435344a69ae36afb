package org.coordscope.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coordscope.datasets.DatasetLocks;
import org.coordscope.datasets.DatasetService;
import org.coordscope.jobs.BackgroundJobs;
import org.coordscope.jobs.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/** Imports started from the REST API run here, one at a time, in the background; their progress is polled. */
@Service
public class ImportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /**
     * A job as the API shows it; {@code stored} is what the dataset holds once the job succeeded, as the
     * {@code stats} command counts it (the report counts the rows read: account rows, post rows).
     */
    public record ImportJob(
            String id,
            String dataset,
            String format,
            JobStatus status,
            long bytesRead,
            long totalBytes,
            long records,
            long badRows,
            Instant startedAt,
            Instant finishedAt,
            ImportReport report,
            DatasetService.Counts stored,
            String error)
            implements BackgroundJobs.Job {

        /** Share of the input read, 0 to 1. */
        @JsonProperty
        public double progress() {
            return totalBytes == 0
                    ? (status == JobStatus.SUCCEEDED ? 1 : 0)
                    : Math.min(1.0, (double) bytesRead / totalBytes);
        }

        ImportJob with(JobStatus newStatus, ImportReport newReport, DatasetService.Counts newStored, String newError) {
            return new ImportJob(
                    id,
                    dataset,
                    format,
                    newStatus,
                    bytesRead,
                    totalBytes,
                    records,
                    badRows,
                    startedAt,
                    newStatus.ended() ? Instant.now() : null,
                    newReport,
                    newStored,
                    newError);
        }

        ImportJob read(long newBytesRead, long newTotalBytes, long newRecords, long newBadRows) {
            return new ImportJob(
                    id,
                    dataset,
                    format,
                    status,
                    newBytesRead,
                    newTotalBytes,
                    newRecords,
                    newBadRows,
                    startedAt,
                    null,
                    null,
                    null,
                    null);
        }
    }

    private final Imports imports;
    private final DatasetService datasets;
    // One at a time: two imports writing the same dataset would only contend for the same locks.
    private final BackgroundJobs<ImportJob> jobs = new BackgroundJobs<>("import-jobs");

    public ImportJobs(Imports imports, DatasetService datasets) {
        this.imports = imports;
        this.datasets = datasets;
    }

    /**
     * Queues an import of files in {@code workDir} by {@code actor}; the directory is deleted when the job ends.
     * Refused (a {@link org.coordscope.web.ConflictException}) while another import or a detection writes the
     * dataset. The audit trail gets an {@code import} entry when the job ends, with its counts or its error.
     */
    public ImportJob submit(
            String actor, String dataset, SourceFormat format, String mapping, List<ImportFile> files, Path workDir) {
        String id = UUID.randomUUID().toString();
        ImportRequest request = new ImportRequest(
                dataset,
                format,
                mapping,
                files,
                ImportRequest.DEFAULT_MAX_ERRORS,
                workDir.resolveSibling(workDir.getFileName() + "-errors.csv"));
        DatasetLocks.Lease lease = imports.reserve(dataset, id);
        long total = request.files().stream().mapToLong(ImportFile::size).sum();
        ImportJob job = new ImportJob(
                id, dataset, format.id(), JobStatus.QUEUED, 0, total, 0, 0, Instant.now(), null, null, null, null);
        try {
            return jobs.submit(job, () -> {
                try (lease) {
                    run(id, actor, request, workDir, lease);
                }
            });
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    public Optional<ImportJob> find(String id) {
        return jobs.find(id);
    }

    public List<ImportJob> all() {
        return jobs.all();
    }

    /** Runs the import; the dataset is given back before the job shows as ended, so a client may go on at once. */
    private void run(String id, String actor, ImportRequest request, Path workDir, DatasetLocks.Lease lease) {
        jobs.update(id, j -> j.with(JobStatus.RUNNING, null, null, null));
        try {
            ImportReport report = imports.run(
                    actor,
                    id,
                    request,
                    (bytesRead, totalBytes, records, badRows) ->
                            jobs.update(id, j -> j.read(bytesRead, totalBytes, records, badRows)));
            // counted while the dataset is still held, so they are this import's outcome and nothing else's
            DatasetService.Counts stored = datasets.counts(request.dataset());
            lease.close();
            jobs.update(id, j -> j.with(JobStatus.SUCCEEDED, report, stored, null));
        } catch (Exception e) {
            log.warn("Import {} failed: {}", id, e.getMessage());
            lease.close();
            jobs.update(id, j -> j.with(JobStatus.FAILED, null, null, e.getMessage()));
        } finally {
            try {
                FileSystemUtils.deleteRecursively(workDir);
            } catch (IOException e) {
                log.warn("Could not delete upload directory {}", workDir);
            }
        }
    }

    /** A fresh directory for one upload. */
    public static Path newWorkDir() throws IOException {
        return Files.createTempDirectory("coordscope-upload-");
    }

    @Override
    public void close() {
        jobs.close();
    }
}

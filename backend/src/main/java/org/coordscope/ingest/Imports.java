package org.coordscope.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coordscope.datasets.DatasetLocks;
import org.coordscope.datasets.DatasetService;
import org.coordscope.graphdb.EmbeddedNeo4j;
import org.coordscope.graphdb.Neo4jSettings;
import org.coordscope.security.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Imports as the application runs them, for the command line and the REST jobs alike: the dataset is held while
 * it is written, every import leaves an {@code import} audit entry (with its counts, or its error), and the choice
 * between the driver path and the offline bulk path is made here.
 */
@Service
public class Imports {

    private final ImportService importService;
    private final DatasetLocks locks;
    private final DatasetService datasets;
    private final Neo4jSettings settings;
    private final AuditLog audit;

    public Imports(
            ImportService importService,
            DatasetLocks locks,
            DatasetService datasets,
            Neo4jSettings settings,
            AuditLog audit) {
        this.importService = importService;
        this.locks = locks;
        this.datasets = datasets;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * Holds {@code dataset} for the import {@code job} until the lease is closed; refused (a
     * {@link org.coordscope.web.ConflictException}) while another import, a detection or a deletion writes it.
     */
    public DatasetLocks.Lease reserve(String dataset, String job) {
        return locks.acquire(dataset, "import", job);
    }

    /**
     * Imports through the driver into a dataset the caller holds ({@link #reserve}) and records the audit entry,
     * whether the import succeeds or fails.
     */
    public ImportReport run(String actor, String job, ImportRequest request, ImportProgress progress) throws Exception {
        try {
            checkDiskSpace(request);
            ImportReport report = importService.importFiles(request, progress);
            record(actor, job, request, report);
            return report;
        } catch (Exception e) {
            Map<String, Object> details = details(job, request);
            details.put("status", "FAILED");
            details.put("error", String.valueOf(e.getMessage()));
            audit.record(actor, "import", request.dataset(), details);
            throw e;
        }
    }

    /** The command line's import through the driver: held, run, recorded with the OS user as actor. */
    public ImportReport runFromCommandLine(ImportRequest request, ImportProgress progress) throws Exception {
        try (var lease = reserve(request.dataset(), "cli")) {
            return run(AuditLog.cliActor(), "cli", request, progress);
        }
    }

    /**
     * Whether an import takes the bulk path (Neo4j's offline importer writing a new store aside): only into an
     * empty embedded store; {@code requested} is the user's choice (null: bulk when the store is empty).
     * Throws, saying what to do instead, when bulk is asked for where it cannot be used.
     */
    public boolean useBulk(Boolean requested) {
        if (Boolean.FALSE.equals(requested)) {
            return false;
        }
        boolean asked = Boolean.TRUE.equals(requested);
        if (!settings.embedded()) {
            if (asked) {
                throw new IllegalArgumentException("--bulk writes an embedded store's files and cannot load a Neo4j"
                        + " server (NEO4J_URI is set). Leave out --bulk to import through the driver.");
            }
            return false;
        }
        boolean empty = datasets.storeIsEmpty();
        if (asked && !empty) {
            throw new IllegalArgumentException("--bulk builds a new store, but " + settings.store() + " already holds"
                    + " data (see 'datasets'). Leave out --bulk to add these files through the driver (slower, and"
                    + " safe to combine with what is there), or give --store a new directory.");
        }
        return empty;
    }

    /**
     * Refuses an import that the embedded store's disk would likely not hold (Neo4j stops a database whose disk fills
     * during a write). The need is an estimate: the room Neo4j keeps for a store's transaction logs, and twice the
     * files' size (ten times a {@code .gz} or {@code .zip}'s), which covers the graph and its indexes on both paths.
     * An external server's disk is not ours to see.
     */
    public void checkDiskSpace(ImportRequest request) {
        if (!settings.embedded()) {
            return;
        }
        long input = 0;
        for (ImportFile file : request.files()) {
            String name = file.path().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            input += file.size() * (name.endsWith(".gz") || name.endsWith(".zip") ? 10 : 2);
        }
        long needed = EmbeddedNeo4j.NEW_STORE_SPACE + input;
        long free = EmbeddedNeo4j.freeSpace(settings.store());
        if (free < needed) {
            throw new ImportException("This import needs about " + (needed >> 20) + " MB free on the disk that holds"
                    + " the store " + settings.store() + " (an estimate: " + (EmbeddedNeo4j.NEW_STORE_SPACE >> 20)
                    + " MB for Neo4j's transaction logs and twice the files' size, ten times for compressed files),"
                    + " and only " + (free >> 20) + " MB is free. Nothing was imported. Free space on that disk, or"
                    + " import into a store on another disk (--store DIR).");
        }
    }

    /** The store the bulk path writes a new copy of. */
    public Path store() {
        return settings.store();
    }

    /** The audit entry of a bulk import, written once the new store is open (the command line is its only user). */
    public void recordBulkFromCommandLine(ImportRequest request, ImportReport report) {
        record(AuditLog.cliActor(), "cli", request, report);
    }

    private void record(String actor, String job, ImportRequest request, ImportReport report) {
        Map<String, Object> details = details(job, request);
        details.put("status", "SUCCEEDED");
        details.put("posts", report.posts());
        details.put("accounts", report.accounts());
        details.put("badRows", report.badRows());
        if (report.serviceMessages() > 0) {
            details.put("serviceMessages", report.serviceMessages());
        }
        audit.record(actor, "import", request.dataset(), details);
    }

    private static Map<String, Object> details(String job, ImportRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job);
        m.put("format", request.format().id());
        m.put("files", request.files().stream().map(ImportFile::displayName).toList());
        return m;
    }
}

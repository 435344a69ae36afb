package org.coordscope.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.detect.store.EvidenceExport;
import org.coordscope.security.AuditLog;
import org.springframework.stereotype.Service;

/** The command line's exports to files, each recorded in the audit trail as the REST exports are. */
@Service
public class Exports {

    private final DetectionStore runs;
    private final EvidenceExport evidence;
    private final AuditLog audit;

    public Exports(DetectionStore runs, EvidenceExport evidence, AuditLog audit) {
        this.runs = runs;
        this.evidence = evidence;
        this.audit = audit;
    }

    /** The run {@code run} means: that one, or the latest finished run when null. */
    public String runId(String run) {
        return runs.resolve(run, null).runId();
    }

    /** Writes the evidence on one account in a run to {@code out}; the OS user is the audit entry's actor. */
    public void evidenceFromCommandLine(String runId, String account, Path out) throws IOException {
        evidence.write(runId, account, out);
        audit.record(
                AuditLog.cliActor(),
                "export.evidence",
                account,
                AuditLog.details("run", runId, "file", out.toAbsolutePath().toString()));
    }

    /**
     * Writes a run's suspects scoring at least {@code minScore} (the suspect threshold when null) to {@code out}
     * and returns how many; the OS user is the audit entry's actor.
     */
    public int suspectsFromCommandLine(String runId, Double minScore, String format, Path out) throws IOException {
        double threshold = minScore != null ? minScore : DetectionService.defaultThreshold();
        List<DetectionStore.Suspect> suspects = runs.suspects(runId, threshold);
        SuspectExport.write(suspects, format, out);
        audit.record(
                AuditLog.cliActor(),
                "export.suspects",
                runId,
                AuditLog.details(
                        "run",
                        runId,
                        "cluster",
                        null,
                        "accounts",
                        null,
                        "minScore",
                        threshold,
                        "format",
                        SuspectExport.format(format),
                        "rows",
                        suspects.size(),
                        "file",
                        out.toAbsolutePath().toString()));
        return suspects.size();
    }
}

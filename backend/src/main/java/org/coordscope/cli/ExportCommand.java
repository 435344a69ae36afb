package org.coordscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.DetectionStore;
import org.coordscope.detect.EvidenceExport;
import org.coordscope.export.SuspectExport;
import org.coordscope.security.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a detection run's results. 'export suspects': one row per suspected account;"
                + " 'export evidence --account ID': one account's cluster, co-actors and shared objects with times and"
                + " source lines, as JSON.")
class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "WHAT", description = "suspects or evidence")
    String what;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "suspects: csv (default) or json; evidence is always json")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write")
    Path out;

    @Option(names = "--run", paramLabel = "ID", description = "The run (default: the latest finished run)")
    String run;

    @Option(names = "--min-score", paramLabel = "X",
            description = "Lowest account score exported (default: the suspect threshold, 0.5)")
    Double minScore;

    @Option(names = "--account", paramLabel = "ID", description = "evidence: the account (its id as in the source)")
    String account;

    @Override
    public Integer call() throws Exception {
        if (!what.equals("suspects") && !what.equals("evidence")) {
            throw new IllegalArgumentException("export suspects or export evidence, not '" + what + "'.");
        }
        if (what.equals("evidence") && account == null) {
            throw new IllegalArgumentException("export evidence needs --account ID.");
        }
        SuspectExport.format(format);
        try (var context = Contexts.services(store)) {
            DetectionStore runs = context.getBean(DetectionStore.class);
            String id = runs.resolve(run, null).id();
            if (what.equals("evidence")) {
                context.getBean(EvidenceExport.class).write(id, account, out);
                context.getBean(AuditLog.class).record(AuditLog.cliActor(), "export.evidence", account,
                        AuditLog.details("run", id, "file", out.toAbsolutePath().toString()));
                System.err.printf("Wrote the evidence on %s in run %s to %s.%n", account, id, out);
                return 0;
            }
            List<DetectionStore.Suspect> suspects = runs.suspects(id,
                    minScore != null ? minScore : DetectionService.defaultThreshold());
            SuspectExport.write(suspects, format, out);
            context.getBean(AuditLog.class).record(AuditLog.cliActor(), "export.suspects", id,
                    AuditLog.details("run", id, "cluster", null, "accounts", null, "minScore",
                            minScore != null ? minScore : DetectionService.defaultThreshold(), "format",
                            SuspectExport.format(format), "rows", suspects.size(), "file", out.toAbsolutePath().toString()));
            System.err.printf("Wrote %,d suspects of run %s to %s.%n", suspects.size(), id, out);
            return 0;
        }
    }
}

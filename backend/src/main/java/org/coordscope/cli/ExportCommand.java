package org.coordscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coordscope.export.Exports;
import org.coordscope.export.SuspectExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a detection run's results. 'export suspects': one row per suspected account;"
                + " 'export evidence --account ID': one account's cluster, co-actors and shared objects with times and"
                + " source lines, as JSON.")
class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "suspects or evidence")
    String what;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "csv",
            description = "suspects: csv (default) or json; evidence is always json")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write")
    Path out;

    @Option(names = "--run", paramLabel = "ID", description = "The run (default: the latest finished run)")
    String run;

    @Option(
            names = "--min-score",
            paramLabel = "X",
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
        PrintWriter err = spec.commandLine().getErr();
        try (var context = Contexts.services(store, err)) {
            Exports exports = context.getBean(Exports.class);
            String id = exports.runId(run);
            if (what.equals("evidence")) {
                exports.evidenceFromCommandLine(id, account, out);
                err.printf("Wrote the evidence on %s in run %s to %s.%n", account, id, out);
                return 0;
            }
            int rows = exports.suspectsFromCommandLine(id, minScore, format, out);
            err.printf("Wrote %,d suspects of run %s to %s.%n", rows, id, out);
            return 0;
        }
    }
}

package org.coordscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.DetectionStore;
import org.coordscope.detect.SuspectExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a detection run's results. 'export suspects': one row per suspected account.")
class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "WHAT", description = "suspects")
    String what;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (default) or json")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write")
    Path out;

    @Option(names = "--run", paramLabel = "ID", description = "The run (default: the latest finished run)")
    String run;

    @Option(names = "--min-score", paramLabel = "X",
            description = "Lowest account score exported (default: the suspect threshold, 0.5)")
    Double minScore;

    @Override
    public Integer call() throws Exception {
        if (!what.equals("suspects")) {
            throw new IllegalArgumentException("Only 'export suspects' exists so far, not '" + what + "'.");
        }
        try (var context = Contexts.services(store)) {
            DetectionStore runs = context.getBean(DetectionStore.class);
            String id = run != null ? run : runs.latest(null).map(DetectionStore.RunInfo::id)
                    .orElseThrow(() -> new IllegalArgumentException("No finished detection run: run 'detect' first."));
            if (runs.run(id).isEmpty()) {
                throw new IllegalArgumentException("No run '" + id + "'. Run 'runs' to list them.");
            }
            List<DetectionStore.Suspect> suspects = runs.suspects(id,
                    minScore != null ? minScore : DetectionService.defaultThreshold());
            SuspectExport.write(suspects, format, out);
            System.err.printf("Wrote %,d suspects of run %s to %s.%n", suspects.size(), id, out);
            return 0;
        }
    }
}

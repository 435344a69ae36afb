package org.coordscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.store.DetectionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List detection runs (newest first, one JSON object a line), or delete one.")
class RunsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only this dataset's runs")
    String dataset;

    @Option(names = "--delete", paramLabel = "ID", description = "Delete this run with its clusters and edges")
    String delete;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (var context = Contexts.services(store, err)) {
            DetectionStore runs = context.getBean(DetectionStore.class);
            if (delete != null) {
                if (!runs.delete(delete)) {
                    throw new IllegalArgumentException("No run '" + delete + "'. Run 'runs' to list them.");
                }
                err.println("Deleted run " + delete + ".");
                return 0;
            }
            ObjectMapper json = context.getBean(ObjectMapper.class);
            for (DetectionResult r : runs.runs(dataset)) {
                out.println(json.writeValueAsString(r));
            }
            return 0;
        }
    }
}

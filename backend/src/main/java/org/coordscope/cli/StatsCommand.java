package org.coordscope.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coordscope.datasets.DatasetService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Print the store's (or one dataset's) counts as one JSON object on stdout.")
class StatsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only this dataset (default: the whole store)")
    String dataset;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (var context = Contexts.services(store, spec.commandLine().getErr())) {
            DatasetService datasets = context.getBean(DatasetService.class);
            if (dataset != null && datasets.find(dataset).isEmpty()) {
                throw new IllegalArgumentException("No dataset '" + dataset + "'. Run 'datasets' to list them.");
            }
            Map<String, Object> stats = new LinkedHashMap<>();
            if (dataset != null) {
                stats.put("dataset", dataset);
            } else {
                stats.put("datasets", datasets.list().size());
            }
            ObjectMapper json = context.getBean(ObjectMapper.class);
            stats.putAll(json.convertValue(datasets.counts(dataset), new TypeReference<Map<String, Object>>() {}));
            out.println(json.writeValueAsString(stats));
            out.flush();
            return 0;
        }
    }
}

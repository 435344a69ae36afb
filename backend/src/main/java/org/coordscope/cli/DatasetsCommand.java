package org.coordscope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.coordscope.datasets.DatasetService;
import org.coordscope.datasets.DatasetService.DatasetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description = "List datasets with their counts, or delete one.")
class DatasetsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--delete", paramLabel = "NAME", description = "Delete this dataset and everything in it")
    String delete;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (var context = Contexts.services(store, spec.commandLine().getErr())) {
            DatasetService datasets = context.getBean(DatasetService.class);
            if (delete != null) {
                if (!datasets.delete(delete)) {
                    throw new IllegalArgumentException("No dataset '" + delete + "'. Run 'datasets' to list them.");
                }
                out.println("Deleted dataset '" + delete + "'.");
                return 0;
            }
            List<DatasetInfo> all = datasets.list();
            if (all.isEmpty()) {
                out.println("No dataset yet. Load one with: import --format infoops|twarc2|shares FILE...");
                return 0;
            }
            out.printf(
                    "%-24s %-8s %12s %12s %12s %10s  %s%n",
                    "NAME", "FORMAT", "ACCOUNTS", "TWEETS", "RETWEETS", "LINKS", "IMPORTED");
            for (DatasetInfo d : all) {
                out.printf(
                        "%-24s %-8s %,12d %,12d %,12d %,10d  %s%n",
                        d.name(),
                        d.source(),
                        d.counts().accounts(),
                        d.counts().tweets(),
                        d.counts().retweets(),
                        d.counts().links(),
                        d.importedAt());
            }
            return 0;
        }
    }
}

package org.coordscope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coordscope.detect.DetectionRequest;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.Detections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = "Find coordinated clusters in a dataset and store the run (older runs are kept).")
class DetectCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", description = "The dataset (default: the only one)")
    String dataset;

    @Option(
            names = "--window",
            paramLabel = "DURATION",
            description =
                    "Co-action window of every enabled signal, e.g. 60s, 5m (default: per signal, 60s; 300s for hashtags and texts)")
    String window;

    @Option(
            names = "--signals",
            split = ",",
            paramLabel = "LIST",
            description =
                    "Signals to use: co-retweet,co-link,co-domain,co-hashtag,near-text (default: all but co-domain)")
    List<String> signals;

    @Option(
            names = "--min-support",
            paramLabel = "N",
            description = "Distinct shared objects a pair needs in a signal (default: 2; 3 for hashtags)")
    Integer minSupport;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "leiden (default) or label-propagation")
    String algorithm;

    @Option(names = "--quality", paramLabel = "NAME", description = "Leiden's quality: cpm (default) or modularity")
    String quality;

    @Option(names = "--resolution", paramLabel = "X", description = "Leiden's resolution (default 1.0)")
    Double resolution;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the community algorithm (default 42)")
    Long seed;

    @Override
    public Integer call() throws Exception {
        DetectionRequest request = new DetectionRequest(
                dataset,
                DetectionRequest.shorthand(signals, window == null ? null : seconds(window), minSupport),
                algorithm,
                quality,
                resolution,
                seed);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (var context = Contexts.services(store, err)) {
            DetectionResult r = context.getBean(Detections.class)
                    .runFromCommandLine(request, (phase, fraction, message) -> {
                        err.printf("[%3.0f%%] %-12s %s%n", fraction * 100, phase, message);
                        err.flush();
                    });
            err.printf(
                    Locale.ROOT,
                    "Run %s on '%s': resolution %d s, %,d accounts, %,d edges, modularity %.3f,"
                            + " %,d clusters (%,d scoring >= %.2f), %,d suspects, in %.1f s.%n",
                    r.runId(),
                    r.dataset(),
                    r.resolutionSeconds(),
                    r.accounts(),
                    r.edges(),
                    r.modularity(),
                    r.clusters(),
                    r.suspectClusters(),
                    DetectionService.defaultThreshold(),
                    r.suspects(),
                    r.millis().get("total") / 1000.0);
            err.println("  times: " + times(r.millis()));
            r.top().stream()
                    .limit(5)
                    .forEach(c -> err.printf(
                            Locale.ROOT,
                            "  %s  %d accounts  score %.2f  %s%n",
                            c.id(),
                            c.size(),
                            c.score(),
                            c.reasons().isEmpty() ? "" : c.reasons().get(0)));
            out.println(r.runId());
            out.flush();
            return 0;
        }
    }

    /** Each phase's time, e.g. {@code read 12.3 s, graph.co-retweet 0.4 s, ...}, the total left out. */
    static String times(Map<String, Long> millis) {
        StringBuilder out = new StringBuilder();
        millis.forEach((phase, ms) -> {
            if (!phase.equals("total")) {
                out.append(out.isEmpty() ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.1f s", phase, ms / 1000.0));
            }
        });
        return out.toString();
    }

    /** {@code 60}, {@code 60s}, {@code 5m}, {@code 1h} as seconds. */
    static long seconds(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("ms")) {
            throw new IllegalArgumentException("--window is in seconds or more: " + text);
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 60;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unit = 3600;
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t.strip()) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--window: not a duration: '" + text + "' (e.g. 60s, 5m)");
        }
    }
}

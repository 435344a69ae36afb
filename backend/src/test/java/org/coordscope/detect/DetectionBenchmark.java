package org.coordscope.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.coordscope.detect.signal.CoordinationGraph;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.GreedyModularityAlgorithm;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The detection benchmark (not a test): generates seeded worlds of the given sizes (default 1 and 10 million
 * tweets, 20 per account, one planted group per 1,000 accounts), runs detection at the default settings on
 * actions streamed straight from the generated CSV ({@link SourceActions}, the same graph, community and
 * scoring code as the Neo4j path) and prints Markdown tables: read time, graph build time per signal,
 * Leiden time and modularity, peak heap, accuracy; then Leiden against JGraphT's
 * {@link LabelPropagationClustering} and {@link GreedyModularityAlgorithm} on the same graph (each given a time
 * budget). Run it with {@code mvn -B -Pbench -pl backend verify} (see docs/detection.md).
 *
 * <p>Arguments: {@code [tweets,tweets,...] [seed] [work dir] [baseline budget seconds]}.
 */
public final class DetectionBenchmark {

    private DetectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] sizes = (args.length > 0 ? args[0] : "1000000,10000000").split(",");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench");
        long budget = args.length > 3 ? Long.parseLong(args[3]) : 300;
        System.out.printf(Locale.ROOT, "CoordScope detection benchmark, %s, %d cores, max heap %,d MiB, Java %s%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        List<String> rows = new ArrayList<>();
        List<String> baselineRows = new ArrayList<>();
        for (String size : sizes) {
            long tweets = Long.parseLong(size.strip().replace("_", ""));
            int accounts = (int) (tweets / WorldSpec.DEFAULT_TWEETS_PER_ACCOUNT);
            WorldSpec spec = WorldSpec.builder(accounts, Math.max(5, accounts / 1000), seed).tweets(tweets).build();
            Path dir = work.resolve("world-" + tweets + "-" + seed);
            Files.createDirectories(dir);
            Map<String, Long> timing = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            Path complete = dir.resolve("generated");
            if (!Files.exists(complete)) {
                new WorldGenerator(spec).write(dir); // a world generated to the end before is reused
                Files.writeString(complete, spec.toString());
            }
            timing.put("generate", (System.nanoTime() - t0) / 1_000_000);
            System.gc();
            resetPeaks();
            long cpu0 = processCpuNanos();
            WorldAccuracy.Result r = WorldAccuracy.detect(spec, dir, DetectionRequest.of("bench"), timing);
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            long peak = peakHeap();
            Map<String, Long> m = r.millis();
            rows.add(String.format(Locale.ROOT, "| %,d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |"
                            + " %,d | %.3f | %.1f | %.0f | %,d | %.3f | %.3f | %.3f | %.3f |",
                    r.tweets(), accounts, spec.groups(), s(m, "generate"), s(m, "read"), s(m, "graph.co-retweet"),
                    s(m, "graph.co-link"), s(m, "graph.co-hashtag"), s(m, "graph.near-text"), s(m, "communities"),
                    r.edges(), r.modularity(), s(m, "detect") - s(m, "read"), cpu, peak >> 20, r.precision(), r.recall(),
                    r.f1(), r.all().ari()));
            System.out.println("detected " + size + ": " + m);
            System.out.println(rows.get(rows.size() - 1)); // as soon as measured, should a later size not finish
            CoordinationGraph graph = r.analysis().graph();
            Graph<Integer, DefaultWeightedEdge> g = graph.toWeightedGraph();
            baselineRows.add(baseline(tweets, "Leiden (CPM 1.0, default)", r.modularity(), s(m, "communities"),
                    r.analysis().communities().communities().size()));
            double[] leidenModularity = time(() -> new org.coordscope.detect.community.LeidenClustering<>(g, 1.0,
                    new Random(42), org.coordscope.detect.community.LeidenClustering.Quality.MODULARITY,
                    org.coordscope.detect.community.LeidenClustering.DEFAULT_RANDOMNESS,
                    graph.edgeCount() > DetectionService.LARGE_GRAPH_EDGES ? 2 : Integer.MAX_VALUE), g, budget);
            baselineRows.add(baseline(tweets, "Leiden (modularity 1.0)", leidenModularity));
            baselineRows.add(baseline(tweets, "JGraphT LabelPropagationClustering",
                    time(() -> new LabelPropagationClustering<>(g, new Random(42)), g, budget)));
            baselineRows.add(baseline(tweets, "JGraphT GreedyModularityAlgorithm",
                    time(() -> new GreedyModularityAlgorithm<>(g), g, budget)));
            r = null;
        }
        System.out.println();
        System.out.println("| tweets | accounts | groups | generate s | read CSV s | co-retweet s | co-link s | co-hashtag s"
                + " | near-text s | Leiden s | edges | modularity | detect s (after read) | CPU s (read + detect) | peak heap MiB"
                + " | precision"
                + " | recall | F1 | ARI |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("| tweets | algorithm | seconds | modularity | communities |");
        System.out.println("|---|---|---|---|---|");
        baselineRows.forEach(System.out::println);
    }

    private static double s(Map<String, Long> m, String key) {
        return m.getOrDefault(key, 0L) / 1000.0;
    }

    private static String baseline(long tweets, String name, double modularity, double seconds, int communities) {
        return String.format(Locale.ROOT, "| %,d | %s | %.1f | %.3f | %,d |", tweets, name, seconds, modularity,
                communities);
    }

    private static String baseline(long tweets, String name, double[] result) {
        if (result == null) {
            return String.format(Locale.ROOT, "| %,d | %s | did not finish in the budget | | |", tweets, name);
        }
        return baseline(tweets, name, result[1], result[0], (int) result[2]);
    }

    /** {seconds, modularity, communities} of one algorithm, or null when it overran the budget. */
    private static double[] time(java.util.function.Supplier<ClusteringAlgorithm<Integer>> algorithm,
            Graph<Integer, DefaultWeightedEdge> g, long budgetSeconds) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "baseline");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<double[]> f = pool.submit(() -> {
                long t0 = System.nanoTime();
                List<Set<Integer>> clusters = algorithm.get().getClustering().getClusters();
                double seconds = (System.nanoTime() - t0) / 1e9;
                return new double[] {seconds, new UndirectedModularityMeasurer<>(g).modularity(clusters), clusters.size()};
            });
            return f.get(budgetSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    /** CPU time of the whole process (all threads, GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peak usage since the last reset (an upper bound of the peak heap). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

package org.coordscope.detect;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.coordscope.detect.pipeline.ClusterScorer;
import org.coordscope.detect.pipeline.DetectionPipeline;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.detect.pipeline.SignalData;
import org.coordscope.detect.pipeline.SourceActions;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.SourceFormat;

/**
 * Detection accuracy on one generated world, on the in-memory path ({@link SourceActions} →
 * {@link DetectionPipeline}): account precision, recall and F1 of the suspects (members scoring at least the
 * default threshold) against the planted groups in {@code truth.csv}, and agreement of the suspect clusters
 * with the groups. Shared by {@code GeneratedWorldAccuracyTest} and the benchmark.
 *
 * <p>ARI and NMI are over every account of the world: the reference class is the planted group or
 * "organic"; the predicted cluster is the suspect's cluster or "not flagged". Purity is over the suspects.
 */
final class WorldAccuracy {

    static final String ORGANIC = "organic";

    record Result(
            WorldSpec spec,
            long tweets,
            int planted,
            int flagged,
            int organicFlagged,
            double precision,
            double recall,
            double f1,
            PartitionAgreement all,
            PartitionAgreement suspects,
            int clusters,
            int edges,
            double modularity,
            DetectionPipeline.Coverage coverage,
            Map<String, Long> millis,
            DetectionPipeline.Analysis analysis,
            Set<String> flaggedIds,
            List<String> ids) {

        String row() {
            return String.format(
                    "| %,d | %,d | %d | %d | %,d | %,d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d |",
                    spec.accounts(),
                    tweets,
                    spec.groups(),
                    spec.seed(),
                    planted,
                    flagged,
                    precision,
                    recall,
                    f1,
                    all.ari(),
                    all.nmi(),
                    suspects.purity(),
                    organicFlagged);
        }

        static String header() {
            return "| accounts | tweets | groups | seed | planted | flagged | precision | recall | F1 | ARI | NMI |"
                    + " purity | organic flagged |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|";
        }
    }

    private WorldAccuracy() {}

    static Map<String, String> truth(Path file) throws IOException {
        return truthColumn(file, "group");
    }

    /** Per account its kind ({@code truth.csv}'s third column): a group kind or the organic crowd it joined. */
    static Map<String, String> kinds(Path file) throws IOException {
        return truthColumn(file, "kind");
    }

    private static Map<String, String> truthColumn(Path file, String column) throws IOException {
        Map<String, String> truth = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                truth.put(r.get("account_id"), r.get(column));
            }
        }
        return truth;
    }

    /** Generates the world into {@code dir} and measures detection at {@code request}'s settings. */
    static Result measure(WorldSpec spec, Path dir, DetectionRequest request) throws IOException {
        Map<String, Long> millis = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        new WorldGenerator(spec).write(dir);
        millis.put("generate", (System.nanoTime() - t0) / 1_000_000);
        return detect(spec, dir, request, millis);
    }

    /** Detection on a world already generated into {@code dir}. */
    static Result detect(WorldSpec spec, Path dir, DetectionRequest request, Map<String, Long> millis)
            throws IOException {
        long t0 = System.nanoTime();
        DetectionOptions options = request.detectionOptions();
        SourceActions source = SourceActions.read(
                SourceFormat.INFOOPS,
                null,
                List.of(ImportFile.of(dir.resolve("users.csv")), ImportFile.of(dir.resolve("tweets.csv"))),
                options);
        millis.put("read", (System.nanoTime() - t0) / 1_000_000);
        SourceActions.Loaded loaded = source.finish(millis);
        DetectionPipeline.Analysis a = DetectionPipeline.analyse(
                loaded.data(),
                loaded.traits(),
                options.withResolutionSeconds(loaded.data().resolutionSeconds),
                request.pipelineSettings(),
                millis,
                DetectionProgress.NONE);
        millis.put("detect", (System.nanoTime() - t0) / 1_000_000);

        Map<String, String> truth = truth(dir.resolve("truth.csv"));
        Map<String, String> predicted = new HashMap<>();
        truth.keySet().forEach(id -> predicted.put(id, "not flagged"));
        Map<String, String> suspectClusters = new HashMap<>();
        for (int c = 0; c < a.scored().size(); c++) {
            ClusterScorer.Scored s = a.scored().get(c);
            for (int m = 0; m < s.members().length; m++) {
                if (s.memberScore()[m] >= ClusterScorer.DEFAULT_THRESHOLD) {
                    String id = loaded.data().accountIds.get(s.members()[m]);
                    predicted.put(id, "cluster " + c);
                    suspectClusters.put(id, "cluster " + c);
                }
            }
        }
        if (Boolean.getBoolean("coordscope.diagnose")) {
            diagnose(dir, truth, loaded.data(), a);
        }
        int planted =
                (int) truth.values().stream().filter(g -> !g.equals(ORGANIC)).count();
        int flagged = suspectClusters.size();
        int tp = (int) suspectClusters.keySet().stream()
                .filter(id -> !ORGANIC.equals(truth.getOrDefault(id, ORGANIC)))
                .count();
        double precision = flagged == 0 ? 0 : (double) tp / flagged;
        double recall = planted == 0 ? 0 : (double) tp / planted;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Result(
                spec,
                source.posts(),
                planted,
                flagged,
                flagged - tp,
                precision,
                recall,
                f1,
                PartitionAgreement.of(predicted, truth),
                PartitionAgreement.of(suspectClusters, truth),
                a.scored().size(),
                a.graph().edgeCount(),
                a.communities().modularity(),
                a.coverage(),
                millis,
                a,
                suspectClusters.keySet(),
                loaded.data().accountIds);
    }

    /** Why each missed planted account was missed, by group (for tuning; -Dcoordscope.diagnose=true). */
    private static void diagnose(Path dir, Map<String, String> truth, SignalData data, DetectionPipeline.Analysis a)
            throws IOException {
        Map<String, String> why = new HashMap<>();
        org.coordscope.detect.signal.CoordinationGraph g = a.graph();
        long[] support = new long[g.accountCount()];
        for (int e = 0; e < g.edgeCount(); e++) {
            support[g.source(e)] += g.totalSupport(e);
            support[g.target(e)] += g.totalSupport(e);
        }
        for (int c = 0; c < a.scored().size(); c++) {
            ClusterScorer.Scored s = a.scored().get(c);
            for (int m = 0; m < s.members().length; m++) {
                if (s.memberScore()[m] >= ClusterScorer.DEFAULT_THRESHOLD
                        && ORGANIC.equals(truth.get(data.accountIds.get(s.members()[m])))) {
                    System.out.printf(
                            "  ORGANIC FLAGGED in cluster %d: %.2f %s%n",
                            c, s.memberScore()[m], s.memberReasons().get(m));
                    StringBuilder edges = new StringBuilder();
                    for (int o : s.members()) {
                        int e = g.edgeIndex(s.members()[m], o);
                        if (e >= 0) {
                            edges.append(String.format(
                                    " %s:%d/%.1f%s",
                                    truth.get(data.accountIds.get(o)),
                                    g.totalSupport(e),
                                    g.logP(e) / Math.log(10),
                                    g.validated(e) ? "v" : ""));
                        }
                    }
                    System.out.println("    EDGES" + edges);
                }
                why.put(
                        data.accountIds.get(s.members()[m]),
                        s.memberScore()[m] >= ClusterScorer.DEFAULT_THRESHOLD
                                ? "ok"
                                : String.format(
                                        "cluster %d (size %d, score %.2f) member %.2f strength %.2f",
                                        c, s.members().length, s.score(), s.memberScore()[m], s.strength()[m]));
            }
        }
        Map<String, Map<String, Integer>> byGroup = new java.util.TreeMap<>();
        truth.forEach((id, grp) -> {
            if (!grp.equals(ORGANIC)) {
                int idx = data.accountIndex.getInt(id);
                String w = why.getOrDefault(
                        id, idx < 0 ? "unknown" : "no cluster, co-actions " + Math.min(support[idx], 9));
                byGroup.computeIfAbsent(grp, k -> new java.util.TreeMap<>())
                        .merge(w.replaceAll(" member .*", ""), 1, Integer::sum);
            }
        });
        for (int c = 0; c < a.scored().size(); c++) {
            ClusterScorer.Scored s = a.scored().get(c);
            Map<String, Integer> mk = new java.util.TreeMap<>();
            for (int m : s.members()) {
                mk.merge(truth.getOrDefault(data.accountIds.get(m), "?"), 1, Integer::sum);
            }
            System.out.printf(
                    "  CL %d size %d score %.2f c %.2f t %.2f support %d %s%n",
                    c, s.members().length, s.score(), s.coordination(), s.traits(), s.internalSupport(), mk);
        }
        Map<String, String> kinds = kinds(dir.resolve("truth.csv"));
        Map<String, String> kindOf = new HashMap<>();
        truth.forEach((id, grp) -> kindOf.putIfAbsent(grp, kinds.get(id)));
        byGroup.forEach((grp, m) -> System.out.println("  MISSED " + grp + " (" + kindOf.get(grp) + ") " + m));
    }
}

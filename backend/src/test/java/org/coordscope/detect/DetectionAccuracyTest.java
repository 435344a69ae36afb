package org.coordscope.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Generated worlds with planted groups, organic storms, fan clusters and popular links: detection at the
 * default settings must flag planted accounts with high precision and no organic account.
 */
@GraphTest
class DetectionAccuracyTest extends GraphTestSupport {

    @Autowired
    ImportService importService;

    @Autowired
    DetectionService detection;

    @Autowired
    DetectionStore store;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {7, 11})
    void plantedGroupsAreFoundAndOrganicCrowdsAreNot(long seed) throws IOException {
        WorldSpec spec = WorldSpec.builder(1_500, 5, seed).build();
        new WorldGenerator(spec).write(dir);
        long t0 = System.nanoTime();
        importService.importFiles(
                new ImportRequest(
                        "world",
                        SourceFormat.INFOOPS,
                        null,
                        List.of(ImportFile.of(dir.resolve("users.csv")), ImportFile.of(dir.resolve("tweets.csv"))),
                        100,
                        dir.resolve("errors.csv")),
                ImportProgress.NONE);
        long importMillis = (System.nanoTime() - t0) / 1_000_000;
        DetectionResult result = detection.run(DetectionRequest.of("world"), DetectionProgress.NONE);
        Map<String, String> truth = WorldAccuracy.truth(dir.resolve("truth.csv"));

        List<DetectionStore.Suspect> suspects = store.suspects(result.runId(), DetectionService.defaultThreshold());
        Set<String> flagged = new HashSet<>();
        suspects.forEach(s -> flagged.add(s.accountId()));
        Set<String> planted = new HashSet<>();
        truth.forEach((id, g) -> {
            if (!g.equals("organic")) {
                planted.add(id);
            }
        });
        long tp = flagged.stream().filter(planted::contains).count();
        double precision = flagged.isEmpty() ? 0 : (double) tp / flagged.size();
        double recall = (double) tp / planted.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Map<String, String> predicted = new HashMap<>();
        truth.keySet().forEach(id -> predicted.put(id, "not flagged"));
        suspects.forEach(s -> predicted.put(s.accountId(), s.clusterId()));
        PartitionAgreement agreement = PartitionAgreement.of(predicted, truth);
        System.out.printf(
                "ACCURACY seed %d: ARI %.3f, NMI %.3f (groups and organic vs clusters and not flagged)%n",
                seed, agreement.ari(), agreement.nmi());
        System.out.printf(
                "ACCURACY seed %d: %d accounts, %d planted, %d flagged, precision %.3f recall %.3f F1 %.3f;"
                        + " resolution %d s, %d edges, %d clusters, modularity %.3f; import %d ms, detect %s%n",
                seed,
                truth.size(),
                planted.size(),
                flagged.size(),
                precision,
                recall,
                f1,
                result.resolutionSeconds(),
                result.edges(),
                result.clusters(),
                result.modularity(),
                importMillis,
                result.millis());
        // diagnostics: every stored cluster with its truth make-up
        Map<String, Map<String, Integer>> makeUp = new java.util.TreeMap<>();
        for (DetectionStore.Suspect s : store.suspects(result.runId(), 0)) {
            makeUp.computeIfAbsent(s.clusterId(), k -> new java.util.TreeMap<>())
                    .merge(truth.getOrDefault(s.accountId(), "?") + (s.score() >= 0.5 ? "+" : "-"), 1, Integer::sum);
        }
        try (var session = driver.session()) {
            session.run(
                            "MATCH (c:Cluster {run: $run}) RETURN c.id AS id, c.size AS size, c.score AS score,"
                                    + " c.coordination AS coordination, c.traits AS traits, c.reasons AS reasons ORDER BY c.score DESC",
                            Map.of("run", result.runId()))
                    .list()
                    .forEach(r -> System.out.printf(
                            "  CLUSTER %s size %d score %.3f coordination %.3f traits %.3f %s %s%n",
                            r.get("id").asString(),
                            r.get("size").asLong(),
                            r.get("score").asDouble(),
                            r.get("coordination").asDouble(),
                            r.get("traits").asDouble(),
                            makeUp.get(r.get("id").asString()),
                            r.get("reasons").asList()));
        }
        WorldAccuracy.Result fromFiles =
                WorldAccuracy.detect(spec, dir, DetectionRequest.of("world"), new java.util.LinkedHashMap<>());
        assertThat(List.of(fromFiles.edges(), fromFiles.clusters(), fromFiles.flaggedIds()))
                .as("the benchmarks' path from the files (SourceActions: parsed and taken on two threads) agrees with"
                        + " detection on the store")
                .isEqualTo(List.of(result.edges(), result.clusters(), flagged));
        DetectionResult again = detection.run(DetectionRequest.of("world"), DetectionProgress.NONE);
        assertThat(List.of(again.edges(), again.clusters(), again.suspects(), again.modularity()))
                .as("a second run on the same data gives the same result")
                .isEqualTo(List.of(result.edges(), result.clusters(), result.suspects(), result.modularity()));
        // the baselines and the other quality function on the same data, for the record
        for (DetectionRequest other : List.of(
                new DetectionRequest("world", Map.of(), "label-propagation", null, null, null),
                new DetectionRequest("world", Map.of(), "leiden", "modularity", 1.0, null),
                new DetectionRequest("world", Map.of(), "leiden", "cpm", 5.0, null))) {
            DetectionResult o = detection.run(other, DetectionProgress.NONE);
            Set<String> f = new HashSet<>();
            store.suspects(o.runId(), DetectionService.defaultThreshold()).forEach(x -> f.add(x.accountId()));
            long otp = f.stream().filter(planted::contains).count();
            double p = f.isEmpty() ? 0 : (double) otp / f.size();
            double rc = (double) otp / planted.size();
            System.out.printf(
                    "ALTERNATIVE seed %d %s %s %.1f: %d clusters, modularity %.3f, precision %.3f recall %.3f"
                            + " F1 %.3f, communities %d ms%n",
                    seed,
                    other.algorithm(),
                    other.quality(),
                    other.resolution(),
                    o.clusters(),
                    o.modularity(),
                    p,
                    rc,
                    p + rc == 0 ? 0 : 2 * p * rc / (p + rc),
                    o.millis().get("communities"));
        }
        assertThat(result.resolutionSeconds()).isEqualTo(60);
        assertThat(flagged)
                .as("no organic account is flagged")
                .allSatisfy(id -> assertThat(truth.get(id)).isNotEqualTo("organic"));
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(f1).isGreaterThan(0.85);
    }
}

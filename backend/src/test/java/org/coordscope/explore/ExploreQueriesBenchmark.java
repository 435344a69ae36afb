package org.coordscope.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.detect.DetectionRequest;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.neo4j.driver.summary.ProfiledPlan;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PROFILE of the graph and neighbour queries on a 20,000-account generated world, for docs/api.md. A benchmark,
 * not a test: it runs only with {@code -Dcoordscope.bench=true} and asserts nothing.
 * <pre>mvn -B -q -pl backend -Dtest=ExploreQueriesBenchmark -Dcoordscope.bench=true test</pre>
 */
@GraphTest
@EnabledIfSystemProperty(named = "coordscope.bench", matches = "true")
class ExploreQueriesBenchmark extends GraphTestSupport {

    @Autowired
    ImportService imports;

    @Autowired
    DetectionService detection;

    @Test
    void profile() throws Exception {
        Path dir = Files.createTempDirectory("bench-world");
        new WorldGenerator(WorldSpec.builder(20_000, 20, 7).tweets(80_000).build()).write(dir);
        imports.importFiles(
                new ImportRequest(
                        "bench",
                        SourceFormat.INFOOPS,
                        null,
                        List.of(
                                ImportFile.of(dir.resolve(WorldGenerator.USERS)),
                                ImportFile.of(dir.resolve(WorldGenerator.TWEETS))),
                        100,
                        dir.resolve("errors.csv")),
                ImportProgress.NONE);
        DetectionResult run = detection.run(DetectionRequest.of("bench"), DetectionProgress.NONE);
        Map<String, Object> biggest;
        Map<String, Object> hub;
        try (var session = driver.session()) {
            biggest = session.run(
                            "MATCH (c:Cluster {run: $run}) RETURN c.id AS id, c.size AS size ORDER BY c.size DESC LIMIT 1",
                            Map.of("run", run.runId()))
                    .single()
                    .asMap();
            hub = session.run("""
                    MATCH (a:Account {dataset: 'bench'})-[e:COORDINATED {run: $run}]-()
                    RETURN a.id AS id, count(e) AS degree ORDER BY degree DESC LIMIT 1""", Map.of("run", run.runId())).single().asMap();
        }
        List<String> members;
        try (var session = driver.session()) {
            members = session.run(GraphService.MEMBERS, Map.of("cluster", biggest.get("id"), "limit", 1500))
                    .list(r -> r.get("id").asString());
        }
        Map<String, Object> edges =
                new HashMap<>(Map.of("ids", members, "dataset", "bench", "run", run.runId(), "limit", 20_000));
        Map<String, Object> neighbours = new HashMap<>(
                Map.of("id", hub.get("id"), "dataset", "bench", "run", run.runId(), "skip", 0, "limit", 50));
        neighbours.put("signal", null);
        System.out.printf(
                "BENCH world: %,d accounts, run %s: %,d clusters, %,d edges; biggest cluster %s of %s;"
                        + " busiest account has %s neighbours%n",
                20_000,
                run.runId(),
                run.clusters(),
                run.edges(),
                biggest.get("id"),
                biggest.get("size"),
                hub.get("degree"));
        profile("cluster summaries (list)", ClusterService.SUMMARIES, Map.of("run", run.runId()));
        profile("graph: members", GraphService.MEMBERS, Map.of("cluster", biggest.get("id"), "limit", 1500));
        profile("graph: edges (count and page)", GraphService.EDGES, edges);
        profile("neighbours: count", AccountService.NEIGHBOUR_COUNT, neighbours);
        profile("neighbours: page", AccountService.NEIGHBOUR_PAGE, neighbours);
    }

    private void profile(String what, String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            session.run(cypher, params).consume(); // warm the plan cache and the page cache
            long t0 = System.nanoTime();
            var summary = session.run("PROFILE " + cypher, params).consume();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            List<String> operators = new ArrayList<>();
            collect(summary.profile(), operators);
            System.out.printf(
                    "BENCH %s: %d ms, %,d db hits, %,d rows; operators %s%n",
                    what, millis, dbHits(summary.profile()), summary.profile().records(), operators);
        }
    }

    private static long dbHits(ProfiledPlan plan) {
        long hits = plan.dbHits();
        for (ProfiledPlan child : plan.children()) {
            hits += dbHits(child);
        }
        return hits;
    }

    private static void collect(ProfiledPlan plan, List<String> operators) {
        operators.add(plan.operatorType().replace("@neo4j", ""));
        for (ProfiledPlan child : plan.children()) {
            collect(child, operators);
        }
    }
}

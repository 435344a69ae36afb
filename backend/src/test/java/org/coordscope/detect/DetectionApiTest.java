package org.coordscope.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.coordscope.BotShares;
import org.coordscope.GraphTestSupport;
import org.coordscope.TestUsers;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The detection API over real HTTP, the real services and the embedded Neo4j. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "coordscope.neo4j.store=target/test-stores/${random.uuid}",
            "coordscope.neo4j.bolt-port=0",
            "coordscope.neo4j.page-cache=64m",
            "coordscope.demo.enabled=false",
            "spring.main.banner-mode=off",
            "logging.level.root=WARN",
            "coordscope.security.admin-password=" + TestUsers.ADMIN_PASSWORD
        })
class DetectionApiTest extends GraphTestSupport {

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate server) {
        http = TestUsers.admin(server);
    }

    @Autowired
    ImportService importService;

    @TempDir
    Path temp;

    private void importBots(String dataset) throws IOException {
        List<String> lines = BotShares.lines();
        Path file = temp.resolve(dataset + ".csv");
        Files.write(file, lines);
        importService.importFiles(
                new ImportRequest(
                        dataset,
                        SourceFormat.SHARES,
                        "coortweet",
                        List.of(ImportFile.of(file)),
                        10,
                        temp.resolve("errors.csv")),
                ImportProgress.NONE);
    }

    @Test
    void aDetectionStartedOverHttpReportsProgressAndItsResult() throws Exception {
        importBots("a");
        JsonNode options = http.getForObject("/api/detection-options", JsonNode.class);
        assertThat(options.findValuesAsText("id")).contains("co-retweet.window", "near-text.threshold");

        ResponseEntity<JsonNode> started = http.postForEntity(
                "/api/detections", Map.of("options", Map.of("co-retweet.min-support", "2")), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().get("id").asText();
        assertThat(started.getBody().get("dataset").asText()).isEqualTo("a");

        JsonNode job = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            job = http.getForObject("/api/detections/" + id, JsonNode.class);
            if (job.get("status").asText().matches("SUCCEEDED|FAILED")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("clusters").asInt()).isEqualTo(1);
        assertThat(job.get("result").get("suspects").asInt()).isEqualTo(4);

        JsonNode runs = http.getForObject("/api/runs", JsonNode.class);
        assertThat(runs.get("total").asInt()).isEqualTo(1);
        assertThat(runs.get("items").get(0).get("runId").asText()).isEqualTo(id);
        assertThat(runs.get("items").get(0).get("suspects").asInt()).isEqualTo(4);
        // the listed run is the job's result, read back from the run node
        for (String field : List.of("clusters", "suspectClusters", "edges", "persistedEdges", "actions", "top")) {
            assertThat(runs.get("items").get(0).get(field))
                    .as(field)
                    .isEqualTo(job.get("result").get(field));
        }

        // with two datasets and none named, the request is refused with the names
        importBots("b");
        ResponseEntity<String> refused = http.postForEntity("/api/detections", Map.of(), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("a, b");
    }

    /** A run left RUNNING by a killed process is FAILED once the application starts again; finished runs stay. */
    @Test
    void aRunLeftRunningByACrashIsMarkedFailedAtStartUp(
            @Autowired DetectionJobs jobs, @Autowired DetectionStore store) {
        store.createRun("crashed-run", "ds", "{}", "2026-01-01T00:00:00Z");
        store.createRun("finished-run", "ds", "{}", "2026-01-01T00:00:01Z");
        store.finishRun(new DetectionResult(
                "finished-run",
                "ds",
                DetectionResult.DONE,
                null,
                null,
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of("total", 1L),
                List.of()));
        jobs.failInterruptedRuns(); // what ApplicationStartedEvent triggers
        assertThat(store.runs("ds"))
                .extracting(DetectionResult::runId, DetectionResult::status)
                .containsExactlyInAnyOrder(tuple("crashed-run", "FAILED"), tuple("finished-run", "DONE"));
        assertThat(
                        count(
                                "MATCH (r:DetectionRun {id: 'crashed-run'}) WHERE r.error STARTS WITH 'interrupted' RETURN count(r)"))
                .isOne();
    }
}

package org.coordscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coordscope.ApiTestSupport;
import org.coordscope.BotShares;
import org.coordscope.ExploreWorld;
import org.coordscope.jobs.JobStatus;
import org.coordscope.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * One writer per dataset: while an import writes a dataset, a second import, a detection and a deletion of it are
 * refused with 409 and reads of other data answer; the import, the detection and the deletions leave their audit
 * entries.
 */
class DatasetJobsApiTest extends ApiTestSupport {

    static final String DATASET = "busy";

    @Autowired
    ImportJobs jobs;

    private ResponseEntity<JsonNode> upload(String dataset) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ClassPathResource("fixtures/infoops/ira_fixture_users_csv_hashed.csv"));
        body.add("format", "infoops");
        body.add("dataset", dataset);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/imports", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private JsonNode await(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = http.getForObject(path, JsonNode.class);
            if (job.get("status").asText().matches("SUCCEEDED|FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not finished in 5 minutes: " + job);
    }

    private List<JsonNode> entriesSince(long seq) {
        List<JsonNode> entries = new ArrayList<>();
        http.getForObject("/api/admin/audit?size=500", JsonNode.class)
                .get("items")
                .forEach(e -> {
                    if (e.get("seq").asLong() > seq) {
                        entries.add(0, e);
                    }
                });
        return entries;
    }

    @Test
    void writersOfOneDatasetAreRefusedWhileReadsAnswerAndEachWriteIsAudited() throws Exception {
        long before;
        try (var session = driver.session()) {
            before = session.run("MATCH (e:AuditEntry) RETURN coalesce(max(e.seq), 0)")
                    .single()
                    .get(0)
                    .asLong();
        }
        // The import reads a named pipe: it is held mid-way, reading, until the test writes the rows.
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "busy-world");
        Path pipe = dir.resolve("shares.csv");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor())
                .isZero();
        List<ImportFile> files = List.of(ImportFile.of(pipe, "shares.csv"));
        ImportJobs.ImportJob started = jobs.submit("tester", DATASET, SourceFormat.SHARES, "coortweet", files, dir);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!jobs.find(started.id()).orElseThrow().status().equals(JobStatus.RUNNING)) {
            assertThat(System.nanoTime())
                    .as("the import started within 2 minutes")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }

        // while it is queued or running: every other writer of the dataset is refused, saying what holds it
        ResponseEntity<JsonNode> secondImport = upload(DATASET);
        ResponseEntity<JsonNode> detection =
                http.postForEntity("/api/detections", Map.of("dataset", DATASET), JsonNode.class);
        ResponseEntity<JsonNode> deletion =
                http.exchange("/api/datasets/" + DATASET, HttpMethod.DELETE, null, JsonNode.class);
        assertThatThrownBy(() -> jobs.submit("tester", DATASET, SourceFormat.INFOOPS, null, files, dir))
                .isInstanceOf(ConflictException.class);
        // and reads of what is there answer meanwhile
        ResponseEntity<JsonNode> clusters = http.getForEntity("/api/clusters?run=" + world.run(), JsonNode.class);
        String member = clusters.getBody().get("items").get(0).get("id").asText();
        ResponseEntity<JsonNode> cluster =
                http.getForEntity(ExploreWorld.path("/api/clusters/{}", member), JsonNode.class);
        assertThat(http.getForObject("/api/imports/" + started.id(), JsonNode.class)
                        .get("status")
                        .asText())
                .isEqualTo("RUNNING");
        Files.write(pipe, BotShares.lines()); // the import reads them and ends
        for (ResponseEntity<JsonNode> refused : List.of(secondImport, detection, deletion)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().get("detail").asText())
                    .contains("Dataset 'busy' is busy: an import (" + started.id(), "try again");
        }
        assertThat(clusters.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cluster.getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode imported = await("/api/imports/" + started.id());
        assertThat(imported.get("status").asText()).as(imported.toString()).isEqualTo("SUCCEEDED");

        ResponseEntity<JsonNode> detect = http.postForEntity(
                "/api/detections",
                Map.of("dataset", DATASET, "seed", 5, "options", Map.of("co-retweet.window", "120")),
                JsonNode.class);
        assertThat(detect.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String runId = detect.getBody().get("id").asText();
        JsonNode detected = await("/api/detections/" + runId);
        assertThat(detected.get("status").asText()).as(detected.toString()).isEqualTo("SUCCEEDED");
        assertThat(http.exchange("/api/runs/" + runId, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long tweets = http.getForObject("/api/datasets/" + DATASET, JsonNode.class)
                .get("tweets")
                .asLong();
        assertThat(http.exchange("/api/datasets/" + DATASET, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        List<JsonNode> entries = entriesSince(before);
        assertThat(entries)
                .extracting(
                        e -> e.get("action").asText() + " " + e.get("target").asText())
                .containsExactly("import busy", "detect busy", "run.delete " + runId, "dataset.delete busy");
        JsonNode imp = entries.get(0);
        assertThat(imp.get("actor").asText()).isEqualTo("tester");
        assertThat(imp.get("details").get("files").toString()).isEqualTo("[\"shares.csv\"]");
        assertThat(imp.get("details").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(imp.get("details").get("posts").asLong())
                .isEqualTo(imported.get("report").get("posts").asLong());
        assertThat(imp.get("details").get("accounts").asLong())
                .isEqualTo(imported.get("report").get("accounts").asLong());
        assertThat(imp.get("details").get("posts").asLong()).isEqualTo(BotShares.ROWS);
        JsonNode det = entries.get(1).get("details");
        assertThat(det.get("runId").asText()).isEqualTo(runId);
        assertThat(det.get("seed").asLong()).isEqualTo(5);
        assertThat(det.get("options").get("co-retweet.window").asText()).isEqualTo("120");
        assertThat(entries.get(3).get("details").get("tweets").asLong())
                .isEqualTo(tweets)
                .isPositive();
    }
}

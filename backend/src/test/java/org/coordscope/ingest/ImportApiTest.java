package org.coordscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.coordscope.GraphTestSupport;
import org.coordscope.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** The import API over real HTTP, the real services and the embedded Neo4j. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportApiTest extends GraphTestSupport {

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate server) {
        http = TestUsers.admin(server);
    }

    private ResponseEntity<JsonNode> upload(String format, String dataset, String... fixtures) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        for (String fixture : fixtures) {
            body.add("files", new ClassPathResource("fixtures/" + fixture));
        }
        body.add("format", format);
        body.add("dataset", dataset);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/imports", new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void anUploadedImportReportsProgressBadRowsAndLandsInDatasets() throws InterruptedException {
        ResponseEntity<JsonNode> started = upload(
                "infoops",
                "uploaded",
                "infoops/ira_fixture_users_csv_hashed.csv",
                "infoops/ira_fixture_tweets_csv_hashed.csv");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().get("id").asText();

        JsonNode job = finished(id);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.get("report").get("badRows").asLong()).isEqualTo(7);
        assertThat(job.get("report").get("badRowSample").get(0).get("field").asText())
                .isNotBlank();
        assertThat(job.get("report").get("badRowSample").get(0).get("file").asText())
                .as("bad rows name the uploaded file")
                .startsWith("ira_fixture_");

        JsonNode datasets = http.getForObject("/api/datasets", JsonNode.class);
        assertThat(datasets.get("total").asLong()).isEqualTo(1);
        JsonNode uploaded = datasets.get("items").get(0);
        assertThat(uploaded.get("name").asText()).isEqualTo("uploaded");
        assertThat(uploaded.get("source").asText()).isEqualTo("infoops");
        assertThat(uploaded.get("tweets").asLong()).isEqualTo(7);
        // issue 16: the success message said "0 accounts" for 148; the job carries what stats counts
        for (String key : new String[] {"accounts", "tweets", "hashtags", "links"}) {
            assertThat(job.get("stored").get(key).asLong())
                    .as(key)
                    .isEqualTo(uploaded.get(key).asLong());
        }
        assertThat(job.get("stored").get("accounts").asLong()).isPositive();
    }

    /** Issue 16: a failed import left an empty dataset in the list. */
    @Test
    void aFailedUploadLeavesNoDataset() throws InterruptedException {
        ResponseEntity<JsonNode> started =
                upload("telegram", "not-telegram", "infoops/ira_fixture_tweets_csv_hashed.csv");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode job = finished(started.getBody().get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).isNotBlank();
        JsonNode datasets = http.getForObject("/api/datasets", JsonNode.class);
        assertThat(datasets.get("items").findValuesAsText("name")).doesNotContain("not-telegram");
        assertThat(count("MATCH (n {dataset: 'not-telegram'}) RETURN count(n)")).isZero();
    }

    private JsonNode finished(String id) throws InterruptedException {
        JsonNode job = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            job = http.getForObject("/api/imports/" + id, JsonNode.class);
            if (job.get("status").asText().matches("SUCCEEDED|FAILED")) {
                break;
            }
            Thread.sleep(100);
        }
        return job;
    }

    @Test
    void anUnknownFormatIsAClearBadRequest() {
        ResponseEntity<JsonNode> answer = upload("csv-of-doom", "x", "infoops/ira_fixture_tweets_csv_hashed.csv");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asText()).contains("csv-of-doom", "infoops", "twarc2", "shares");
        assertThat(answer.getBody().toString()).doesNotContain("Exception");
    }

    @Test
    void anUnknownJobIs404AndHealthIncludesNeo4j() {
        assertThat(http.getForEntity("/api/imports/nope", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("neo4j").get("status").asText()).isEqualTo("UP");
    }
}

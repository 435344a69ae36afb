package org.coordscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coordscope.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Bad input gets a clear answer: 413 over the upload limit, 415 for what is not a source file, field-level 400s. */
class BadInputApiTest extends ApiTestSupport {

    private ResponseEntity<JsonNode> upload(String name, String contentType, byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(contentType));
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add(
                "files",
                new HttpEntity<>(
                        new ByteArrayResource(content) {
                            @Override
                            public String getFilename() {
                                return name;
                            }
                        },
                        part));
        body.add("format", "infoops");
        body.add("dataset", "rejected");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/imports", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static JsonNode fieldError(ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().toString()).doesNotContain("Exception", "\tat ", "trace");
        return r.getBody().get("errors").get(0);
    }

    @Test
    void anUploadOverTheLimitIs413NamingTheLimitAndWhatToDo() {
        byte[] big = new byte[1_500_000]; // the test profile's limit is 1MB
        Arrays.fill(big, (byte) 'a');
        ResponseEntity<JsonNode> r = upload("tweets.csv", "text/csv", big);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(r.getBody().get("detail").asText()).contains("1MB", "Split the files", "coordscope.upload.max-size");
        assertThat(r.getBody().get("limit").asText()).isEqualTo("1MB");
    }

    @Test
    void whatIsNotASourceFileIs415NamingTheFile() {
        byte[] csv = "userid,tweetid\n1,2\n".getBytes(StandardCharsets.UTF_8);
        Map<String, Object[]> bad = Map.of(
                "photo.png", new Object[] {"image/png", csv, "sent as image/png"},
                "report.pdf", new Object[] {"application/octet-stream", csv, "does not end in"},
                "tweets.csv", new Object[] {"text/csv", new byte[] {'a', ',', 0, 'b'}, "binary data"},
                "tweets.zip", new Object[] {"application/zip", csv, "not a zip archive"},
                "tweets.csv.gz", new Object[] {"application/gzip", csv, "not gzip-compressed"});
        bad.forEach((name, c) -> {
            ResponseEntity<JsonNode> r = upload(name, (String) c[0], (byte[]) c[1]);
            assertThat(r.getStatusCode()).as(name).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(r.getBody().get("detail").asText()).as(name).contains("'" + name + "'", (String) c[2], ".jsonl");
        });
    }

    @Test
    void aScoreThresholdThatIsNotANumberFromZeroToOneIsNamed() {
        for (String value : new String[] {"NaN", "Infinity", "-0.5", "1.5"}) {
            for (String uri : new String[] {
                "/api/clusters?minScore=" + value, "/api/exports/suspects?run=" + world.run() + "&minScore=" + value
            }) {
                JsonNode error = fieldError(http.getForEntity(uri, JsonNode.class));
                assertThat(error.get("field").asText()).as(uri).isEqualTo("minScore");
                assertThat(error.get("message").asText()).as(uri).contains("from 0 to 1");
            }
        }
    }

    @Test
    void wrongFieldsOfJsonBodiesAreNamed() {
        Map<String, Object[]> detection = Map.of(
                "resolution", new Object[] {Map.of("resolution", -1), "must be positive"},
                "seed", new Object[] {Map.of("seed", "abc"), "must be a number"},
                "algorithm", new Object[] {Map.of("algorithm", "magic"), "leiden or label-propagation"},
                "options", new Object[] {Map.of("options", Map.of("no-such.option", "1")), "no-such.option"});
        detection.forEach((field, c) -> {
            JsonNode e = fieldError(http.postForEntity("/api/detections", c[0], JsonNode.class));
            assertThat(e.get("field").asText()).as(field).isEqualTo(field);
            assertThat(e.get("message").asText()).as(field).contains((String) c[1]);
        });

        JsonNode noAccounts = fieldError(http.postForEntity(
                "/api/exports/graph",
                Map.of("run", world.run(), "accounts", List.of(), "format", "gexf"),
                JsonNode.class));
        assertThat(noAccounts.get("field").asText()).isEqualTo("accounts");
        JsonNode format = fieldError(http.postForEntity(
                "/api/exports/graph",
                Map.of("run", world.run(), "accounts", List.of("x"), "format", "pdf"),
                JsonNode.class));
        assertThat(format.get("field").asText()).isEqualTo("format");
        assertThat(format.get("message").asText()).isEqualTo("must be gexf or graphml");

        JsonNode status = fieldError(http.exchange(
                "/api/marks",
                org.springframework.http.HttpMethod.PUT,
                new HttpEntity<>(
                        Map.of("targetType", "account", "targetId", "a", "dataset", "world", "status", "guilty")),
                JsonNode.class));
        assertThat(status.get("field").asText()).isEqualTo("status");

        JsonNode param = fieldError(http.postForEntity(
                "/api/queries/hashtag-amplifiers/run",
                Map.of("params", Map.of("tag", "x", "limit", "ten")),
                JsonNode.class));
        assertThat(param.get("field").asText()).isEqualTo("params.limit");
        assertThat(param.get("message").asText()).contains("whole number", "ten");
    }

    @Test
    void brokenJsonAndUnknownPathsAnswerWithoutStackTraces() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> broken =
                http.postForEntity("/api/detections", new HttpEntity<>("{\"seed\": ", headers), String.class);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getBody()).contains("not valid JSON").doesNotContain("Exception", "\tat ");
        ResponseEntity<String> missing = http.getForEntity("/api/no-such-endpoint", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).doesNotContain("trace", "\tat ", "Exception");
    }
}

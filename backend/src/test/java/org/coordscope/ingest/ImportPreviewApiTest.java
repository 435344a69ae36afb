package org.coordscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.coordscope.ApiTest;
import org.coordscope.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The import wizard's preview and mapping help over HTTP: a file's header and first rows, nothing stored. */
@ApiTest
class ImportPreviewApiTest {

    private static final String CSV = "author,when,\"text, quoted\"\n"
            + "u1,2021-03-01 10:00,\"#ایران_قوی, همه\"\n"
            + "u2,2021-03-01 10:01,b\nu3,t,c\nu4,t,d\nu5,t,e\nu6,t,f\nu7,t,g\n";

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate server) {
        http = TestUsers.admin(server);
    }

    private ResponseEntity<JsonNode> preview(String name, byte[] bytes) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/imports/preview", new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void aCsvShowsItsHeaderAndFiveRows() {
        ResponseEntity<JsonNode> r = preview("shares.csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode p = r.getBody();
        assertThat(p.get("kind").asText()).isEqualTo("csv");
        assertThat(p.get("header").toString()).isEqualTo("[\"author\",\"when\",\"text, quoted\"]");
        assertThat(p.get("rows")).hasSize(5);
        assertThat(p.get("rows").get(0).get(2).asText()).isEqualTo("#ایران_قوی, همه");
    }

    @Test
    void aGzippedCsvAndJsonLinesArePreviewedToo() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        JsonNode p = preview("shares.csv.gz", gz.toByteArray()).getBody();
        assertThat(p.get("header").get(0).asText()).isEqualTo("author");

        JsonNode j = preview(
                        "tweets.jsonl",
                        "{\"id\":\"1\",\"author_id\":\"9\",\"text\":\"hi\"}\n{\"id\":\"2\"}\n"
                                .getBytes(StandardCharsets.UTF_8))
                .getBody();
        assertThat(j.get("kind").asText()).isEqualTo("jsonl");
        assertThat(j.get("header").toString()).isEqualTo("[\"id\",\"author_id\",\"text\"]");
        assertThat(j.get("rows")).hasSize(2);
    }

    @Test
    void anEmptyFileIsRefusedSayingSo() {
        ResponseEntity<JsonNode> r = preview("empty.csv", "\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().toString()).contains("empty.csv is empty");
    }

    @Test
    void theMappingKeysAndPresetsAreListed() {
        JsonNode m = http.getForEntity("/api/imports/mapping", JsonNode.class).getBody();
        assertThat(m.get("keys").findValuesAsText("key")).contains("account", "time", "text", "hashtag");
        assertThat(m.get("presets").findValuesAsText("name")).contains("coortweet", "ira");
    }
}

package org.coordscope.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.coordscope.ApiTest;
import org.coordscope.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The OpenAPI description names the investigator endpoints and the Swagger UI page loads. */
@ApiTest
class OpenApiTest {

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate server) {
        http = TestUsers.admin(server);
    }

    @Test
    void apiDocsAndSwaggerUi() {
        JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(docs.get("openapi").asText()).startsWith("3.");
        JsonNode paths = docs.get("paths");
        for (String p : new String[] {
            "/api/runs",
            "/api/runs/compare",
            "/api/clusters",
            "/api/clusters/{id}",
            "/api/clusters/{id}/graph",
            "/api/clusters/{id}/activity",
            "/api/accounts/{id}",
            "/api/accounts/{id}/neighbours",
            "/api/accounts/{id}/cards",
            "/api/accounts/{id}/posts",
            "/api/edges",
            "/api/edges/cards",
            "/api/search",
            "/api/queries",
            "/api/queries/{name}/run",
            "/api/exports/suspects",
            "/api/exports/evidence",
            "/api/exports/graph",
            "/api/marks",
            "/api/allowlist"
        }) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
        ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).containsIgnoringCase("swagger-ui");
        ResponseEntity<String> entry = http.getForEntity("/swagger-ui.html", String.class);
        assertThat(entry.getStatusCode().is2xxSuccessful()
                        || entry.getStatusCode().is3xxRedirection())
                .isTrue();
    }
}

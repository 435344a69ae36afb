package org.coordscope.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coordscope.ApiTestSupport;
import org.coordscope.ExploreWorld;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The admins' Cypher console: reads answer; every kind of write, and LOAD CSV, is refused saying why. */
class CypherConsoleApiTest extends ApiTestSupport {

    private ResponseEntity<JsonNode> cypher(String query, Map<String, Object> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cypher", query);
        body.put("params", params);
        return http.postForEntity("/api/admin/cypher", body, JsonNode.class);
    }

    private long count(String query) {
        try (var session = driver.session()) {
            return session.run(query).single().get(0).asLong();
        }
    }

    @Test
    void aReadQueryAnswersWithItsParameters() {
        ResponseEntity<JsonNode> r = cypher("MATCH (a:Account {dataset: $d}) RETURN a.id AS id ORDER BY id LIMIT 3",
                Map.of("d", ExploreWorld.DATASET));
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody().get("columns").get(0).asText()).isEqualTo("id");
        assertThat(r.getBody().get("rows")).hasSize(3);
    }

    @Test
    void everyKindOfWriteIsRefusedAndChangesNothing() {
        long accounts = count("MATCH (a:Account) RETURN count(a)");
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("CREATE (:Intruder {x: 1}) RETURN 1", "CREATE");
        writes.put("MERGE (i:Intruder {x: 2}) RETURN i", "MERGE");
        writes.put("MATCH (a:Account) SET a.screenName = 'pwned' RETURN count(a)", "SET");
        writes.put("MATCH (a:Account) SET a:Intruder RETURN count(a)", "SET label");
        writes.put("MATCH (a:Account) WITH a LIMIT 1 DETACH DELETE a RETURN 1", "DETACH DELETE");
        writes.put("MATCH (c:Cluster) WITH c LIMIT 1 REMOVE c.score RETURN 1", "SET");
        writes.put("MATCH (a:Account) WITH collect(a) AS all FOREACH (x IN all | SET x.flag = true) RETURN 1",
                "FOREACH");
        writes.put("CALL db.createLabel('Intruder')", "procedure that writes");
        writes.put("CREATE INDEX intruder IF NOT EXISTS FOR (i:Intruder) ON (i.x)", "writes");
        writes.forEach((query, why) -> {
            ResponseEntity<JsonNode> r = cypher(query, Map.of());
            assertThat(r.getStatusCode()).as(query + " " + r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("detail").asText()).as(query).startsWith("Refused").contains(why)
                    .contains("read-only").doesNotContain("\tat ");
        });
        assertThat(count("MATCH (n:Intruder) RETURN count(n)")).isZero();
        assertThat(count("MATCH (a:Account) RETURN count(a)")).isEqualTo(accounts);
        assertThat(count("MATCH (a:Account {screenName: 'pwned'}) RETURN count(a)")).isZero();
        assertThat(count("MATCH (a:Account) WHERE a.flag IS NOT NULL RETURN count(a)")).isZero();
        assertThat(count("MATCH (c:Cluster) WHERE c.score IS NULL RETURN count(c)")).isZero();
        assertThat(count("SHOW INDEXES YIELD name WHERE name = 'intruder' RETURN count(*)")).isZero();
    }

    @Test
    void loadCsvIsRefusedForFilesAndUrls() {
        for (String source : new String[] {"file:///etc/passwd", "http://localhost:9/x.csv"}) {
            ResponseEntity<JsonNode> r = cypher("LOAD CSV FROM $url AS line RETURN line LIMIT 1",
                    Map.of("url", source));
            assertThat(r.getStatusCode()).as(source).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("detail").asText()).startsWith("Refused").contains("LOAD CSV");
        }
    }

    @Test
    void anEmptyQueryIsAFieldError() {
        ResponseEntity<JsonNode> r = cypher(" ", Map.of());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("errors").get(0).get("field").asText()).isEqualTo("cypher");
        assertThat(r.getBody().get("errors").get(0).get("message").asText()).isEqualTo("must hold a query");
    }
}

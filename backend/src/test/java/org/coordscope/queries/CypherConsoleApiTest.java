package org.coordscope.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
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
        ResponseEntity<JsonNode> r = cypher(
                "MATCH (a:Account {dataset: $d}) RETURN a.id AS id ORDER BY id LIMIT 3",
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
        writes.put(
                "MATCH (a:Account) WITH collect(a) AS all FOREACH (x IN all | SET x.flag = true) RETURN 1", "FOREACH");
        writes.put("CALL db.createLabel('Intruder')", "procedure db.createLabel");
        writes.put("CREATE INDEX intruder IF NOT EXISTS FOR (i:Intruder) ON (i.x)", "writes");
        writes.forEach((query, why) -> {
            ResponseEntity<JsonNode> r = cypher(query, Map.of());
            assertThat(r.getStatusCode()).as(query + " " + r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("detail").asText())
                    .as(query)
                    .startsWith("Refused")
                    .contains(why)
                    .contains("read-only")
                    .doesNotContain("\tat ");
        });
        assertThat(count("MATCH (n:Intruder) RETURN count(n)")).isZero();
        assertThat(count("MATCH (a:Account) RETURN count(a)")).isEqualTo(accounts);
        assertThat(count("MATCH (a:Account {screenName: 'pwned'}) RETURN count(a)"))
                .isZero();
        assertThat(count("MATCH (a:Account) WHERE a.flag IS NOT NULL RETURN count(a)"))
                .isZero();
        assertThat(count("MATCH (c:Cluster) WHERE c.score IS NULL RETURN count(c)"))
                .isZero();
        assertThat(count("SHOW INDEXES YIELD name WHERE name = 'intruder' RETURN count(*)"))
                .isZero();
    }

    @Test
    void loadCsvIsRefusedForFilesAndUrls() {
        for (String source : new String[] {"file:///etc/passwd", "http://localhost:9/x.csv"}) {
            ResponseEntity<JsonNode> r =
                    cypher("LOAD CSV FROM $url AS line RETURN line LIMIT 1", Map.of("url", source));
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

    /** Issue 19: 300 levels of nesting overflowed Neo4j's parser and hung the request ~120 s past the timeout. */
    @Test
    void deeplyNestedQueriesAreRefusedBeforeNeo4jSeesThem() {
        for (String query : List.of(
                "RETURN " + "(".repeat(300) + "1" + ")".repeat(300),
                "RETURN " + "[".repeat(2000) + "]".repeat(2000),
                "RETURN " + "{a: ".repeat(500) + "1" + "}".repeat(500),
                "RETURN " + "NOT ".repeat(3000) + "true")) {
            ResponseEntity<JsonNode> r = cypher(query, Map.of());
            assertThat(r.getStatusCode()).as(query.substring(0, 20)).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("detail").asText()).startsWith("Refused").containsAnyOf("nests", "NOTs");
        }
        // brackets inside strings do not count, and ordinary nesting answers
        ResponseEntity<JsonNode> fine = cypher("RETURN '" + "(".repeat(300) + "' AS s, ((((1 + 2)))) AS n", Map.of());
        assertThat(fine.getStatusCode()).as(String.valueOf(fine.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(fine.getBody().get("rows").get(0).get(1).asInt()).isEqualTo(3);
    }

    /** Issue 19: admins saw every User.passwordHash through the console. */
    @Test
    void theUsersNodesAreOutOfReachHoweverTheQueryGetsAtThem() {
        String userId;
        try (var session = driver.session()) {
            userId = session.run("MATCH (u:User) RETURN elementId(u) LIMIT 1")
                    .single()
                    .get(0)
                    .asString();
        }
        Map<String, Map<String, Object>> attempts = new LinkedHashMap<>();
        attempts.put("MATCH (u:User) RETURN u.passwordHash", Map.of());
        attempts.put("MATCH (u:`User`) RETURN u", Map.of());
        attempts.put("MATCH (u:User) RETURN count(u)", Map.of());
        attempts.put("MATCH (n) RETURN n", Map.of());
        attempts.put("MATCH (n) WHERE n.passwordHash IS NOT NULL RETURN n.passwordHash", Map.of());
        attempts.put("MATCH (n) WHERE n:User RETURN properties(n)", Map.of());
        attempts.put("MATCH (n:!Account) RETURN n LIMIT 50", Map.of());
        attempts.put("MATCH (n:Account|User) RETURN n.passwordHash LIMIT 5000", Map.of());
        attempts.put("MATCH (n) WHERE elementId(n) = $id RETURN n", Map.of("id", userId));
        attempts.put("MATCH (n:$($l)) RETURN n", Map.of("l", "User"));
        attempts.put("MATCH (a:Account) WITH a LIMIT 1 CALL (a) { MATCH (u:User) RETURN u } RETURN u", Map.of());
        attempts.put("MATCH (u:User {username: 'admin'}) RETURN u.username", Map.of());
        attempts.forEach((query, params) -> {
            ResponseEntity<JsonNode> r = cypher(query, params);
            assertThat(r.getStatusCode()).as(query + " " + r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("detail").asText()).as(query).startsWith("Refused");
            assertThat(r.getBody().toString()).doesNotContain("bcrypt", "$2a$");
        });
        // the investigation's own labels still answer
        assertThat(cypher("MATCH (a:Account) RETURN count(a) AS n", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** Issue 19: admins could list and stop other people's transactions and read the server's settings. */
    @Test
    void administrationCommandsAndProceduresAreRefusedSchemaOnesAnswer() {
        for (String query : List.of(
                "SHOW TRANSACTIONS",
                "show transactions yield transactionId RETURN transactionId",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
                "EXPLAIN SHOW TRANSACTIONS",
                "CYPHER runtime=slotted SHOW TRANSACTIONS",
                "// a comment first\nSHOW SETTINGS",
                "SHOW USERS",
                "USE system SHOW DATABASES",
                "CALL dbms.listConfig()",
                "CALL dbms.listConfig() YIELD name RETURN name",
                "CALL dbms.showCurrentUser()",
                "CALL db.stats.retrieve('GRAPH COUNTS')",
                "MATCH (a:Account) WITH a LIMIT 1 CALL dbms.listConfig() YIELD name RETURN name")) {
            ResponseEntity<JsonNode> r = cypher(query, Map.of());
            assertThat(r.getStatusCode()).as(query + " " + r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("detail").asText())
                    .as(query)
                    .startsWith("Refused")
                    .doesNotContain("dbms.security", "server.bolt");
        }
        ResponseEntity<JsonNode> labels = cypher("CALL db.labels() YIELD label RETURN label", Map.of());
        assertThat(labels.getStatusCode()).as(String.valueOf(labels.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(labels.getBody().get("rows").toString()).contains("Account");
    }

    /** Issue 16: a syntax error showed the internal EXPLAIN prefix, with positions counted from it. */
    @Test
    void aSyntaxErrorPointsIntoTheQueryAsWritten() {
        String query = "MATCH (n) RETRN n";
        ResponseEntity<JsonNode> r = cypher(query, Map.of());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String detail = r.getBody().get("detail").asText();
        int column = query.indexOf("RETRN") + 1;
        assertThat(detail)
                .as(detail)
                .doesNotContain("EXPLAIN")
                .contains("(line 1, column " + column + " (offset: " + (column - 1) + "))")
                .contains("\"" + query + "\"");
        // the caret stands under the error in the query as written
        List<String> lines = List.of(detail.split("\n"));
        int quoted = lines.indexOf("\"" + query + "\"");
        assertThat(lines.get(quoted + 1).indexOf('^')).isEqualTo(column);
    }
}

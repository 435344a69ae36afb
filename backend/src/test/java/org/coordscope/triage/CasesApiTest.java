package org.coordscope.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coordscope.ExploreWorld.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.coordscope.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Cases over HTTP on the embedded Neo4j: marks that survive a re-run. Run 1 of dataset {@code cases} has cluster
 * r1/1 = {a, b, c}; run 2 splits it into r2/1 = {a, b} and r2/2 = {c, e}. A mark on r1/1 shows on r2/1 as carried
 * over; an account's mark follows the account; the comparison lists the match with both scores and marks.
 */
class CasesApiTest extends ApiTestSupport {

    @BeforeEach
    void twoRuns() {
        try (var session = driver.session()) {
            session.run("""
                    CREATE (:Dataset {name: 'cases', source: 'infoops'})
                    CREATE (:DetectionRun {id: 'cases-r1', dataset: 'cases', status: 'DONE',
                                           startedAt: datetime('2001-01-01T00:00:00Z')})
                    CREATE (:DetectionRun {id: 'cases-r2', dataset: 'cases', status: 'DONE',
                                           startedAt: datetime('2001-01-02T00:00:00Z')})
                    CREATE (c11:Cluster {id: 'cases-r1/1', run: 'cases-r1', dataset: 'cases', size: 3, score: 0.8,
                                         reasons: []})
                    CREATE (c21:Cluster {id: 'cases-r2/1', run: 'cases-r2', dataset: 'cases', size: 2, score: 0.6,
                                         reasons: []})
                    CREATE (c22:Cluster {id: 'cases-r2/2', run: 'cases-r2', dataset: 'cases', size: 2, score: 0.9,
                                         reasons: []})
                    WITH c11, c21, c22
                    UNWIND [['a', c11, c21], ['b', c11, c21], ['c', c11, c22], ['e', null, c22]] AS m
                    WITH m[0] AS id, m[1] AS before, m[2] AS after
                    CREATE (acc:Account {id: id, dataset: 'cases', screenName: 'user_' + id})
                    CREATE (acc)-[:IN_CLUSTER {run: 'cases-r2', strength: 1.0, score: 0.5, reasons: []}]->(after)
                    FOREACH (c IN CASE WHEN before IS NULL THEN [] ELSE [before] END |
                      CREATE (acc)-[:IN_CLUSTER {run: 'cases-r1', strength: 1.0, score: 0.5, reasons: []}]->(c))
                    """).consume();
        }
    }

    @AfterEach
    void remove() {
        try (var session = driver.session()) {
            session.run("MATCH (n) WHERE n.dataset = 'cases' OR n.name = 'cases' DETACH DELETE n")
                    .consume();
        }
    }

    private ResponseEntity<JsonNode> put(String targetType, String targetId, String status, String assignee) {
        Map<String, String> body = new HashMap<>(Map.of(
                "targetType", targetType,
                "targetId", targetId,
                "dataset", "cases",
                "status", status,
                "note", "seen in the " + targetId + " case"));
        body.put("assignee", assignee); // null: nobody
        return http.exchange("/api/marks", HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private JsonNode cluster(String id) {
        ResponseEntity<JsonNode> r = http.getForEntity(path("/api/clusters/{}", id), JsonNode.class);
        assertThat(r.getStatusCode()).as(r.toString()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @Test
    void aClusterMarkIsCarriedToTheRerunsClusterWithMostOfItsMembers() {
        ResponseEntity<JsonNode> set = put("cluster", "cases-r1/1", "confirmed", "dana");
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody().get("assignee").asText()).isEqualTo("dana");
        assertThat(set.getBody().get("carriedFrom").isNull()).isTrue();

        JsonNode carried = cluster("cases-r2/1").get("summary").get("mark");
        assertThat(carried.get("status").asText()).isEqualTo("confirmed");
        assertThat(carried.get("carriedFrom").asText()).isEqualTo("cases-r1/1");
        assertThat(carried.get("targetId").asText()).isEqualTo("cases-r2/1");
        assertThat(carried.get("assignee").asText()).isEqualTo("dana");
        // the other part, with one of the three members, is not marked
        assertThat(cluster("cases-r2/2").get("summary").get("mark").isNull()).isTrue();
        // the list of the re-run shows it too
        JsonNode list =
                http.getForEntity("/api/clusters?run=cases-r2", JsonNode.class).getBody();
        assertThat(list.get("items").findValues("mark").stream()
                        .filter(m -> !m.isNull())
                        .map(m -> m.get("carriedFrom").asText()))
                .containsExactly("cases-r1/1");

        // a mark set on the new cluster itself wins over the carried one
        put("cluster", "cases-r2/1", "false_positive", null);
        JsonNode own = cluster("cases-r2/1").get("summary").get("mark");
        assertThat(own.get("status").asText()).isEqualTo("false_positive");
        assertThat(own.get("carriedFrom").isNull()).isTrue();
        assertThat(own.get("assignee").isNull()).isTrue();
    }

    @Test
    void anAccountsMarkFollowsTheAccountAndTheComparisonShowsMarksAndScoreChanges() {
        put("account", "c", "needs_review", "omid");
        put("cluster", "cases-r1/1", "confirmed", null);
        JsonNode members = cluster("cases-r2/2").get("members").get("items");
        JsonNode c = null;
        for (JsonNode m : members) {
            if (m.get("accountId").asText().equals("c")) {
                c = m;
            }
        }
        assertThat(c).isNotNull();
        assertThat(c.get("mark").get("status").asText()).isEqualTo("needs_review");
        assertThat(c.get("mark").get("assignee").asText()).isEqualTo("omid");

        ResponseEntity<JsonNode> r = http.getForEntity("/api/runs/compare?from=cases-r1&to=cases-r2", JsonNode.class);
        assertThat(r.getStatusCode()).as(r.toString()).isEqualTo(HttpStatus.OK);
        JsonNode match = r.getBody().get("clusters").get("items").get(0);
        assertThat(match.get("fromCluster").asText()).isEqualTo("cases-r1/1");
        assertThat(match.get("toCluster").asText()).isEqualTo("cases-r2/1");
        assertThat(match.get("members").asLong()).isEqualTo(3);
        assertThat(match.get("shared").asLong()).isEqualTo(2);
        assertThat(match.get("fromScore").asDouble()).isEqualTo(0.8);
        assertThat(match.get("toScore").asDouble()).isEqualTo(0.6);
        assertThat(match.get("scoreChange").asDouble()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(match.get("fromMark").get("status").asText()).isEqualTo("confirmed");
        assertThat(match.get("toMark").get("carriedFrom").asText()).isEqualTo("cases-r1/1");
        // c moved to the other part; its mark comes with the change; e entered
        JsonNode moved = r.getBody().get("moved").get("items");
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).get("accountId").asText()).isEqualTo("c");
        assertThat(moved.get(0).get("mark").get("status").asText()).isEqualTo("needs_review");
        assertThat(r.getBody()
                        .get("entered")
                        .get("items")
                        .get(0)
                        .get("accountId")
                        .asText())
                .isEqualTo("e");
    }

    @Test
    void anOverlongAssigneeIsRefused() {
        ResponseEntity<String> r = http.exchange(
                "/api/marks",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of(
                        "targetType", "account",
                        "targetId", "a",
                        "dataset", "cases",
                        "status", "confirmed",
                        "assignee", "x".repeat(101))),
                String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("assignee");
    }
}

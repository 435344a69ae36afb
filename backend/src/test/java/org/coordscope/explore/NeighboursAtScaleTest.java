package org.coordscope.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coordscope.ExploreWorld.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coordscope.ApiTest;
import org.coordscope.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An account with 100,000 coordination neighbours (a synthetic star written through the driver): the neighbours
 * endpoint answers one capped page, heaviest first, with the full count. The response times are printed for the
 * docs, not asserted.
 */
@ApiTest
class NeighboursAtScaleTest {

    static final int SPOKES = 100_000;
    static final String HUB = "hub/+=";

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate server) {
        http = TestUsers.admin(server);
    }

    @Autowired
    Driver driver;

    @AfterEach
    void removeTheStar() {
        try (var session = driver.session()) {
            session.run(
                            "MATCH (a:Account {dataset: 'star'}) CALL (a) { DETACH DELETE a } IN TRANSACTIONS OF 20000 ROWS")
                    .consume();
            session.run("MATCH (n) WHERE (n:DetectionRun AND n.dataset = 'star') OR (n:Dataset AND n.name = 'star') "
                            + "DETACH DELETE n")
                    .consume();
        }
    }

    @Test
    void aHubWithAHundredThousandNeighboursAnswersOneCappedPageHeaviestFirst() {
        try (var session = driver.session()) {
            session.run("""
                    CREATE (:Dataset {name: 'star'})
                    CREATE (:DetectionRun {id: 'star-run', dataset: 'star', status: 'DONE',
                                           startedAt: datetime('2000-01-01T00:00:00Z')})
                    CREATE (:Account {id: $hub, dataset: 'star', screenName: 'hub'})
                    """, Map.of("hub", HUB)).consume();
            for (int start = 0; start < SPOKES; start += 10_000) {
                int from = start;
                int to = Math.min(SPOKES, start + 10_000) - 1;
                session.executeWriteWithoutResult(tx ->
                        tx.run("""
                        MATCH (hub:Account {id: $hub, dataset: 'star'})
                        UNWIND range($from, $to) AS i
                        CREATE (b:Account {id: 'spoke-' + i, dataset: 'star', screenName: 's' + i})
                        CREATE (hub)-[:COORDINATED {run: 'star-run', weight: toFloat((i * 7919) % 100000) / 1000.0,
                                support: 1, signals: CASE i % 2 WHEN 0 THEN ['co-retweet'] ELSE ['co-link'] END,
                                evidence: '[]'}]->(b)
                        """, Map.of("hub", HUB, "from", from, "to", to)).consume());
            }
        }
        List<Long> millis = new ArrayList<>();
        JsonNode page = null;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            ResponseEntity<JsonNode> r =
                    http.getForEntity(path("/api/accounts/{}/neighbours?size=50&dataset=star", HUB), JsonNode.class);
            millis.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
            page = r.getBody();
        }
        assertThat(page.get("total").asInt()).isEqualTo(SPOKES);
        assertThat(page.get("items")).hasSize(50);
        assertThat(page.get("items").get(0).get("weight").asDouble()).isEqualTo(99.999);
        for (int i = 1; i < 50; i++) {
            assertThat(page.get("items").get(i).get("weight").asDouble())
                    .isLessThanOrEqualTo(
                            page.get("items").get(i - 1).get("weight").asDouble());
        }
        long t0 = System.nanoTime();
        JsonNode filtered = http.getForObject(
                path("/api/accounts/{}/neighbours?size=50&signal=co-link&page=10", HUB), JsonNode.class);
        long filteredMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(filtered.get("total").asInt()).isEqualTo(SPOKES / 2);
        assertThat(filtered.get("items"))
                .allSatisfy(n -> assertThat(n.get("signals").get(0).asText()).isEqualTo("co-link"));
        t0 = System.nanoTime();
        JsonNode detail = http.getForObject(path("/api/accounts/{}?run=star-run", HUB), JsonNode.class);
        long detailMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(detail.get("topCoActors")).hasSize(10);
        System.out.printf(
                "NEIGHBOURS of a hub with %,d neighbours: page of 50 in %s ms (5 calls); signal filter,"
                        + " page 10: %d ms; account detail with top co-actors: %d ms%n",
                SPOKES, millis, filteredMillis, detailMillis);
    }
}

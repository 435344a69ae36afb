package org.coordscope.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.ApiTestSupport;
import org.coordscope.ExploreWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every saved query over HTTP on the generated world, the runner's read-only mode, timeout and row cap. */
class SavedQueriesApiTest extends ApiTestSupport {

    String topCluster;
    List<String> members;

    @BeforeEach
    void cluster() {
        try (var session = driver.session()) {
            topCluster = session.run(
                            "MATCH (c:Cluster {run: $run}) RETURN c.id ORDER BY c.score DESC, c.id LIMIT 1",
                            Map.of("run", world.run()))
                    .single()
                    .get(0)
                    .asString();
            members = session.run(
                            "MATCH (:Cluster {id: $c})<-[m:IN_CLUSTER]-(a) RETURN a.id ORDER BY m.strength DESC",
                            Map.of("c", topCluster))
                    .list(r -> r.get(0).asString());
        }
    }

    private JsonNode run(String name, Map<String, Object> params) {
        ResponseEntity<JsonNode> r =
                http.postForEntity("/api/queries/" + name + "/run", Map.of("params", params), JsonNode.class);
        assertThat(r.getStatusCode()).as(name + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode body = r.getBody();
        System.out.printf(
                "QUERY %s: %d rows in %d ms%n",
                name, body.get("rows").size(), body.get("millis").asLong());
        return body;
    }

    private static int col(JsonNode result, String name) {
        List<String> columns = new java.util.ArrayList<>();
        result.get("columns").forEach(c -> columns.add(c.asText()));
        assertThat(columns).contains(name);
        return columns.indexOf(name);
    }

    private void write(String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher, params).consume());
        }
    }

    @Test
    void theCatalogueListsAtLeastEightQueriesWithTypedParameters() {
        JsonNode list = http.getForObject("/api/queries", JsonNode.class);
        assertThat(list.size()).isGreaterThanOrEqualTo(8);
        for (JsonNode q : list) {
            assertThat(q.get("title").asText()).isNotEqualTo(q.get("name").asText());
            assertThat(q.get("description").asText()).isNotBlank();
            q.get("parameters")
                    .forEach(p ->
                            assertThat(p.get("type").asText()).isIn("string", "int", "float", "datetime", "boolean"));
        }
        JsonNode amplifiers = null;
        for (JsonNode q : list) {
            if (q.get("name").asText().equals("hashtag-amplifiers")) {
                amplifiers = q;
            }
        }
        assertThat(amplifiers.get("parameters").get(0).get("name").asText()).isEqualTo("tag");
        assertThat(amplifiers.get("parameters").get(0).get("required").asBoolean())
                .isTrue();
        assertThat(amplifiers.toString()).contains("\"default\":25");
    }

    @Test
    void hashtagAmplifiersRankAccountsWithinTheRange() {
        String tag;
        try (var session = driver.session()) {
            tag = session.run("""
                    MATCH (:Cluster {id: $c})<-[:IN_CLUSTER]-(:Account)-[:POSTED]->(:Tweet)-[:TAGS]->(h:Hashtag)
                    RETURN h.tag, count(*) AS n ORDER BY n DESC, h.tag LIMIT 1""", Map.of("c", topCluster)).single().get(0).asString();
        }
        JsonNode all = run("hashtag-amplifiers", Map.of("tag", "#" + tag.toUpperCase(), "limit", 10));
        JsonNode rows = all.get("rows");
        assertThat(rows.size()).isPositive();
        int posts = col(all, "posts");
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get(posts).asInt())
                    .isLessThanOrEqualTo(rows.get(i - 1).get(posts).asInt());
        }
        String first = rows.get(0).get(col(all, "firstAt")).asText();
        // a range that starts after the first use leaves those earlier posts out
        JsonNode later = run(
                "hashtag-amplifiers", Map.of("tag", tag, "from", first.substring(0, 10) + "T23:59:59Z", "limit", 1000));
        for (JsonNode r : later.get("rows")) {
            assertThat(r.get(col(later, "firstAt")).asText()).isGreaterThan(first.substring(0, 10) + "T23:59:59Z");
        }
        assertThat(all.get("graph").isNull()).isTrue();
    }

    @Test
    void accountsCreatedInTheSameWeekAsAClustersMembersAreFound() {
        String created;
        try (var session = driver.session()) {
            created = session.run("""
                    MATCH (:Cluster {id: $c})<-[:IN_CLUSTER]-(a:Account) WITH date.truncate('week', a.createdAt) AS w,
                      collect(a.createdAt) AS times ORDER BY size(times) DESC LIMIT 1 RETURN toString(times[0])""", Map.of("c", topCluster)).single().get(0).asString();
        }
        write(
                "CREATE (:Account {id: 'same/week+1=', dataset: $ds, screenName: 'batchmate', createdAt: datetime($t)})",
                Map.of("ds", ExploreWorld.DATASET, "t", created));
        try {
            JsonNode result = run("same-week-accounts", Map.of("cluster", topCluster, "minMembers", 1));
            Set<String> found = new HashSet<>();
            result.get("rows")
                    .forEach(r -> found.add(r.get(col(result, "account")).asText()));
            assertThat(found).contains("same/week+1=").doesNotContainAnyElementsOf(members);
            for (JsonNode r : result.get("rows")) {
                String week = r.get(col(result, "week")).asText();
                assertThat(r.get(col(result, "createdAt")).asText().substring(0, 10))
                        .isGreaterThanOrEqualTo(week);
            }
        } finally {
            write(
                    "MATCH (a:Account {id: 'same/week+1=', dataset: $ds}) DETACH DELETE a",
                    Map.of("ds", ExploreWorld.DATASET));
        }
    }

    @Test
    void linksHashtagsAndMentionsOfAClusterCountMembers() {
        JsonNode links = run("cluster-links", Map.of("cluster", topCluster, "minAccounts", 1));
        for (JsonNode r : links.get("rows")) {
            int accounts = r.get(col(links, "accounts")).asInt();
            assertThat(accounts).isBetween(1, members.size());
            assertThat(r.get(col(links, "postsInDataset")).asInt())
                    .isGreaterThanOrEqualTo(r.get(col(links, "posts")).asInt());
        }
        int withLinks;
        try (var session = driver.session()) {
            withLinks =
                    session.run("""
                    MATCH (:Cluster {id: $c})<-[:IN_CLUSTER]-(:Account)-[:POSTED]->(:Tweet)-[:LINKS_TO]->(l:Link)
                    RETURN count(DISTINCT l)""", Map.of("c", topCluster)).single().get(0).asInt();
        }
        assertThat(links.get("rows").size()).isEqualTo(Math.min(withLinks, 50));
        JsonNode mentions = run("cluster-mentions", Map.of("cluster", topCluster, "minAccounts", 1));
        for (JsonNode r : mentions.get("rows")) {
            assertThat(r.get(col(mentions, "mentionedBy")).asInt()).isBetween(1, members.size());
        }
    }

    @Test
    void fastRetweetersAreThoseWhoRetweetWithinTheWindowAgainAndAgain() {
        String ds = ExploreWorld.DATASET;
        write("""
                CREATE (author:Account {id: 'amp/author', dataset: $ds, screenName: 'author'})
                CREATE (fast:Account {id: 'amp+fast=', dataset: $ds, screenName: 'fast'})
                CREATE (slow:Account {id: 'amp-slow', dataset: $ds, screenName: 'slow'})
                WITH author, fast, slow
                UNWIND range(1, 4) AS i
                CREATE (author)-[:POSTED]->(o:Tweet {id: 'amp-o' + i, dataset: $ds,
                        createdAt: datetime('2021-03-05T10:00:00Z') + duration({hours: i})})
                CREATE (fast)-[:POSTED]->(:Tweet {id: 'amp-f' + i, dataset: $ds, isRetweet: true,
                        createdAt: o.createdAt + duration({seconds: 5 + i})})-[:RETWEETS]->(o)
                CREATE (slow)-[:POSTED]->(:Tweet {id: 'amp-s' + i, dataset: $ds, isRetweet: true,
                        createdAt: o.createdAt + duration({minutes: 30})})-[:RETWEETS]->(o)
                """, Map.of("ds", ds));
        try {
            JsonNode result = run("fast-retweeters", Map.of("account", "amp/author", "minTimes", 3));
            assertThat(result.get("rows")).hasSize(1);
            assertThat(result.get("rows").get(0).get(col(result, "account")).asText())
                    .isEqualTo("amp+fast=");
            assertThat(result.get("rows")
                            .get(0)
                            .get(col(result, "fastRetweets"))
                            .asInt())
                    .isEqualTo(4);
            assertThat(result.get("rows")
                            .get(0)
                            .get(col(result, "medianDelaySeconds"))
                            .asInt())
                    .isBetween(6, 9);
            JsonNode lenient = run("fast-retweeters", Map.of("account", "amp/author", "seconds", 3600));
            assertThat(lenient.get("rows")).hasSize(2);
        } finally {
            write("MATCH (n) WHERE n.dataset = $ds AND n.id STARTS WITH 'amp' DETACH DELETE n", Map.of("ds", ds));
        }
    }

    @Test
    void bridgesTieTwoClustersAndPathsAndNeighbourhoodsComeBackAsGraphs() {
        Map<String, Object> cross;
        try (var session = driver.session()) {
            cross = session.run("""
                    MATCH (c1:Cluster {run: $run})<-[:IN_CLUSTER]-(a:Account)-[e:COORDINATED {run: $run}]-(b:Account)
                          -[:IN_CLUSTER]->(c2:Cluster {run: $run})
                    WHERE c1 <> c2
                    RETURN a.id AS a, c1.id AS c1, c2.id AS c2 ORDER BY e.weight DESC LIMIT 1""", Map.of("run", world.run())).list(r -> r.asMap()).stream()
                    .findFirst()
                    .orElse(null);
        }
        if (cross != null) {
            JsonNode bridges = run("bridge-accounts", Map.of("clusterA", cross.get("c1"), "clusterB", cross.get("c2")));
            Set<String> found = new HashSet<>();
            bridges.get("rows")
                    .forEach(r -> found.add(r.get(col(bridges, "account")).asText()));
            assertThat(found).contains((String) cross.get("a"));
        }
        JsonNode none = run("bridge-accounts", Map.of("clusterA", topCluster, "clusterB", "no/such"));
        assertThat(none.get("rows")).isEmpty();

        String a = members.get(0);
        String b = members.get(members.size() - 1);
        JsonNode path = run("coaction-path", Map.of("from", a, "to", b));
        assertThat(path.get("rows")).hasSize(1);
        assertThat(path.get("rows").get(0).get(col(path, "hops")).asInt()).isBetween(1, 8);
        Set<String> ids = new HashSet<>();
        path.get("graph")
                .get("nodes")
                .forEach(n -> ids.add(n.get("properties").get("id").asText()));
        assertThat(ids).contains(a, b);
        assertThat(path.get("graph").get("edges").size())
                .isEqualTo(path.get("rows").get(0).get(col(path, "hops")).asInt());

        JsonNode around = run("coaction-neighbourhood", Map.of("account", a, "limit", 50));
        assertThat(around.get("rows").size()).isBetween(1, 50);
        JsonNode graph = around.get("graph");
        Set<String> nodeIds = new HashSet<>();
        graph.get("nodes").forEach(n -> nodeIds.add(n.get("id").asText()));
        graph.get("edges")
                .forEach(e -> assertThat(nodeIds)
                        .contains(e.get("source").asText(), e.get("target").asText()));
        assertThat(graph.get("edges").get(0).get("type").asText()).isEqualTo("COORDINATED");
    }

    @Test
    void youngRetweetersHaveHighRatiosAndFewDaysBeforeTheirFirstPost() {
        JsonNode result = run("young-retweeters", Map.of("maxAgeDays", 100_000, "minRatio", 0.5, "limit", 50));
        assertThat(result.get("rows").size()).isPositive();
        double previous = 1.0;
        for (JsonNode r : result.get("rows")) {
            double ratio = r.get(col(result, "retweetRatio")).asDouble();
            assertThat(ratio).isBetween(0.5, previous);
            previous = ratio;
            assertThat(r.get(col(result, "posts")).asInt()).isGreaterThanOrEqualTo(5);
        }
        JsonNode strict = run("young-retweeters", Map.of("maxAgeDays", 0, "minRatio", 0.5, "limit", 1000));
        strict.get("rows")
                .forEach(
                        r -> assertThat(r.get(col(strict, "ageAtFirstPostDays")).asInt())
                                .isLessThanOrEqualTo(0));
    }

    @Test
    void badParametersNameTheParameter() {
        Map<String, Object[]> bad = new HashMap<>();
        bad.put("unknown", new Object[] {"hashtag-amplifiers", Map.of("tag", "x", "colour", "red"), "colour"});
        bad.put("missing", new Object[] {"hashtag-amplifiers", Map.of(), "tag"});
        bad.put("int", new Object[] {"hashtag-amplifiers", Map.of("tag", "x", "limit", "ten"), "limit"});
        bad.put("datetime", new Object[] {"hashtag-amplifiers", Map.of("tag", "x", "from", "yesterday"), "from"});
        bad.forEach((why, c) -> {
            ResponseEntity<JsonNode> r =
                    http.postForEntity("/api/queries/" + c[0] + "/run", Map.of("params", c[1]), JsonNode.class);
            assertThat(r.getStatusCode()).as(why).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("detail").asText()).as(why).contains("'" + c[2] + "'");
        });
        assertThat(http.postForEntity("/api/queries/nope/run", Map.of(), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theRunnerRefusesWritesStopsAtTheTimeoutAndCapsRows() {
        QueryService runner = new QueryService(driver, Duration.ofMillis(200), 5);
        assertThatThrownBy(() -> runner.runCypher("CREATE (:Intruder) RETURN 1", Map.of(), 5))
                .isInstanceOf(IllegalArgumentException.class);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (n:Intruder) RETURN count(n)")
                            .single()
                            .get(0)
                            .asInt())
                    .isZero();
        }
        assertThatThrownBy(() -> runner.runCypher(
                        "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)", Map.of(), 5))
                .hasMessageContaining("ran longer than");
        QueryService.QueryResult capped = runner.runCypher("UNWIND range(1, 10) AS x RETURN x", Map.of(), 5);
        assertThat(capped.rows()).hasSize(5);
        assertThat(capped.truncated()).isTrue();
    }
}

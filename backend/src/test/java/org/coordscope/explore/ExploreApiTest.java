package org.coordscope.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coordscope.ExploreWorld.path;
import static org.coordscope.ExploreWorld.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.ApiTestSupport;
import org.coordscope.ExploreWorld;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Runs, clusters, accounts, neighbours and edges over HTTP on a generated world with hashed ids. */
class ExploreApiTest extends ApiTestSupport {

    private JsonNode get(URI uri) {
        ResponseEntity<JsonNode> r = http.getForEntity(uri, JsonNode.class);
        assertThat(r.getStatusCode()).as(uri + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private JsonNode get(String uri) {
        return get(URI.create(uri));
    }

    private JsonNode topCluster() {
        return get("/api/clusters?run=" + q(world.run()) + "&size=1")
                .get("items")
                .get(0);
    }

    @Test
    void runsArePagesWithCounts() {
        JsonNode runs = get("/api/runs?size=1");
        assertThat(runs.get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(runs.get("size").asInt()).isEqualTo(1);
        assertThat(runs.get("items")).hasSize(1);
        JsonNode mine =
                get("/api/runs?dataset=" + ExploreWorld.DATASET).get("items").get(0);
        assertThat(mine.get("runId").asText()).isEqualTo(world.run());
        assertThat(mine.get("clusters").asInt()).isPositive();
        assertThat(mine.get("status").asText()).isEqualTo("DONE");
    }

    @Test
    void clustersAreListedBestFirstAndFilteredWithPlantedGroupsOnTop() {
        JsonNode page = get("/api/clusters?run=" + q(world.run()) + "&size=500");
        JsonNode items = page.get("items");
        assertThat(page.get("total").asInt()).isEqualTo(items.size()).isPositive();
        double previous = Double.MAX_VALUE;
        for (JsonNode c : items) {
            assertThat(c.get("score").asDouble()).isLessThanOrEqualTo(previous);
            previous = c.get("score").asDouble();
            assertThat(c.get("run").asText()).isEqualTo(world.run());
        }
        JsonNode top = items.get(0);
        assertThat(top.get("dataset").asText()).isEqualTo(ExploreWorld.DATASET);
        assertThat(top.get("signals").size()).isPositive();
        assertThat(top.get("reasons").size()).isPositive();
        assertThat(top.get("createdFrom").asText())
                .isLessThanOrEqualTo(top.get("createdTo").asText());
        assertThat(top.get("mark").isNull()).isTrue();

        // the top cluster's members are planted accounts of one group
        JsonNode detail =
                get(path("/api/clusters/{}?memberSize=500", top.get("id").asText()));
        Set<String> groups = new HashSet<>();
        detail.get("members")
                .get("items")
                .forEach(m -> groups.add(world.truth().get(m.get("accountId").asText())));
        assertThat(groups).hasSize(1).doesNotContain("organic");

        // filters: minScore, signal, sort by size ascending, paging
        JsonNode high = get("/api/clusters?run=" + q(world.run()) + "&minScore=0.5&size=500");
        assertThat(high.get("items"))
                .allSatisfy(c -> assertThat(c.get("score").asDouble()).isGreaterThanOrEqualTo(0.5));
        String signal = top.get("signals").get(0).asText();
        JsonNode bySignal = get("/api/clusters?run=" + q(world.run()) + "&signal=" + signal + "&size=500");
        assertThat(bySignal.get("items"))
                .allSatisfy(c -> assertThat(c.get("signals").toString()).contains(signal));
        JsonNode bySize = get("/api/clusters?run=" + q(world.run()) + "&sort=size&dir=asc&size=500")
                .get("items");
        for (int i = 1; i < bySize.size(); i++) {
            assertThat(bySize.get(i).get("size").asInt())
                    .isGreaterThanOrEqualTo(bySize.get(i - 1).get("size").asInt());
        }
        JsonNode second = get("/api/clusters?run=" + q(world.run()) + "&page=1&size=1");
        assertThat(second.get("page").asInt()).isEqualTo(1);
        if (items.size() > 1) {
            assertThat(second.get("items").get(0).get("id").asText())
                    .isEqualTo(items.get(1).get("id").asText());
        }
        // without run: the newest finished run
        assertThat(get("/api/clusters?dataset=" + ExploreWorld.DATASET + "&size=1")
                        .get("items")
                        .get(0)
                        .get("run")
                        .asText())
                .isEqualTo(world.run());
    }

    @Test
    void aClusterHasMembersSharedObjectsAGraphAndActivity() {
        JsonNode top = topCluster();
        String id = top.get("id").asText();
        assertThat(id).contains("/");
        JsonNode detail = get(path("/api/clusters/{}?memberSize=5", id));
        assertThat(detail.get("summary").get("id").asText()).isEqualTo(id);
        assertThat(detail.get("members").get("total").asInt())
                .isEqualTo(top.get("size").asInt());
        assertThat(detail.get("members").get("items"))
                .hasSize(Math.min(5, top.get("size").asInt()));
        JsonNode member = detail.get("members").get("items").get(0);
        assertThat(member.get("score").asDouble()).isPositive();
        assertThat(member.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode object = detail.get("topObjects").get(0);
        assertThat(object.get("accounts").asInt()).isGreaterThan(1);
        assertThat(object.get("actions").asInt())
                .isGreaterThanOrEqualTo(object.get("accounts").asInt());
        assertThat(object.get("firstAt").asText())
                .isLessThanOrEqualTo(object.get("lastAt").asText());

        JsonNode graph = get(path("/api/clusters/{}/graph", id));
        assertThat(graph.get("truncated").asBoolean()).isFalse();
        assertThat(graph.get("nodes")).hasSize(top.get("size").asInt());
        assertThat(graph.get("totalEdges").asInt())
                .isEqualTo(graph.get("edges").size())
                .isPositive();
        Set<String> nodeIds = new HashSet<>();
        graph.get("nodes").forEach(n -> nodeIds.add(n.get("id").asText()));
        JsonNode edge = graph.get("edges").get(0);
        assertThat(nodeIds)
                .contains(edge.get("source").asText(), edge.get("target").asText());
        assertThat(edge.get("firstAt").asText())
                .isLessThanOrEqualTo(edge.get("lastAt").asText());
        assertThat(edge.get("signals").size()).isPositive();

        JsonNode capped = get(path("/api/clusters/{}/graph?limit=3&edgeLimit=2", id));
        assertThat(capped.get("truncated").asBoolean()).isTrue();
        assertThat(capped.get("nodes")).hasSize(3);
        assertThat(capped.get("edges").size()).isLessThanOrEqualTo(2);
        assertThat(capped.get("totalNodes").asInt()).isEqualTo(top.get("size").asInt());
        double strongest = graph.get("nodes").get(0).get("strength").asDouble();
        assertThat(capped.get("nodes").get(0).get("strength").asDouble()).isEqualTo(strongest);

        JsonNode activity = get(path("/api/clusters/{}/activity?buckets=10", id));
        assertThat(activity.get("counts")).hasSizeLessThanOrEqualTo(10);
        long posts = 0;
        for (JsonNode c : activity.get("counts")) {
            posts += c.asLong();
        }
        assertThat(posts).isGreaterThanOrEqualTo(top.get("size").asLong());
        assertThat(activity.get("bucketSeconds").asLong()).isPositive();
    }

    @Test
    void anAccountWithAHashedIdHasProfileMembershipsNeighboursAndEdges() {
        JsonNode top = topCluster();
        String account = null;
        for (JsonNode m : get(path(
                        "/api/clusters/{}?memberSize=500", top.get("id").asText()))
                .get("members")
                .get("items")) {
            String id = m.get("accountId").asText();
            if (id.contains("/") || id.contains("+")) {
                account = id;
                break;
            }
        }
        assertThat(account)
                .as("the generated group has a hashed id with / or +")
                .isNotNull();

        JsonNode detail = get(path("/api/accounts/{}", account));
        assertThat(detail.get("id").asText()).isEqualTo(account);
        assertThat(detail.get("dataset").asText()).isEqualTo(ExploreWorld.DATASET);
        assertThat(detail.get("posts").asInt()).isPositive();
        assertThat(detail.get("memberships").get(0).get("clusterId").asText())
                .isEqualTo(top.get("id").asText());
        assertThat(detail.get("topCoActors").size()).isPositive();
        assertThat(detail.get("activity").get("counts").size()).isPositive();
        assertThat(detail.get("allowlisted").asBoolean()).isFalse();

        JsonNode neighbours = get(path("/api/accounts/{}/neighbours?size=3", account));
        assertThat(neighbours.get("items").size()).isLessThanOrEqualTo(3);
        assertThat(neighbours.get("total").asInt())
                .isGreaterThanOrEqualTo(neighbours.get("items").size());
        JsonNode all =
                get(path("/api/accounts/{}/neighbours?size=500", account)).get("items");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("weight").asDouble())
                    .isLessThanOrEqualTo(all.get(i - 1).get("weight").asDouble());
        }
        String other = all.get(0).get("id").asText();
        assertThat(all.get(0).get("clusterId").asText()).isNotBlank();
        String signal = all.get(0).get("signals").get(0).asText();
        assertThat(get(path("/api/accounts/{}/neighbours?size=500&signal=" + signal, account))
                        .get("items"))
                .allSatisfy(n -> assertThat(n.get("signals").toString()).contains(signal));

        JsonNode edge = get("/api/edges?run=" + q(world.run()) + "&a=" + q(account) + "&b=" + q(other));
        assertThat(edge.get("a").asText()).isEqualTo(account);
        assertThat(edge.get("weight").asDouble())
                .isEqualTo(all.get(0).get("weight").asDouble());
        JsonNode ev = edge.get("evidence").get(0);
        assertThat(ev.get("kind").asText()).isNotBlank();
        assertThat(ev.get("gapSeconds").asLong()).isGreaterThanOrEqualTo(0);
        // the other way round the times swap
        JsonNode reverse = get("/api/edges?a=" + q(other) + "&b=" + q(account));
        assertThat(reverse.get("evidence").get(0).get("timeA").asText())
                .isEqualTo(ev.get("timeB").asText());
    }

    @Test
    void everyIdCarryingUrlAcceptsSlashPlusAndEquals() {
        // an id with every awkward character, in its own dataset, clustered with a partner in its own run
        String id = "+Ab/cd==";
        String partner = "x/y+z=";
        String cluster = "odd-run/1";
        try (var session = driver.session()) {
            session.run("""
                    CREATE (:Dataset {name: 'odd'})
                    CREATE (:DetectionRun {id: 'odd-run', dataset: 'odd', status: 'DONE',
                                           startedAt: datetime('2000-01-01T00:00:00Z')})
                    CREATE (a:Account {id: $id, dataset: 'odd', screenName: 'odd'})
                    CREATE (b:Account {id: $partner, dataset: 'odd', screenName: 'partner'})
                    CREATE (c:Cluster {id: $cluster, run: 'odd-run', dataset: 'odd', size: 2, score: 0.9, reasons: ['r']})
                    CREATE (a)-[:IN_CLUSTER {run: 'odd-run', strength: 1.0, score: 0.9, reasons: []}]->(c)
                    CREATE (b)-[:IN_CLUSTER {run: 'odd-run', strength: 1.0, score: 0.9, reasons: []}]->(c)
                    CREATE (a)-[:COORDINATED {run: 'odd-run', weight: 2.0, support: 1, signals: ['co-retweet'],
                        evidence: '[{"signal":"co-retweet","object":"t/1","idf":1.0,"timeA":"2021-03-01T00:00:00Z","timeB":"2021-03-01T00:00:05Z"}]'}]->(b)
                    CREATE (t:Tweet {id: 't/1+', dataset: 'odd', createdAt: datetime('2021-03-01T00:00:00Z')})
                    CREATE (a)-[:POSTED]->(t)
                    """, Map.of("id", id, "partner", partner, "cluster", cluster))
                    .consume();
        }
        try {
            List<URI> urls = new ArrayList<>(List.of(
                    path("/api/accounts/{}?run=odd-run", id),
                    path("/api/accounts/{}/neighbours?run=odd-run", id),
                    URI.create("/api/edges?run=odd-run&a=" + q(id) + "&b=" + q(partner)),
                    path("/api/clusters/{}", cluster),
                    path("/api/clusters/{}/graph", cluster),
                    path("/api/clusters/{}/activity", cluster)));
            for (URI url : urls) {
                assertThat(url.toString()).contains("%2F");
                JsonNode body = get(url);
                if (!url.getPath().endsWith("/activity")) {
                    assertThat(body.toString()).as(url.toString()).containsAnyOf(id, partner);
                }
            }
            assertThat(get(urls.get(5)).get("counts").toString()).isEqualTo("[1]");
            assertThat(get(urls.get(0)).get("id").asText()).isEqualTo(id);
            assertThat(get(urls.get(1)).get("items").get(0).get("id").asText()).isEqualTo(partner);
            assertThat(get(urls.get(3)).get("summary").get("id").asText()).isEqualTo(cluster);
        } finally {
            try (var session = driver.session()) {
                session.run("MATCH (n) WHERE n.dataset = 'odd' OR n.name = 'odd' DETACH DELETE n")
                        .consume();
                session.run("MATCH (r:DetectionRun {id: 'odd-run'}) DELETE r").consume();
            }
        }
    }

    @Test
    void searchFindsAccountsByNameAndExactIdHashtagsAndLinks() {
        Map<String, Object> sample;
        try (var session = driver.session()) {
            sample = session.run("""
                    MATCH (a:Account {dataset: $ds})-[:POSTED]->(:Tweet)-[:TAGS]->(h:Hashtag)
                    WHERE a.screenName =~ '[A-Za-z]{4}.*' AND a.id CONTAINS '/'
                    MATCH (:Tweet {dataset: $ds})-[:LINKS_TO]->(l:Link)
                    RETURN a.id AS id, a.screenName AS name, h.tag AS tag, l.url AS url LIMIT 1
                    """, Map.of("ds", ExploreWorld.DATASET))
                    .single()
                    .asMap();
        }
        String name = (String) sample.get("name");
        JsonNode byName = get("/api/search?q=" + q(name.substring(0, 4).toUpperCase()) + "&size=500");
        Set<String> labels = new HashSet<>();
        byName.get("items").forEach(h -> labels.add(h.get("label").asText()));
        assertThat(labels).contains(name);
        JsonNode byId = get("/api/search?q=" + q((String) sample.get("id")));
        assertThat(byId.get("items").get(0).get("type").asText()).isEqualTo("account");
        assertThat(byId.get("items").get(0).get("id").asText()).isEqualTo(sample.get("id"));
        JsonNode byTag = get("/api/search?q=" + q("#" + sample.get("tag")));
        assertThat(byTag.get("items")).anySatisfy(h -> {
            assertThat(h.get("type").asText()).isEqualTo("hashtag");
            assertThat(h.get("id").asText()).isEqualTo(sample.get("tag"));
            assertThat(h.get("detail").asText()).endsWith("posts");
        });
        String url = (String) sample.get("url");
        JsonNode byUrl = get("/api/search?q=" + q(url.substring(url.length() / 2)));
        assertThat(byUrl.get("items"))
                .anySatisfy(h -> assertThat(h.get("id").asText()).isEqualTo(url));
        JsonNode paged = get("/api/search?q=" + q(name.substring(0, 1)) + "&size=2&page=1");
        assertThat(paged.get("items").size()).isLessThanOrEqualTo(2);
        assertThat(paged.get("total").asInt())
                .isGreaterThanOrEqualTo(paged.get("items").size());
        // query syntax in the text is only text
        assertThat(get("/api/search?q=" + q("a:b OR (c* AND \\")).get("total").asInt())
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        Map<String, String> bad = Map.of(
                "/api/clusters?size=0", "size",
                "/api/clusters?page=-1", "page",
                "/api/clusters?sort=colour", "sort",
                "/api/clusters?minScore=abc", "minScore",
                "/api/clusters?run=no-such-run", "no-such-run",
                "/api/runs?size=501", "size",
                "/api/edges?a=x", "b",
                "/api/search?q=", "q");
        bad.forEach((url, field) -> {
            ResponseEntity<JsonNode> r = http.getForEntity(url, JsonNode.class);
            assertThat(r.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("detail").asText()).as(url).contains(field);
        });
        String cluster = topCluster().get("id").asText();
        ResponseEntity<JsonNode> r = http.getForEntity(path("/api/clusters/{}/graph?limit=0", cluster), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("detail").asText()).contains("limit");
        r = http.getForEntity(path("/api/clusters/{}?memberSize=9999", cluster), JsonNode.class);
        assertThat(r.getBody().get("detail").asText()).contains("memberSize");
        assertThat(http.getForEntity(path("/api/accounts/{}", "nobody/here"), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity(path("/api/clusters/{}", "no/cluster"), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}

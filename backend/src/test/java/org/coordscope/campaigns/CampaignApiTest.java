package org.coordscope.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coordscope.ExploreWorld.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.coordscope.ApiTestSupport;
import org.coordscope.ExploreWorld;
import org.coordscope.explore.PersianEdgeFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Campaigns over HTTP on the embedded Neo4j: the Persian fixture's hashtag, pushed by a suspect cluster's two
 * members and once by an account outside any cluster; and the generated world's hashtags, counted against the store.
 */
class CampaignApiTest extends ApiTestSupport {

    @BeforeEach
    void fixture() {
        PersianEdgeFixture.create(driver);
        try (var session = driver.session()) {
            // an organic poster of the same hashtag, three hours later, in no cluster
            session.run("""
                    MATCH (h:Hashtag {tag: $tag, dataset: 'cards'})
                    CREATE (o:Account {id: '2001', dataset: 'cards', screenName: 'organic'})
                    CREATE (o)-[:POSTED]->(:Tweet {id: '1100000000000000099', dataset: 'cards', text: 'یک پست',
                                                  createdAt: datetime('2021-03-02T15:10:00Z')})-[:TAGS]->(h)
                    """, Map.of("tag", PersianEdgeFixture.HASHTAG)).consume();
        }
    }

    @AfterEach
    void remove() {
        PersianEdgeFixture.remove(driver);
    }

    private JsonNode get(String uri) {
        ResponseEntity<JsonNode> r = http.getForEntity(URI.create(uri), JsonNode.class);
        assertThat(r.getStatusCode()).as(uri + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @Test
    void aHashtagsVolumeSplitsIntoTheSuspectClustersShareAndTheRest() {
        JsonNode c = get("/api/campaigns?kind=hashtag&dataset=cards&value=" + q("#" + PersianEdgeFixture.HASHTAG));
        assertThat(c.get("value").asText()).isEqualTo(PersianEdgeFixture.HASHTAG);
        assertThat(c.get("run").asText()).isEqualTo(PersianEdgeFixture.RUN);
        assertThat(c.get("posts").asLong()).isEqualTo(3);
        assertThat(c.get("accounts").asLong()).isEqualTo(3);
        assertThat(c.get("suspectPosts").asLong()).isEqualTo(2);
        assertThat(c.get("suspectShare").asDouble()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        // 12:00 to 15:10: 3 h 10 min fits in 120 buckets of 5 minutes
        assertThat(c.get("bucketSeconds").asLong()).isEqualTo(300);
        long sum = 0;
        for (JsonNode v : c.get("volume")) {
            sum += v.asLong();
        }
        assertThat(sum).isEqualTo(3);
        assertThat(c.get("volume").get(0).asLong()).isEqualTo(2); // both members within 90 s
        assertThat(c.get("hours").get(12).asLong()).isEqualTo(2);
        assertThat(c.get("hours").get(15).asLong()).isEqualTo(1);
        assertThat(c.get("peakHours").get(0).asInt()).isEqualTo(12);

        JsonNode cluster = c.get("clusters").get(0);
        assertThat(c.get("clusters")).hasSize(1);
        assertThat(cluster.get("id").asText()).isEqualTo(PersianEdgeFixture.CLUSTER);
        assertThat(cluster.get("suspect").asBoolean()).isTrue();
        assertThat(cluster.get("posts").asLong()).isEqualTo(2);
        assertThat(cluster.get("accounts").asLong()).isEqualTo(2);
        assertThat(cluster.get("volume").get(0).asLong()).isEqualTo(2);
        assertThat(cluster.get("name").asText()).isNotBlank();

        // the backers are the cluster's members, not the organic poster
        assertThat(c.get("backers")).hasSize(2);
        assertThat(c.get("backers").findValuesAsText("accountId"))
                .containsExactlyInAnyOrder(PersianEdgeFixture.A, PersianEdgeFixture.B);
        assertThat(c.get("backers").get(0).get("firstAt").asText()).startsWith("2021-03-02T12:0");
    }

    @Test
    void aLineOfTextARetweetedTweetAndAnUnknownHashtag() {
        JsonNode line = get("/api/campaigns?kind=text&dataset=cards&value=" + q("همه با هم"));
        assertThat(line.get("posts").asLong()).isEqualTo(1);
        // a shortened text, as near-text objects and names show it, is looked for without its ellipsis
        JsonNode shortened = get("/api/campaigns?kind=text&dataset=cards&value=" + q("همه با…"));
        assertThat(shortened.get("value").asText()).isEqualTo("همه با");
        assertThat(shortened.get("posts").asLong()).isEqualTo(1);
        assertThat(line.get("backers").get(0).get("accountId").asText()).isEqualTo(PersianEdgeFixture.A);

        JsonNode retweet = get("/api/campaigns?kind=retweet&run=cards-run&value=1100000000000000001");
        assertThat(retweet.get("dataset").asText()).isEqualTo("cards");
        assertThat(retweet.get("posts").asLong()).isEqualTo(2);
        assertThat(retweet.get("suspectShare").asDouble()).isEqualTo(1.0);

        JsonNode none = get("/api/campaigns?kind=hashtag&dataset=cards&value=nothing_like_it");
        assertThat(none.get("posts").asLong()).isZero();
        assertThat(none.get("volume")).isEmpty();
        assertThat(none.get("from").isNull()).isTrue();
    }

    @Test
    void theWorldsHashtagsCountWhatTheStoreHolds() {
        Map<String, Object> top;
        try (var session = driver.session()) {
            top = session.run("""
                    MATCH (h:Hashtag {dataset: $dataset})<-[:TAGS]-(t:Tweet) WHERE t.createdAt IS NOT NULL
                      AND EXISTS { (:Account)-[:POSTED]->(t) }
                    WITH h, count(t) AS posts ORDER BY posts DESC, h.tag LIMIT 1
                    RETURN h.tag AS tag, posts
                    """, Map.of("dataset", ExploreWorld.DATASET))
                    .single()
                    .asMap();
        }
        JsonNode c = get("/api/campaigns?kind=hashtag&dataset=" + ExploreWorld.DATASET + "&value="
                + q(String.valueOf(top.get("tag"))));
        assertThat(c.get("posts").asLong()).isEqualTo(((Number) top.get("posts")).longValue());
        assertThat(c.get("run").asText()).isEqualTo(world.run());
        long clustered = 0;
        for (JsonNode cluster : c.get("clusters")) {
            clustered += cluster.get("posts").asLong();
        }
        assertThat(clustered).isLessThanOrEqualTo(c.get("posts").asLong());
        assertThat(c.get("suspectPosts").asLong()).isLessThanOrEqualTo(clustered);
    }

    @Test
    void badRequestsSayWhatToSend() {
        ResponseEntity<String> kind =
                http.getForEntity("/api/campaigns?kind=emoji&value=x&dataset=cards", String.class);
        assertThat(kind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(kind.getBody()).contains("kind must be one of");
        ResponseEntity<String> noDataset = http.getForEntity("/api/campaigns?kind=hashtag&value=x", String.class);
        assertThat(noDataset.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noDataset.getBody()).contains("dataset is required");
        ResponseEntity<String> shortLine =
                http.getForEntity("/api/campaigns?kind=text&value=ab&dataset=cards", String.class);
        assertThat(shortLine.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(shortLine.getBody()).contains("at least 4 characters");
    }
}

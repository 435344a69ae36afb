package org.coordscope.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coordscope.ExploreWorld.path;
import static org.coordscope.ExploreWorld.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.coordscope.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Evidence cards and account posts over HTTP: a hand-built edge whose posts are known (Persian texts, a retweet of
 * a known original, two posts in one second), and the generated world, whose cards are checked against the store.
 */
class EvidenceCardsApiTest extends ApiTestSupport {

    private static final String A = PersianEdgeFixture.A;
    private static final String B = PersianEdgeFixture.B;
    private static final String ORIGINAL_TEXT = PersianEdgeFixture.ORIGINAL_TEXT;

    @BeforeEach
    void edgeWithKnownPosts() {
        PersianEdgeFixture.create(driver);
    }

    @AfterEach
    void removeIt() {
        PersianEdgeFixture.remove(driver);
    }

    private JsonNode get(URI uri) {
        ResponseEntity<JsonNode> r = http.getForEntity(uri, JsonNode.class);
        assertThat(r.getStatusCode()).as(uri + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @Test
    void anEdgesCardsShowBothPostsNewestFirstWithTheOriginalOfARetweet() {
        JsonNode page = get(URI.create("/api/edges/cards?run=cards-run&a=" + A + "&b=" + B));
        assertThat(page.get("total").asInt()).isEqualTo(2);

        JsonNode hashtag = page.get("items").get(0); // 2021-03-02, the newer
        assertThat(hashtag.get("signal").asText()).isEqualTo("co-hashtag");
        assertThat(hashtag.get("timeA").asText()).isEqualTo("2021-03-02T12:00:00Z");
        assertThat(hashtag.get("gapSeconds").asLong()).isEqualTo(90);
        assertThat(hashtag.get("coActorScreenName").asText()).isEqualTo("bahar");
        // two posts of A in that second: the one with the hashtag is the evidence
        assertThat(hashtag.get("postA").get("text").asText()).isEqualTo(PersianEdgeFixture.TEXT_A);
        assertThat(hashtag.get("postA").get("source").asText()).isEqualTo("tweets.csv:51");
        assertThat(hashtag.get("postB").get("text").asText()).isEqualTo(PersianEdgeFixture.TEXT_B);
        assertThat(hashtag.get("postB").get("url").asText())
                .isEqualTo("https://twitter.com/i/web/status/1100000000000000006");

        JsonNode retweet = page.get("items").get(1);
        assertThat(retweet.get("signal").asText()).isEqualTo("co-retweet");
        assertThat(retweet.get("postA").get("id").asText()).isEqualTo("1100000000000000002");
        assertThat(retweet.get("postA").get("time").asText()).isEqualTo("2021-03-01T10:00:00Z");
        assertThat(retweet.get("postB").get("source").asText()).isEqualTo("tweets.csv:40");
        JsonNode original = retweet.get("postA").get("original");
        assertThat(original.get("text").asText()).isEqualTo(ORIGINAL_TEXT);
        assertThat(original.get("authorScreenName").asText()).isEqualTo("origin");
        assertThat(retweet.get("postB").get("original").get("id").asText()).isEqualTo("1100000000000000001");

        // paged: the second page of one is the older card; from B's side the posts swap
        JsonNode second = get(URI.create("/api/edges/cards?run=cards-run&a=" + A + "&b=" + B + "&size=1&page=1"));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("signal").asText()).isEqualTo("co-retweet");
        JsonNode fromB = get(URI.create("/api/edges/cards?run=cards-run&a=" + B + "&b=" + A))
                .get("items")
                .get(1);
        assertThat(fromB.get("postA").get("id").asText()).isEqualTo("1100000000000000003");
        assertThat(fromB.get("coActorId").asText()).isEqualTo(A);
    }

    @Test
    void anAccountsCardsCoverItsEdgesAndItsPostsComeNewestFirst() {
        JsonNode cards = get(path("/api/accounts/{}/cards?run=cards-run", A));
        assertThat(cards.get("total").asInt()).isEqualTo(2);
        assertThat(cards.get("items"))
                .allSatisfy(c -> assertThat(c.get("coActorId").asText()).isEqualTo(B));

        JsonNode posts = get(path("/api/accounts/{}/posts?dataset=cards&size=2", A));
        assertThat(posts.get("total").asInt()).isEqualTo(3);
        assertThat(posts.get("items")).hasSize(2);
        Instant first = Instant.parse(posts.get("items").get(0).get("time").asText());
        Instant second = Instant.parse(posts.get("items").get(1).get("time").asText());
        assertThat(first).isAfterOrEqualTo(second).isEqualTo(Instant.parse("2021-03-02T12:00:00Z"));
        JsonNode last = get(path("/api/accounts/{}/posts?dataset=cards&size=2&page=1", A))
                .get("items")
                .get(0);
        assertThat(last.get("id").asText()).isEqualTo("1100000000000000002");
        assertThat(last.get("original").get("authorId").asText()).isEqualTo("1003");
    }

    @Test
    void theClusterIsNamedByWhatItPushedAndCarriesTheSuspectThreshold() {
        JsonNode cluster =
                get(URI.create("/api/clusters?run=cards-run")).get("items").get(0);
        // both objects are shared by both members once: the tie goes to the first object, the retweeted tweet,
        // named by its author
        assertThat(cluster.get("name").asText()).isEqualTo("retweets of @origin");
        assertThat(cluster.get("suspectThreshold").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void noEdgeIsNotFoundAndABadPageIsRefused() {
        ResponseEntity<String> none =
                http.getForEntity("/api/edges/cards?run=cards-run&a=" + A + "&b=1003", String.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getBody()).contains("No coordination edge");
        ResponseEntity<String> bad =
                http.getForEntity(path("/api/accounts/{}/posts?dataset=cards&size=0", A), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("size");
    }

    @Test
    void theWorldsCardsAreTheAccountsOwnPostsAtTheEvidenceTimes() {
        JsonNode top = get(URI.create("/api/clusters?run=" + q(world.run()) + "&size=1"))
                .get("items")
                .get(0);
        String account = get(path("/api/clusters/{}?memberSize=1", top.get("id").asText()))
                .get("members")
                .get("items")
                .get(0)
                .get("accountId")
                .asText();
        JsonNode cards = get(path("/api/accounts/{}/cards?size=50&run=" + q(world.run()), account))
                .get("items");
        assertThat(cards.size()).isPositive();
        int withBoth = 0;
        for (JsonNode c : cards) {
            for (String side : new String[] {"A", "B"}) {
                JsonNode post = c.get("post" + side);
                if (post.isNull()) {
                    continue;
                }
                String owner = side.equals("A") ? account : c.get("coActorId").asText();
                try (var session = driver.session()) {
                    var r = session.run(
                                    """
                            MATCH (a:Account {id: $owner, dataset: 'world'})-[:POSTED]->(t:Tweet {id: $id, dataset: 'world'})
                            RETURN t.createdAt = datetime($time) AS atTime, t.source AS source
                            """,
                                    Map.of(
                                            "owner",
                                            owner,
                                            "id",
                                            post.get("id").asText(),
                                            "time",
                                            c.get("time" + side).asText()))
                            .single();
                    assertThat(r.get("atTime").asBoolean()).as(c.toString()).isTrue();
                    assertThat(post.get("source").asText())
                            .isEqualTo(r.get("source").asString());
                }
                if (c.get("signal").asText().equals("co-retweet")) {
                    assertThat(post.get("original").get("id").asText())
                            .isEqualTo(c.get("object").asText());
                }
            }
            withBoth += c.get("postA").isNull() || c.get("postB").isNull() ? 0 : 1;
        }
        assertThat(withBoth).as("cards with both posts found").isPositive();
    }
}

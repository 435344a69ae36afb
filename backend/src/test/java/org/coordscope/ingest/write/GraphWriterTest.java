package org.coordscope.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.PostRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GraphTest
class GraphWriterTest extends GraphTestSupport {

    @Autowired
    GraphWriter writer;

    private static final AccountRecord ALICE = new AccountRecord(
            "+a/b=", "alice", "Alice", Instant.parse("2019-10-01T00:00:00Z"), 12L, 3L, "en", null, "", null);

    private static PostRecord retweet(String id, String author, String original) {
        return new PostRecord(
                id,
                AccountRecord.ofId(author),
                Instant.parse("2020-01-01T10:00:00Z"),
                "RT @x: hi #Vote",
                "en",
                "Twitter Web App",
                original,
                "official",
                null,
                null,
                null,
                List.of("Vote", "#VOTE"),
                List.of("http://www.Example.com/a?utm_source=x", "https://example.com/a/"),
                List.of(),
                List.of(),
                List.of("official"),
                List.of("x"),
                "t.csv:2");
    }

    @Test
    void writingTheSameBatchTwiceChangesNothing() {
        List<PostRecord> posts = List.of(retweet("1", "+a/b=", "100"), retweet("2", "bob", "100"));
        writer.write("d", "twitter", List.of(ALICE), posts);
        String everything =
                "MATCH (n {dataset: 'd'}) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) * 1000000 + count(r)";
        long first = count(everything);
        writer.write("d", "twitter", List.of(ALICE), posts);
        assertThat(count(everything)).isEqualTo(first);

        // 3 accounts (+a/b=, bob, official), 2 posts + 1 original, 1 link, 1 hashtag, 1 domain
        assertThat(count("MATCH (a:Account {dataset: 'd'}) RETURN count(a)")).isEqualTo(3);
        assertThat(count("MATCH (t:Tweet {dataset: 'd'}) RETURN count(t)")).isEqualTo(3);
        assertThat(
                        count(
                                "MATCH (:Account {id: 'official'})-[:POSTED]->(o:Tweet {id: '100'}) WHERE o.createdAt IS NULL RETURN count(o)"))
                .isEqualTo(1);
        assertThat(count("MATCH (t:Tweet)-[:RETWEETS]->(:Tweet {id: '100'}) RETURN count(t)"))
                .isEqualTo(2);
        assertThat(
                        count(
                                "MATCH (:Tweet {id: '1'})-[:LINKS_TO]->(l:Link {url: 'https://example.com/a', domain: 'example.com'}) RETURN count(l)"))
                .as("two spellings of one link are one Link")
                .isEqualTo(1);
        assertThat(count("MATCH (:Tweet {id: '1'})-[:TAGS]->(h:Hashtag {tag: 'vote'}) RETURN count(h)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Tweet {id: '2'})-[:ON_DOMAIN]->(:Domain {name: 'example.com'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Tweet {id: '2'})-[:MENTIONS]->(:Account {id: 'official'}) RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void missingFieldsNeverOverwriteStoredOnes() {
        writer.write("d", "twitter", List.of(ALICE), List.of());
        writer.write("d", "twitter", List.of(AccountRecord.ofId("+a/b=")), List.of(retweet("1", "+a/b=", "9")));
        try (var session = driver.session()) {
            Map<String, Object> alice = session.run("MATCH (a:Account {id: '+a/b=', dataset: 'd'}) RETURN a")
                    .single()
                    .get("a")
                    .asMap();
            assertThat(alice)
                    .containsEntry("screenName", "alice")
                    .containsEntry("followers", 12L)
                    .doesNotContainKey("description");
        }
    }

    @Test
    void datasetsKeepTheirOwnNodes() {
        writer.write("one", "twitter", List.of(ALICE), List.of());
        writer.write("two", "twitter", List.of(ALICE), List.of());
        assertThat(count("MATCH (a:Account {id: '+a/b='}) RETURN count(a)")).isEqualTo(2);
    }
}

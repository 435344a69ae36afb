package org.coordscope.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * Writes canonical records to Neo4j in batches, one transaction per batch, every statement an
 * {@code UNWIND $rows … MERGE}: writing the same batch twice changes nothing, so an import that died midway
 * is finished by running it again. Null fields never overwrite stored values.
 */
@Component
public class GraphWriter {

    private static final String MERGE_ACCOUNTS = """
            UNWIND $rows AS r
            MERGE (a:Account {id: r.id, dataset: $dataset})
            SET a += r.props
            """;

    private static final String MERGE_POSTS = """
            UNWIND $rows AS r
            MERGE (a:Account {id: r.author, dataset: $dataset})
            SET a += r.authorProps
            MERGE (t:Tweet {id: r.id, dataset: $dataset})
            SET t += r.props
            MERGE (a)-[:POSTED]->(t)
            """;

    /** Referenced posts (retweeted, quoted, replied to) may be known only by id, and their author only by id. */
    private static final String MERGE_REFERENCE = """
            UNWIND $rows AS r
            MATCH (t:Tweet {id: r.id, dataset: $dataset})
            MERGE (o:Tweet {id: r.target, dataset: $dataset})
            MERGE (t)-[:%s]->(o)
            WITH o, r WHERE r.author IS NOT NULL
            MERGE (oa:Account {id: r.author, dataset: $dataset})
            MERGE (oa)-[:POSTED]->(o)
            """;

    private static final String MERGE_LINKS = """
            UNWIND $rows AS r
            MATCH (t:Tweet {id: r.id, dataset: $dataset})
            MERGE (l:Link {url: r.url, dataset: $dataset})
            ON CREATE SET l.domain = r.domain
            MERGE (t)-[:LINKS_TO]->(l)
            """;

    private static final String MERGE_DOMAINS = """
            UNWIND $rows AS r
            MATCH (t:Tweet {id: r.id, dataset: $dataset})
            MERGE (d:Domain {name: r.value, dataset: $dataset})
            MERGE (t)-[:ON_DOMAIN]->(d)
            """;

    private static final String MERGE_HASHTAGS = """
            UNWIND $rows AS r
            MATCH (t:Tweet {id: r.id, dataset: $dataset})
            MERGE (h:Hashtag {tag: r.value, dataset: $dataset})
            MERGE (t)-[:TAGS]->(h)
            """;

    private static final String MERGE_IMAGES = """
            UNWIND $rows AS r
            MATCH (t:Tweet {id: r.id, dataset: $dataset})
            MERGE (i:Image {hash: r.value, dataset: $dataset})
            MERGE (t)-[:SHOWS]->(i)
            """;

    private static final String MERGE_MENTIONS = """
            UNWIND $rows AS r
            MATCH (t:Tweet {id: r.id, dataset: $dataset})
            MERGE (m:Account {id: r.value, dataset: $dataset})
            MERGE (t)-[:MENTIONS]->(m)
            """;

    private final Driver driver;

    public GraphWriter(Driver driver) {
        this.driver = driver;
    }

    /** Creates or touches the dataset node. */
    public void registerDataset(String dataset, String source) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MERGE (d:Dataset {name: $dataset})
                    ON CREATE SET d.createdAt = datetime()
                    SET d.source = $source, d.importedAt = datetime()
                    """, Map.of("dataset", dataset, "source", source)).consume());
        }
    }

    /** Writes one batch in one transaction. */
    public void write(String dataset, List<AccountRecord> accounts, List<PostRecord> posts) {
        Batch batch = new Batch(accounts, posts);
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> batch.writeTo(tx, dataset));
        }
    }

    /** The rows of one batch, built once outside the transaction function (which may be retried). */
    private static final class Batch {
        final List<Map<String, Object>> accounts = new ArrayList<>();
        final List<Map<String, Object>> posts = new ArrayList<>();
        final List<Map<String, Object>> retweets = new ArrayList<>();
        final List<Map<String, Object>> quotes = new ArrayList<>();
        final List<Map<String, Object>> replies = new ArrayList<>();
        final List<Map<String, Object>> links = new ArrayList<>();
        final List<Map<String, Object>> domains = new ArrayList<>();
        final List<Map<String, Object>> hashtags = new ArrayList<>();
        final List<Map<String, Object>> images = new ArrayList<>();
        final List<Map<String, Object>> mentions = new ArrayList<>();

        Batch(List<AccountRecord> accountRecords, List<PostRecord> postRecords) {
            for (AccountRecord account : accountRecords) {
                accounts.add(Map.of("id", account.id(), "props", accountProps(account)));
            }
            for (PostRecord post : postRecords) {
                add(post);
            }
        }

        private void add(PostRecord post) {
            String id = post.id();
            posts.add(Map.of("id", id, "author", post.author().id(),
                    "authorProps", accountProps(post.author()), "props", postProps(post)));
            reference(retweets, id, post.retweetOf(), post.retweetOfAuthor());
            reference(quotes, id, post.quoteOf(), null);
            reference(replies, id, post.replyTo(), post.replyToAuthor());
            Set<String> postDomains = new LinkedHashSet<>();
            for (String url : distinct(post.urls())) {
                String normalized = Urls.normalize(url);
                String domain = Urls.domain(normalized);
                Map<String, Object> row = new HashMap<>();
                row.put("id", id);
                row.put("url", normalized);
                row.put("domain", domain);
                links.add(row);
                if (domain != null) {
                    postDomains.add(domain);
                }
            }
            for (String domain : post.domains()) {
                if (!domain.isBlank()) {
                    postDomains.add(domain.strip().toLowerCase(Locale.ROOT));
                }
            }
            values(domains, id, postDomains);
            values(hashtags, id, post.hashtags().stream().map(Batch::foldTag).toList());
            values(images, id, post.imageHashes());
            values(mentions, id, post.mentionIds());
        }

        void writeTo(TransactionContext tx, String dataset) {
            run(tx, MERGE_ACCOUNTS, accounts, dataset);
            run(tx, MERGE_POSTS, posts, dataset);
            run(tx, MERGE_REFERENCE.formatted("RETWEETS"), retweets, dataset);
            run(tx, MERGE_REFERENCE.formatted("QUOTES"), quotes, dataset);
            run(tx, MERGE_REFERENCE.formatted("REPLIES_TO"), replies, dataset);
            run(tx, MERGE_LINKS, links, dataset);
            run(tx, MERGE_DOMAINS, domains, dataset);
            run(tx, MERGE_HASHTAGS, hashtags, dataset);
            run(tx, MERGE_IMAGES, images, dataset);
            run(tx, MERGE_MENTIONS, mentions, dataset);
        }

        private static void run(TransactionContext tx, String cypher, List<Map<String, Object>> rows, String dataset) {
            if (!rows.isEmpty()) {
                tx.run(cypher, Map.of("rows", rows, "dataset", dataset)).consume();
            }
        }

        private static void reference(List<Map<String, Object>> rows, String id, String target, String author) {
            if (target == null || target.isBlank()) {
                return;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("target", target);
            row.put("author", author == null || author.isBlank() ? null : author);
            rows.add(row);
        }

        private static void values(List<Map<String, Object>> rows, String id, Iterable<String> values) {
            for (String value : distinct(values)) {
                rows.add(Map.of("id", id, "value", value));
            }
        }

        private static Set<String> distinct(Iterable<String> values) {
            Set<String> set = new LinkedHashSet<>();
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    set.add(value.strip());
                }
            }
            return set;
        }

        /** Hashtags are case-folded: #Vote and #VOTE are one campaign. */
        private static String foldTag(String tag) {
            String t = tag.strip();
            return (t.startsWith("#") ? t.substring(1) : t).toLowerCase(Locale.ROOT);
        }

        private static Map<String, Object> accountProps(AccountRecord a) {
            Map<String, Object> props = new HashMap<>();
            put(props, "screenName", a.screenName());
            put(props, "displayName", a.displayName());
            put(props, "createdAt", a.createdAt());
            put(props, "followers", a.followers());
            put(props, "following", a.following());
            put(props, "lang", a.lang());
            put(props, "location", a.location());
            put(props, "description", a.description());
            put(props, "profileUrl", a.profileUrl());
            return props;
        }

        private static Map<String, Object> postProps(PostRecord p) {
            Map<String, Object> props = new HashMap<>();
            put(props, "createdAt", p.createdAt());
            put(props, "text", p.text());
            put(props, "lang", p.lang());
            put(props, "client", p.client());
            put(props, "source", p.source());
            put(props, "isRetweet", p.retweetOf() != null ? Boolean.TRUE : null);
            if (!p.mentionNames().isEmpty()) {
                props.put("mentionNames", List.copyOf(distinct(p.mentionNames())));
            }
            return props;
        }

        private static void put(Map<String, Object> props, String key, Object value) {
            if (value instanceof Instant instant) {
                props.put(key, instant.atZone(ZoneOffset.UTC));
            } else if (value instanceof String s) {
                if (!s.isEmpty()) {
                    props.put(key, s);
                }
            } else if (value != null) {
                props.put(key, value);
            }
        }
    }
}

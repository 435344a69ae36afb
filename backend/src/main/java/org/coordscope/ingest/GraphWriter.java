package org.coordscope.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 *
 * <p>Each batch first MERGEs its distinct nodes (deduplicated here, so an account posting 500 times in a batch
 * is merged once), then its relationships between nodes that now exist. Separate node and relationship
 * statements keep the planner from adding Eager operators; the relationship statements pin the composite
 * (id, dataset) index, since a plan that scans by dataset made the import quadratic.
 */
@Component
public class GraphWriter {

    private static final String MERGE_ACCOUNTS = """
            UNWIND $rows AS r
            MERGE (a:Account {id: r.id, dataset: $dataset})
            SET a += r.props
            """;

    private static final String MERGE_TWEETS = """
            UNWIND $rows AS r
            MERGE (t:Tweet {id: r.id, dataset: $dataset})
            SET t += r.props
            """;

    private static final String MERGE_LINKS = """
            UNWIND $rows AS r
            MERGE (l:Link {url: r.url, dataset: $dataset})
            ON CREATE SET l.domain = r.domain
            """;

    /** A node keyed by one property (Domain name, Hashtag tag, Image hash). */
    private static final String MERGE_KEYED = """
            UNWIND $rows AS r
            MERGE (:%1$s {%2$s: r, dataset: $dataset})
            """;

    /** A relationship between two nodes found by their unique key; labels, keys and type are constants. */
    private static final String MERGE_RELATIONSHIP = """
            UNWIND $rows AS r
            MATCH (a:%1$s {%2$s: r.from, dataset: $dataset}) USING INDEX a:%1$s(%2$s, dataset)
            MATCH (b:%3$s {%4$s: r.to, dataset: $dataset}) USING INDEX b:%3$s(%4$s, dataset)
            MERGE (a)-[:%5$s]->(b)
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
        final Map<String, Map<String, Object>> accounts = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> tweets = new LinkedHashMap<>();
        final Map<String, String> linkDomains = new LinkedHashMap<>();
        final Set<String> domains = new LinkedHashSet<>();
        final Set<String> hashtags = new LinkedHashSet<>();
        final Set<String> images = new LinkedHashSet<>();
        final Set<Map<String, String>> posted = new LinkedHashSet<>();
        final Set<Map<String, String>> retweets = new LinkedHashSet<>();
        final Set<Map<String, String>> quotes = new LinkedHashSet<>();
        final Set<Map<String, String>> replies = new LinkedHashSet<>();
        final Set<Map<String, String>> mentions = new LinkedHashSet<>();
        final Set<Map<String, String>> linksTo = new LinkedHashSet<>();
        final Set<Map<String, String>> onDomain = new LinkedHashSet<>();
        final Set<Map<String, String>> tags = new LinkedHashSet<>();
        final Set<Map<String, String>> shows = new LinkedHashSet<>();

        Batch(List<AccountRecord> accountRecords, List<PostRecord> postRecords) {
            accountRecords.forEach(this::account);
            postRecords.forEach(this::post);
        }

        private void account(AccountRecord account) {
            accounts.computeIfAbsent(account.id(), id -> new HashMap<>()).putAll(accountProps(account));
        }

        private void post(PostRecord post) {
            String id = post.id();
            account(post.author());
            tweets.computeIfAbsent(id, k -> new HashMap<>()).putAll(postProps(post));
            posted.add(edge(post.author().id(), id));
            reference(retweets, id, post.retweetOf(), post.retweetOfAuthor());
            reference(quotes, id, post.quoteOf(), null);
            reference(replies, id, post.replyTo(), post.replyToAuthor());
            for (String url : distinct(post.urls())) {
                String normalized = Urls.normalize(url);
                String domain = Urls.domain(normalized);
                linkDomains.putIfAbsent(normalized, domain);
                linksTo.add(edge(id, normalized));
                if (domain != null) {
                    domains.add(domain);
                    onDomain.add(edge(id, domain));
                }
            }
            for (String domain : distinct(post.domains())) {
                String folded = domain.toLowerCase(Locale.ROOT);
                domains.add(folded);
                onDomain.add(edge(id, folded));
            }
            for (String tag : distinct(post.hashtags())) {
                String folded = foldTag(tag);
                if (!folded.isEmpty()) {
                    hashtags.add(folded);
                    tags.add(edge(id, folded));
                }
            }
            for (String hash : distinct(post.imageHashes())) {
                images.add(hash);
                shows.add(edge(id, hash));
            }
            for (String mentioned : distinct(post.mentionIds())) {
                accounts.computeIfAbsent(mentioned, k -> new HashMap<>());
                mentions.add(edge(id, mentioned));
            }
        }

        /** A referenced post may be known only by id, and its author only by id. */
        private void reference(Set<Map<String, String>> edges, String id, String target, String author) {
            if (target == null || target.isBlank()) {
                return;
            }
            tweets.computeIfAbsent(target, k -> new HashMap<>());
            edges.add(edge(id, target));
            if (author != null && !author.isBlank()) {
                accounts.computeIfAbsent(author, k -> new HashMap<>());
                posted.add(edge(author, target));
            }
        }

        void writeTo(TransactionContext tx, String dataset) {
            run(tx, MERGE_ACCOUNTS, rows(accounts), dataset);
            run(tx, MERGE_TWEETS, rows(tweets), dataset);
            run(tx, MERGE_LINKS, linkDomains.entrySet().stream().map(e -> {
                Map<String, Object> row = new HashMap<>();
                row.put("url", e.getKey());
                row.put("domain", e.getValue());
                return row;
            }).toList(), dataset);
            run(tx, MERGE_KEYED.formatted("Domain", "name"), List.copyOf(domains), dataset);
            run(tx, MERGE_KEYED.formatted("Hashtag", "tag"), List.copyOf(hashtags), dataset);
            run(tx, MERGE_KEYED.formatted("Image", "hash"), List.copyOf(images), dataset);
            run(tx, relationship("Account", "id", "Tweet", "id", "POSTED"), List.copyOf(posted), dataset);
            run(tx, relationship("Tweet", "id", "Tweet", "id", "RETWEETS"), List.copyOf(retweets), dataset);
            run(tx, relationship("Tweet", "id", "Tweet", "id", "QUOTES"), List.copyOf(quotes), dataset);
            run(tx, relationship("Tweet", "id", "Tweet", "id", "REPLIES_TO"), List.copyOf(replies), dataset);
            run(tx, relationship("Tweet", "id", "Account", "id", "MENTIONS"), List.copyOf(mentions), dataset);
            run(tx, relationship("Tweet", "id", "Link", "url", "LINKS_TO"), List.copyOf(linksTo), dataset);
            run(tx, relationship("Tweet", "id", "Domain", "name", "ON_DOMAIN"), List.copyOf(onDomain), dataset);
            run(tx, relationship("Tweet", "id", "Hashtag", "tag", "TAGS"), List.copyOf(tags), dataset);
            run(tx, relationship("Tweet", "id", "Image", "hash", "SHOWS"), List.copyOf(shows), dataset);
        }

        private static String relationship(String fromLabel, String fromKey, String toLabel, String toKey, String type) {
            return MERGE_RELATIONSHIP.formatted(fromLabel, fromKey, toLabel, toKey, type);
        }

        private static void run(TransactionContext tx, String cypher, List<?> rows, String dataset) {
            if (!rows.isEmpty()) {
                tx.run(cypher, Map.of("rows", rows, "dataset", dataset)).consume();
            }
        }

        private static List<Map<String, Object>> rows(Map<String, Map<String, Object>> nodes) {
            return nodes.entrySet().stream().map(e -> Map.<String, Object>of("id", e.getKey(), "props", e.getValue()))
                    .toList();
        }

        private static Map<String, String> edge(String from, String to) {
            return Map.of("from", from, "to", to);
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
            return (tag.startsWith("#") ? tag.substring(1) : tag).toLowerCase(Locale.ROOT);
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
            if (p.retweetOf() != null && !p.retweetOf().isBlank()) {
                props.put("isRetweet", true);
            }
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

package org.coordscope.ingest.write;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.datasets.DatasetService;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.PostRecord;
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
            SET a += r.props, a.platform = $platform
            """;

    private static final String MERGE_TWEETS = """
            UNWIND $rows AS r
            MERGE (t:Tweet {id: r.id, dataset: $dataset})
            SET t += r.props, t.platform = $platform
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

    /**
     * The dataset as an import found it: its new revision, whether it held no account or post yet, and whether
     * this import created it (a failed import removes such a dataset again).
     */
    public record Registered(String revision, boolean empty, boolean created) {}

    /** Creates or touches the dataset node; its revision changes, as with every batch written. */
    public Registered registerDataset(String dataset, String source) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var r = tx.run("""
                    OPTIONAL MATCH (old:Dataset {name: $dataset})
                    WITH old IS NULL AS created
                    MERGE (d:Dataset {name: $dataset})
                    ON CREATE SET d.createdAt = datetime()
                    SET d.source = $source, d.importedAt = datetime(), d.revision = randomUUID()
                    RETURN d.revision AS revision, created,
                           NOT EXISTS { MATCH (:Account {dataset: $dataset}) }
                               AND NOT EXISTS { MATCH (:Tweet {dataset: $dataset}) } AS empty
                    """, Map.of("dataset", dataset, "source", source))
                        .single();
                return new Registered(
                        r.get("revision").asString(),
                        r.get("empty").asBoolean(),
                        r.get("created").asBoolean());
            });
        }
    }

    /**
     * Writes one batch in one transaction; every account and post it touches gets {@code platform}
     * ({@link org.coordscope.ingest.SourceFormat#platform()}).
     *
     * @return the dataset's revision once the batch is written
     */
    public String write(String dataset, String platform, List<AccountRecord> accounts, List<PostRecord> posts) {
        Batch batch = new Batch(accounts, posts);
        try (var session = driver.session()) {
            return session.executeWrite(tx -> batch.writeTo(tx, dataset, platform));
        }
    }

    /** The rows of one batch, built once outside the transaction function (which may be retried). */
    private static final class Batch implements GraphShape.Target {
        final Map<GraphShape.Node, Map<String, Map<String, Object>>> nodes = new EnumMap<>(GraphShape.Node.class);
        final Map<String, String> linkDomains = new LinkedHashMap<>();
        final Map<GraphShape.Node, Set<String>> keyed = new EnumMap<>(GraphShape.Node.class);
        final Map<GraphShape.Rel, Set<Map<String, String>>> relationships = new EnumMap<>(GraphShape.Rel.class);

        Batch(List<AccountRecord> accountRecords, List<PostRecord> postRecords) {
            accountRecords.forEach(account -> GraphShape.account(account, this));
            postRecords.forEach(post -> GraphShape.post(post, this));
        }

        @Override
        public void node(GraphShape.Node kind, String key, Map<String, Object> props) {
            nodes.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new HashMap<>())
                    .putAll(props);
        }

        @Override
        public void link(String url, String domain) {
            linkDomains.putIfAbsent(url, domain);
        }

        @Override
        public void keyed(GraphShape.Node kind, String key) {
            keyed.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(key);
        }

        @Override
        public void relationship(GraphShape.Rel type, String from, String to) {
            relationships.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(Map.of("from", from, "to", to));
        }

        String writeTo(TransactionContext tx, String dataset, String platform) {
            // in the batch's own transaction: whatever detection kept of the dataset before is stale once it commits
            List<String> revision = tx.run(
                            DatasetService.NEW_REVISION + " RETURN d.revision AS revision", Map.of("dataset", dataset))
                    .list(r -> r.get("revision").asString());
            runOnPlatform(tx, MERGE_ACCOUNTS, rows(GraphShape.Node.ACCOUNT), dataset, platform);
            runOnPlatform(tx, MERGE_TWEETS, rows(GraphShape.Node.TWEET), dataset, platform);
            run(
                    tx,
                    MERGE_LINKS,
                    linkDomains.entrySet().stream()
                            .map(e -> {
                                Map<String, Object> row = new HashMap<>();
                                row.put("url", e.getKey());
                                row.put("domain", e.getValue());
                                return row;
                            })
                            .toList(),
                    dataset);
            for (GraphShape.Node kind :
                    List.of(GraphShape.Node.DOMAIN, GraphShape.Node.HASHTAG, GraphShape.Node.IMAGE)) {
                run(
                        tx,
                        MERGE_KEYED.formatted(kind.label, kind.key),
                        List.copyOf(keyed.getOrDefault(kind, Set.of())),
                        dataset);
            }
            for (GraphShape.Rel type : GraphShape.Rel.values()) {
                run(
                        tx,
                        MERGE_RELATIONSHIP.formatted(type.from.label, type.from.key, type.to.label, type.to.key, type),
                        List.copyOf(relationships.getOrDefault(type, Set.of())),
                        dataset);
            }
            return revision.isEmpty() ? null : revision.get(0);
        }

        private static void run(TransactionContext tx, String cypher, List<?> rows, String dataset) {
            if (!rows.isEmpty()) {
                tx.run(cypher, Map.of("rows", rows, "dataset", dataset)).consume();
            }
        }

        private static void runOnPlatform(
                TransactionContext tx, String cypher, List<?> rows, String dataset, String platform) {
            if (!rows.isEmpty()) {
                tx.run(cypher, Map.of("rows", rows, "dataset", dataset, "platform", platform))
                        .consume();
            }
        }

        private List<Map<String, Object>> rows(GraphShape.Node kind) {
            return nodes.getOrDefault(kind, Map.of()).entrySet().stream()
                    .map(e -> Map.<String, Object>of("id", e.getKey(), "props", e.getValue()))
                    .toList();
        }
    }
}

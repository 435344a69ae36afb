package org.coordscope.datasets;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/** Datasets in the store: listing, counts, deletion. */
@Service
public class DatasetService {

    /** The labels a dataset's nodes carry; every one has a {@code dataset} property and an index on it. */
    static final List<String> DATASET_LABELS = List.of("Account", "Tweet", "Link", "Domain", "Hashtag", "Image");

    /**
     * Gives the dataset a new {@code revision}: every write to a dataset's accounts or posts runs this in its
     * transaction, so a detection projection (detect.DetectionProjection) stamped with an older one is not used.
     */
    public static final String NEW_REVISION = "MATCH (d:Dataset {name: $dataset}) SET d.revision = randomUUID()";

    private static final String COUNTS = """
            CALL { MATCH (a:Account) WHERE $dataset IS NULL OR a.dataset = $dataset RETURN count(a) AS accounts }
            CALL { MATCH (t:Tweet) WHERE ($dataset IS NULL OR t.dataset = $dataset) AND t.createdAt IS NOT NULL
                   RETURN count(t) AS tweets }
            CALL { MATCH (t:Tweet) WHERE ($dataset IS NULL OR t.dataset = $dataset) AND t.createdAt IS NULL
                   RETURN count(t) AS referencedTweets }
            CALL { MATCH (t:Tweet)-[r:RETWEETS]->() WHERE $dataset IS NULL OR t.dataset = $dataset
                   RETURN count(r) AS retweets }
            CALL { MATCH (l:Link) WHERE $dataset IS NULL OR l.dataset = $dataset RETURN count(l) AS links }
            CALL { MATCH (d:Domain) WHERE $dataset IS NULL OR d.dataset = $dataset RETURN count(d) AS domains }
            CALL { MATCH (h:Hashtag) WHERE $dataset IS NULL OR h.dataset = $dataset RETURN count(h) AS hashtags }
            CALL { MATCH (i:Image) WHERE $dataset IS NULL OR i.dataset = $dataset RETURN count(i) AS images }
            CALL { MATCH (a:Account)-[r]->() WHERE $dataset IS NULL OR a.dataset = $dataset RETURN count(r) AS fromAccounts }
            CALL { MATCH (t:Tweet)-[r]->() WHERE $dataset IS NULL OR t.dataset = $dataset RETURN count(r) AS fromTweets }
            RETURN accounts, tweets, referencedTweets, retweets, links, domains, hashtags, images,
                   fromAccounts + fromTweets AS relationships
            """;

    private final Driver driver;

    public DatasetService(Driver driver) {
        this.driver = driver;
    }

    /** What a dataset (or the whole store) holds; the keys of {@code stats}. */
    public record Counts(
            long accounts,
            long tweets,
            long referencedTweets,
            long retweets,
            long links,
            long domains,
            long hashtags,
            long images,
            long relationships) {}

    /** One dataset with its counts (flattened into the same JSON object). */
    public record DatasetInfo(
            String name,
            String source,
            String importedAt,
            @JsonUnwrapped Counts counts) {}

    /** Names of the datasets in the store, sorted. */
    public List<String> names() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (d:Dataset) RETURN d.name AS name ORDER BY name")
                    .list(r -> r.get("name").asString()));
        }
    }

    /** The dataset a request means: the named one, or the only one; otherwise a message naming them. */
    public String resolve(String dataset) {
        List<String> names = names();
        if (dataset != null) {
            if (!names.contains(dataset)) {
                throw new IllegalArgumentException("No dataset '" + dataset + "'. The datasets are: "
                        + (names.isEmpty() ? "(none: import one first)" : String.join(", ", names)));
            }
            return dataset;
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        throw new IllegalArgumentException(
                names.isEmpty()
                        ? "No dataset in the store: import one first."
                        : "Several datasets: choose one with --dataset NAME: " + String.join(", ", names));
    }

    /**
     * The dataset's revision, which every write to it changes ({@link #NEW_REVISION}); a dataset imported before
     * revisions existed gets one now.
     */
    public String revision(String dataset) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run("""
                    MATCH (d:Dataset {name: $dataset})
                    SET d.revision = coalesce(d.revision, randomUUID())
                    RETURN d.revision AS revision
                    """, Map.of("dataset", dataset))
                    .single()
                    .get("revision")
                    .asString());
        }
    }

    public List<DatasetInfo> list() {
        try (var session = driver.session()) {
            List<Record> datasets = session.executeRead(tx -> tx.run(
                            "MATCH (d:Dataset) RETURN d.name AS name, d.source AS source, toString(d.importedAt) AS importedAt"
                                    + " ORDER BY name")
                    .list());
            return datasets.stream()
                    .map(r -> new DatasetInfo(
                            r.get("name").asString(),
                            r.get("source").asString(null),
                            r.get("importedAt").asString(null),
                            counts(r.get("name").asString())))
                    .toList();
        }
    }

    public Optional<DatasetInfo> find(String name) {
        return list().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Counts for one dataset, or for the whole store when {@code dataset} is null. */
    public Counts counts(String dataset) {
        try (var session = driver.session()) {
            Record r = session.executeRead(tx -> {
                Map<String, Object> params = new HashMap<>();
                params.put("dataset", dataset);
                return tx.run(COUNTS, params).single();
            });
            return new Counts(
                    r.get("accounts").asLong(),
                    r.get("tweets").asLong(),
                    r.get("referencedTweets").asLong(),
                    r.get("retweets").asLong(),
                    r.get("links").asLong(),
                    r.get("domains").asLong(),
                    r.get("hashtags").asLong(),
                    r.get("images").asLong(),
                    r.get("relationships").asLong());
        }
    }

    /** True when the store holds no node at all (a new store: the bulk import's case). */
    public boolean storeIsEmpty() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (n) RETURN count(n) = 0 AS empty")
                    .single()
                    .get("empty")
                    .asBoolean());
        }
    }

    /** Removes a dataset and everything in it, in batches so a large one does not need one huge transaction. */
    public boolean delete(String name) {
        try (var session = driver.session()) {
            boolean exists = session.executeRead(
                    tx -> tx.run("MATCH (d:Dataset {name: $name}) RETURN count(d) > 0 AS exists", Map.of("name", name))
                            .single()
                            .get("exists")
                            .asBoolean());
            if (!exists) {
                return false;
            }
            // first: if the deletion is cut short, no projection of the whole dataset may be used on what is left
            session.executeWriteWithoutResult(
                    tx -> tx.run(NEW_REVISION, Map.of("dataset", name)).consume());
            for (String label : DATASET_LABELS) {
                // CALL … IN TRANSACTIONS needs an auto-commit transaction; the label comes from the constant list
                // above.
                session.run(
                                "MATCH (n:" + label + " {dataset: $name}) "
                                        + "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
                                Map.of("name", name))
                        .consume();
            }
            session.run("MATCH (d:Dataset {name: $name}) DETACH DELETE d", Map.of("name", name))
                    .consume();
            return true;
        }
    }
}

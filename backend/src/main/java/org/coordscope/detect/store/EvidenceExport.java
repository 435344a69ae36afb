package org.coordscope.detect.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coordscope.detect.DetectionResult;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * What an investigator needs to defend one flag, as one JSON document: the account, its cluster and
 * membership (scores and reasons), and each co-actor with the shared objects, both accounts' times, and the
 * source file and line of both posts ({@code Tweet.source}).
 *
 * <pre>
 * {"run": "...", "account": {"id", "screenName"}, "cluster": {"id", "size", "score", "reasons"},
 *  "membership": {"score", "strength", "reasons"},
 *  "coActors": [{"id", "screenName", "weight", "support", "signals",
 *                "evidence": [{"signal", "object", "idf", "time", "coActorTime", "sources", "coActorSources"}]}]}
 * </pre>
 * {@code time} is the account's action, {@code coActorTime} the co-actor's; {@code sources} the
 * {@code file:line} of the account's posts at that time.
 */
@Service
public class EvidenceExport {

    private static final String MEMBERSHIP = """
            MATCH (a:Account {id: $account, dataset: $dataset})-[m:IN_CLUSTER {run: $run}]->(c:Cluster)
            RETURN a.screenName AS screenName, c.id AS cluster, c.size AS size, c.score AS clusterScore,
                   c.reasons AS clusterReasons, m.score AS score, m.strength AS strength, m.reasons AS reasons
            """;

    private static final String EDGES = """
            MATCH (a:Account {id: $account, dataset: $dataset})-[e:COORDINATED {run: $run}]-(b:Account)
            RETURN b.id AS id, b.screenName AS screenName, e.weight AS weight, e.support AS support,
                   e.signals AS signals, e.evidence AS evidence, startNode(e) = a AS outgoing
            ORDER BY e.weight DESC, b.id
            """;

    private static final String SOURCES = """
            MATCH (a:Account {id: $account, dataset: $dataset})-[:POSTED]->(t:Tweet)
            WHERE t.createdAt = datetime($time)
            RETURN t.source AS source ORDER BY source LIMIT 5
            """;

    private final Driver driver;
    private final DetectionStore store;
    private final ObjectMapper json;

    public EvidenceExport(Driver driver, DetectionStore store, ObjectMapper json) {
        this.driver = driver;
        this.store = store;
        this.json = json;
    }

    /** The evidence document of {@code account} in {@code run}, or empty when it is not in the run's clusters. */
    public Optional<Map<String, Object>> evidence(String run, String account) throws IOException {
        DetectionResult info = store.run(run)
                .orElseThrow(() -> new IllegalArgumentException("No run '" + run + "'. Run 'runs' to list them."));
        String dataset = info.dataset();
        Map<String, Object> params = Map.of("account", account, "dataset", dataset, "run", run);
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Record> m = tx.run(MEMBERSHIP, params).list();
                if (m.isEmpty()) {
                    return Optional.empty();
                }
                Record r = m.get(0);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("run", run);
                doc.put("dataset", dataset);
                doc.put(
                        "account",
                        Map.of("id", account, "screenName", r.get("screenName").asString("")));
                doc.put(
                        "cluster",
                        Map.of(
                                "id",
                                r.get("cluster").asString(),
                                "size",
                                r.get("size").asLong(),
                                "score",
                                r.get("clusterScore").asDouble(),
                                "reasons",
                                r.get("clusterReasons").asList(v -> v.asString())));
                doc.put(
                        "membership",
                        Map.of(
                                "score",
                                r.get("score").asDouble(),
                                "strength",
                                r.get("strength").asDouble(),
                                "reasons",
                                r.get("reasons").asList(v -> v.asString())));
                List<Map<String, Object>> coActors = new ArrayList<>();
                for (Record e : tx.run(EDGES, params).list()) {
                    String other = e.get("id").asString();
                    boolean outgoing = e.get("outgoing").asBoolean();
                    List<Map<String, Object>> items = new ArrayList<>();
                    List<Map<String, Object>> evidence;
                    try {
                        evidence = json.readValue(e.get("evidence").asString(), new TypeReference<>() {});
                    } catch (IOException ex) {
                        throw new IllegalStateException("Unreadable evidence on an edge of run " + run, ex);
                    }
                    for (Map<String, Object> ev : evidence) {
                        String mine = (String) ev.get(outgoing ? "timeA" : "timeB");
                        String theirs = (String) ev.get(outgoing ? "timeB" : "timeA");
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("signal", ev.get("signal"));
                        item.put("object", ev.get("object"));
                        item.put("idf", ev.get("idf"));
                        item.put("time", mine);
                        item.put("coActorTime", theirs);
                        item.put("sources", sources(tx, account, dataset, mine));
                        item.put("coActorSources", sources(tx, other, dataset, theirs));
                        items.add(item);
                    }
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("id", other);
                    c.put("screenName", e.get("screenName").asString(""));
                    c.put("weight", e.get("weight").asDouble());
                    c.put("support", e.get("support").asLong());
                    c.put("signals", e.get("signals").asList(v -> v.asString()));
                    c.put("evidence", items);
                    coActors.add(c);
                }
                doc.put("coActors", coActors);
                return Optional.of(doc);
            });
        }
    }

    private static List<String> sources(
            org.neo4j.driver.TransactionContext tx, String account, String dataset, String time) {
        return tx.run(SOURCES, Map.of("account", account, "dataset", dataset, "time", time))
                .list(r -> r.get("source").asString(""));
    }

    /** Writes the document of {@code account} to {@code out} as indented JSON. */
    public void write(String run, String account, Path out) throws IOException {
        Map<String, Object> doc = evidence(run, account)
                .orElseThrow(() ->
                        new IllegalArgumentException("Account '" + account + "' is in no cluster of run " + run + "."));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), doc);
    }
}

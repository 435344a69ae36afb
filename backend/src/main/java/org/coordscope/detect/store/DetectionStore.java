package org.coordscope.detect.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.coordscope.detect.DetectionResult;
import org.coordscope.web.Page;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

/**
 * Detection results in Neo4j: runs, clusters, memberships and coordination edges. All writes are batched
 * {@code UNWIND $rows} statements in write transactions; reads go through read transactions.
 *
 * <pre>
 * (:DetectionRun {id, dataset, params, startedAt, millis, modularity, clusters, suspects, status, ...})
 * (:Cluster {id, run, dataset, size, score, coordination, traits, reasons})
 * (:Account)-[:IN_CLUSTER {run, strength, score, reasons}]-&gt;(:Cluster)
 * (:Account)-[:COORDINATED {run, weight, support, log10P, log10Q, validated, signals, evidence}]-&gt;(:Account)
 * </pre>
 * {@code params} is a JSON object (the detection options by id plus algorithm, quality, resolution, seed);
 * {@code evidence} is a JSON array, see {@link DetectionService}; {@code log10P} and {@code log10Q} are the edge's
 * p-value and false-discovery-rate q-value as base-10 logarithms ({@code Significance}), {@code validated} whether
 * the q-value is within the run's {@code significance.fdr}.
 */
@Repository
public class DetectionStore {

    public static final int BATCH = 5000;

    private static final String CREATE_RUN = """
            CREATE (r:DetectionRun {id: $id, dataset: $dataset, params: $params, startedAt: datetime($startedAt),
                                    status: 'RUNNING'})
            """;

    private static final String FINISH_RUN = """
            MATCH (r:DetectionRun {id: $id})
            SET r += $props
            """;

    /** The parts of a run kept on its node as JSON text (Neo4j properties hold no maps or lists of maps). */
    private static final List<String> JSON_FIELDS = List.of("params", "actions", "millis", "top");

    /** Runs left RUNNING by a process that died: no live job can own them once this process starts. */
    private static final String FAIL_INTERRUPTED = """
            MATCH (r:DetectionRun {status: 'RUNNING'})
            SET r.status = 'FAILED', r.error = $error
            RETURN r.id AS id
            """;

    private static final String CREATE_CLUSTERS = """
            UNWIND $rows AS row
            CREATE (c:Cluster {id: row.id, run: $run, dataset: $dataset, size: row.size, score: row.score,
                               coordination: row.coordination, traits: row.traits, reasons: row.reasons})
            """;

    private static final String CREATE_MEMBERSHIPS = """
            UNWIND $rows AS row
            MATCH (a:Account {id: row.account, dataset: $dataset})
            MATCH (c:Cluster {id: row.cluster})
            CREATE (a)-[:IN_CLUSTER {run: $run, strength: row.strength, score: row.score, reasons: row.reasons}]->(c)
            """;

    private static final String CREATE_EDGES = """
            UNWIND $rows AS row
            MATCH (a:Account {id: row.a, dataset: $dataset})
            MATCH (b:Account {id: row.b, dataset: $dataset})
            CREATE (a)-[:COORDINATED {run: $run, weight: row.weight, support: row.support, log10P: row.log10P,
                                      log10Q: row.log10Q, validated: row.validated, signals: row.signals,
                                      evidence: row.evidence}]->(b)
            """;

    /** A run node's properties, as {@link #fromNode} reads them. */
    private static final String RUN_FIELDS = """
            RETURN r {.*, startedAt: toString(r.startedAt)} AS run
            """;

    private static final String LIST_RUNS = """
            MATCH (r:DetectionRun)
            WHERE $dataset IS NULL OR r.dataset = $dataset
            """ + RUN_FIELDS + """
            ORDER BY r.startedAt DESC, r.id DESC
            """;

    private static final String ONE_RUN = "MATCH (r:DetectionRun {id: $id})\n" + RUN_FIELDS;

    /**
     * A run's suspects, optionally of one cluster or among given accounts; allowlisted accounts
     * ({@code :Allowlisted}, see triage) are never suspects; account marks travel along.
     */
    private static final String SUSPECTS = """
            MATCH (c:Cluster {run: $run})<-[m:IN_CLUSTER]-(a:Account)
            WHERE m.run = $run AND m.score >= $minScore
              AND ($cluster IS NULL OR c.id = $cluster)
              AND ($accounts IS NULL OR a.id IN $accounts)
              AND NOT EXISTS { MATCH (:Allowlisted {dataset: a.dataset, accountId: a.id}) }
            OPTIONAL MATCH (mark:Mark {targetType: 'account', targetId: a.id, dataset: a.dataset})
            RETURN a.id AS accountId, a.screenName AS screenName, c.id AS clusterId, m.score AS score,
                   m.strength AS strength, c.score AS clusterScore, c.reasons AS clusterReasons, m.reasons AS reasons,
                   mark.status AS mark, mark.note AS markNote
            ORDER BY m.score DESC, c.id, a.id
            """;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Driver driver;
    private final ObjectMapper json;

    public DetectionStore(Driver driver, ObjectMapper json) {
        this.driver = driver;
        this.json = json;
    }

    /**
     * Marks every run still {@code RUNNING} as {@code FAILED} with {@code error}: called at start-up, when no run of
     * this process can be live yet. Returns their ids.
     */
    public List<String> failInterrupted(String error) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run(FAIL_INTERRUPTED, Map.of("error", error))
                    .list(r -> r.get("id").asString()));
        }
    }

    public void createRun(String id, String dataset, String params, String startedAt) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(
                            CREATE_RUN, Map.of("id", id, "dataset", dataset, "params", params, "startedAt", startedAt))
                    .consume());
        }
    }

    /** Records a run's result on its node: {@link DetectionResult} is all a run node holds. */
    public void finishRun(DetectionResult result) {
        Map<String, Object> props = new LinkedHashMap<>(json.convertValue(result, MAP));
        props.remove("runId");
        props.remove("dataset");
        props.remove("startedAt");
        props.values().removeIf(Objects::isNull);
        for (String field : JSON_FIELDS) {
            props.computeIfPresent(field, (k, v) -> toJson(v));
        }
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(FINISH_RUN, Map.of("id", result.runId(), "props", props))
                    .consume());
        }
    }

    /** Records that a run failed, with why and its wall time so far. */
    public void failRun(String id, String error, long millis) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(
                            FINISH_RUN,
                            Map.of(
                                    "id",
                                    id,
                                    "props",
                                    Map.of(
                                            "status",
                                            DetectionResult.FAILED,
                                            "error",
                                            error,
                                            "millis",
                                            toJson(Map.of("total", millis)))))
                    .consume());
        }
    }

    /** Writes {@code count} clusters, the i-th as {@code row} builds it. */
    public void writeClusters(String run, String dataset, int count, IntFunction<Map<String, Object>> row) {
        writeBatched(CREATE_CLUSTERS, run, dataset, count, row);
    }

    public void writeMemberships(String run, String dataset, int count, IntFunction<Map<String, Object>> row) {
        writeBatched(CREATE_MEMBERSHIPS, run, dataset, count, row);
    }

    public void writeEdges(String run, String dataset, int count, IntFunction<Map<String, Object>> row) {
        writeBatched(CREATE_EDGES, run, dataset, count, row);
    }

    /**
     * Writes the rows in batches, one after the other, building each batch's rows just before it is written (the
     * rows of a large run, edges with their evidence as JSON, need not be held all at once). One batch at a time:
     * two at once were slower at 10 million tweets (edges 22.0 and 23.8 s against 13.3 and 16.2 s, throw-away
     * builds), probably as batches creating relationships on the same accounts wait for each other's locks; so
     * were batches of 20,000.
     */
    private void writeBatched(
            String cypher, String run, String dataset, int count, IntFunction<Map<String, Object>> row) {
        try (var session = driver.session()) {
            for (int from = 0; from < count; from += BATCH) {
                List<Map<String, Object>> batch = IntStream.range(from, Math.min(count, from + BATCH))
                        .mapToObj(row)
                        .toList();
                session.executeWriteWithoutResult(
                        (TransactionContext tx) -> tx.run(cypher, Map.of("rows", batch, "run", run, "dataset", dataset))
                                .consume());
            }
        }
    }

    /** One suspected account of a run. */
    public record Suspect(
            String accountId,
            String screenName,
            String clusterId,
            double score,
            double strength,
            double clusterScore,
            List<String> clusterReasons,
            List<String> reasons,
            String mark,
            String markNote) {}

    /** Runs, newest first; all datasets when {@code dataset} is null. */
    public List<DetectionResult> runs(String dataset) {
        Map<String, Object> params = new HashMap<>();
        params.put("dataset", dataset);
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(LIST_RUNS, params).list(this::fromNode));
        }
    }

    /** One run, read alone. */
    public Optional<DetectionResult> run(String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(ONE_RUN, Map.of("id", id)).list(this::fromNode)).stream()
                    .findFirst();
        }
    }

    /** Runs as a page, newest first. */
    public Page<DetectionResult> runs(String dataset, Page.Request page) {
        return Page.slice(runs(dataset), page);
    }

    /**
     * The run a request means: {@code run} when given (it must exist), else the newest finished run of
     * {@code dataset} (of any dataset when null). Refused with what to do when there is none.
     */
    public DetectionResult resolve(String run, String dataset) {
        if (run != null && !run.isBlank()) {
            return run(run).orElseThrow(() -> new IllegalArgumentException(
                    "No run '" + run + "'. List the runs with GET /api/runs or the 'runs' command."));
        }
        return latest(dataset)
                .orElseThrow(() -> new IllegalArgumentException("No finished detection run"
                        + (dataset == null ? "" : " of dataset '" + dataset + "'")
                        + ". Start one with POST /api/detections or the 'detect' command."));
    }

    /** The newest finished run, of {@code dataset} or of any dataset when null. */
    public Optional<DetectionResult> latest(String dataset) {
        return runs(dataset).stream().filter(DetectionResult::done).findFirst();
    }

    /**
     * A run node read back. Nodes written before the run record held {@code millis} as the total alone and no
     * {@code actions} or {@code top}: read as {@code {total: …}} and null.
     */
    private DetectionResult fromNode(Record record) {
        Map<String, Object> node = new LinkedHashMap<>(record.get("run").asMap());
        for (String field : JSON_FIELDS) {
            if (node.get(field) instanceof String text) {
                node.put(field, fromJson(text));
            }
        }
        if (node.get("millis") instanceof Number total) {
            node.put("millis", Map.of("total", total.longValue()));
        }
        node.put("runId", node.remove("id"));
        return json.convertValue(node, DetectionResult.class);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A run's result could not be written as JSON", e);
        }
    }

    private Object fromJson(String text) {
        try {
            return json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A run node holds damaged JSON: " + text, e);
        }
    }

    /** The accounts of a run scoring at least {@code minScore}, best first, allowlisted accounts left out. */
    public List<Suspect> suspects(String run, double minScore) {
        return suspects(run, minScore, null, null);
    }

    /**
     * The same, of one cluster ({@code cluster} not null) and/or among some accounts ({@code accounts} not null).
     */
    public List<Suspect> suspects(String run, double minScore, String cluster, List<String> accounts) {
        Map<String, Object> params = new HashMap<>();
        params.put("run", run);
        params.put("minScore", minScore);
        params.put("cluster", cluster);
        params.put("accounts", accounts);
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(SUSPECTS, params)
                    .list(r -> new Suspect(
                            r.get("accountId").asString(),
                            r.get("screenName").asString(null),
                            r.get("clusterId").asString(),
                            r.get("score").asDouble(),
                            r.get("strength").asDouble(),
                            r.get("clusterScore").asDouble(),
                            r.get("clusterReasons").asList(v -> v.asString()),
                            r.get("reasons").asList(v -> v.asString()),
                            r.get("mark").asString(null),
                            r.get("markNote").asString(null))));
        }
    }

    /** Deletes a run with its clusters, memberships and coordination edges; false when there is no such run. */
    public boolean delete(String id) {
        try (var session = driver.session()) {
            boolean exists = session.executeRead(
                    tx -> tx.run("MATCH (r:DetectionRun {id: $id}) RETURN count(r) > 0 AS exists", Map.of("id", id))
                            .single()
                            .get("exists")
                            .asBoolean());
            if (!exists) {
                return false;
            }
            // CALL ... IN TRANSACTIONS needs an auto-commit transaction: a run may hold millions of edges
            session.run(
                            "MATCH ()-[e:COORDINATED {run: $id}]->() CALL (e) { DELETE e } IN TRANSACTIONS OF 10000 ROWS",
                            Map.of("id", id))
                    .consume();
            session.run(
                            "MATCH (c:Cluster {run: $id}) CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 10000 ROWS",
                            Map.of("id", id))
                    .consume();
            session.executeWriteWithoutResult(
                    tx -> tx.run("MATCH (r:DetectionRun {id: $id}) DETACH DELETE r", Map.of("id", id))
                            .consume());
            return true;
        }
    }
}

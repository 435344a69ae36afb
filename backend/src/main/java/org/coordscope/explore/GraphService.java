package org.coordscope.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.web.NotFoundException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Graph views of a run: a cluster's members (strongest first when capped) or a chosen set of accounts, with the
 * run's coordination edges among them (heaviest first when capped). The REST graph endpoint and the GEXF/GraphML
 * exports read the same views.
 */
@Service
public class GraphService {

    public static final int DEFAULT_NODE_LIMIT = 1500;
    public static final int DEFAULT_EDGE_LIMIT = 20_000;
    public static final int MAX_NODES = 20_000;
    public static final int MAX_EDGES = 200_000;

    private static final String CLUSTER = """
            MATCH (c:Cluster {id: $cluster})
            RETURN c.run AS run, c.dataset AS dataset, c.size AS size
            """;

    static final String MEMBERS = """
            MATCH (c:Cluster {id: $cluster})<-[m:IN_CLUSTER]-(a:Account)
            RETURN a.id AS id, a.screenName AS screenName, m.score AS score, m.strength AS strength
            ORDER BY m.strength DESC, a.id
            LIMIT $limit
            """;

    private static final String ACCOUNTS = """
            UNWIND $ids AS id
            MATCH (a:Account {id: id, dataset: $dataset})
            OPTIONAL MATCH (a)-[m:IN_CLUSTER {run: $run}]->(c:Cluster)
            RETURN a.id AS id, a.screenName AS screenName, c.id AS clusterId, m.score AS score, m.strength AS strength
            """;

    /**
     * Edges among {@code $ids}, each found once (from its start node), heaviest first: how many in all and the first
     * {@code $limit}, in one pass over the members' edges.
     */
    static final String EDGES = """
            UNWIND $ids AS id
            MATCH (a:Account {id: id, dataset: $dataset})-[e:COORDINATED {run: $run}]->(b:Account)
            WHERE b.id IN $ids
            WITH a.id AS a, b.id AS b, e ORDER BY e.weight DESC, a, b
            WITH collect({a: a, b: b, e: e}) AS edges
            RETURN size(edges) AS total, [x IN edges[..$limit] | {a: x.a, b: x.b, weight: x.e.weight,
                   signals: x.e.signals, evidence: x.e.evidence}] AS page
            """;

    private final Driver driver;
    private final DetectionStore runs;
    private final ObjectMapper json;

    public GraphService(Driver driver, DetectionStore runs, ObjectMapper json) {
        this.driver = driver;
        this.runs = runs;
        this.json = json;
    }

    /** A cluster's members and their edges in the cluster's run; {@code limit} nodes, {@code edgeLimit} edges. */
    public ClusterGraph cluster(String clusterId, int limit, int edgeLimit) {
        checkLimits(limit, edgeLimit);
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Record c = tx.run(CLUSTER, Map.of("cluster", clusterId)).stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("No cluster '" + clusterId + "'."));
                String run = c.get("run").asString();
                String dataset = c.get("dataset").asString();
                List<ClusterGraph.GraphNode> nodes = tx.run(MEMBERS, Map.of("cluster", clusterId, "limit", limit))
                        .list(r -> new ClusterGraph.GraphNode(
                                r.get("id").asString(),
                                r.get("screenName").asString(null),
                                clusterId,
                                r.get("score").asDouble(),
                                r.get("strength").asDouble(),
                                true));
                return view(tx, run, dataset, nodes, c.get("size").asLong(), edgeLimit);
            });
        }
    }

    /** Chosen accounts of {@code dataset} and their edges in {@code run}. */
    public ClusterGraph accounts(String run, List<String> accountIds, int edgeLimit) {
        if (accountIds == null || accountIds.isEmpty()) {
            throw new IllegalArgumentException("accounts must name at least one account id");
        }
        checkLimits(accountIds.size(), edgeLimit);
        DetectionResult info = runs.resolve(run, null);
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<ClusterGraph.GraphNode> nodes = tx.run(
                                ACCOUNTS, Map.of("ids", accountIds, "dataset", info.dataset(), "run", info.runId()))
                        .list(r -> new ClusterGraph.GraphNode(
                                r.get("id").asString(),
                                r.get("screenName").asString(null),
                                r.get("clusterId").asString(null),
                                r.get("score").isNull() ? null : r.get("score").asDouble(),
                                r.get("strength").isNull()
                                        ? null
                                        : r.get("strength").asDouble(),
                                !r.get("clusterId").isNull()));
                return view(tx, info.runId(), info.dataset(), nodes, nodes.size(), edgeLimit);
            });
        }
    }

    private ClusterGraph view(
            TransactionContext tx,
            String run,
            String dataset,
            List<ClusterGraph.GraphNode> nodes,
            long totalNodes,
            int edgeLimit) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", nodes.stream().map(ClusterGraph.GraphNode::id).toList());
        params.put("dataset", dataset);
        params.put("run", run);
        params.put("limit", edgeLimit);
        Record found = tx.run(EDGES, params).single();
        long totalEdges = found.get("total").asLong();
        List<ClusterGraph.GraphEdge> edges = new ArrayList<>();
        for (Value r : found.get("page").values()) {
            Instant[] span = Evidence.span(json, r.get("evidence"));
            edges.add(new ClusterGraph.GraphEdge(
                    r.get("a").asString(),
                    r.get("b").asString(),
                    r.get("weight").asDouble(),
                    r.get("signals").asList(v -> v.asString()),
                    Evidence.iso(span[0]),
                    Evidence.iso(span[1])));
        }
        return new ClusterGraph(
                nodes, edges, nodes.size() < totalNodes || edges.size() < totalEdges, totalNodes, totalEdges);
    }

    private static void checkLimits(int limit, int edgeLimit) {
        if (limit < 1 || limit > MAX_NODES) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_NODES + "; got " + limit);
        }
        if (edgeLimit < 1 || edgeLimit > MAX_EDGES) {
            throw new IllegalArgumentException("edgeLimit must be between 1 and " + MAX_EDGES + "; got " + edgeLimit);
        }
    }
}

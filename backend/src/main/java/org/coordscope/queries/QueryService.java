package org.coordscope.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.web.InvalidFieldException;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The saved-query catalogue ({@code cypher/queries/*.cypher} on the classpath, see {@link SavedQuery}) and its
 * runner: typed parameters bound as {@code $params}, a READ-mode session and a read transaction (the database
 * refuses any write), a timeout, and a row cap. Nodes, relationships and paths in the rows also come back as a
 * graph; in the table a node shows as its label (screen name, tag, URL, id), a relationship as its type.
 */
@Service
public class QueryService {

    static final String LOCATION = "classpath*:cypher/queries/*.cypher";

    private final Driver driver;
    private final Duration timeout;
    private final int maxRows;
    private final Map<String, SavedQuery> catalogue = new LinkedHashMap<>();

    public QueryService(
            Driver driver,
            @Value("${coordscope.queries.timeout:30s}") Duration timeout,
            @Value("${coordscope.queries.max-rows:1000}") int maxRows) {
        this.driver = driver;
        this.timeout = timeout;
        this.maxRows = maxRows;
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<SavedQuery> queries = new ArrayList<>();
            for (Resource file : files) {
                String name = file.getFilename().replaceFirst("\\.cypher$", "");
                queries.add(SavedQuery.parse(name, file.getContentAsString(StandardCharsets.UTF_8)));
            }
            queries.sort(Comparator.comparing(SavedQuery::name));
            queries.forEach(q -> catalogue.put(q.name(), q));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the saved queries at " + LOCATION, e);
        }
    }

    /** A query's answer: the table (capped), whether rows were left out, and the graph in it, if any. */
    public record QueryResult(
            List<String> columns, List<List<Object>> rows, boolean truncated, long millis, QueryGraph graph) {}

    public record QueryGraph(List<QueryNode> nodes, List<QueryEdge> edges) {}

    public record QueryNode(String id, String label, List<String> labels, Map<String, Object> properties) {}

    public record QueryEdge(String id, String source, String target, String type, Map<String, Object> properties) {}

    public List<SavedQuery> catalogue() {
        return List.copyOf(catalogue.values());
    }

    public Optional<SavedQuery> find(String name) {
        return Optional.ofNullable(catalogue.get(name));
    }

    /** Runs a saved query with the given parameter values (strings or JSON values), at most {@code maxRows} rows. */
    public QueryResult run(String name, Map<String, Object> params) {
        SavedQuery query = find(name)
                .orElseThrow(() -> new org.coordscope.web.NotFoundException("No saved query '" + name
                        + "'. GET /api/queries lists them: " + String.join(", ", catalogue.keySet())));
        return runCypher(query.cypher(), query.bind(params), maxRows);
    }

    /**
     * An administrator's own read-only Cypher, with {@code $params} (JSON values), through the same runner as the
     * saved queries. Refused with a message saying why when it writes, calls a writing procedure or loads a file.
     */
    public QueryResult runAdHoc(String cypher, Map<String, Object> params) {
        if (cypher == null || cypher.isBlank()) {
            throw new InvalidFieldException(
                    "cypher",
                    "cypher is empty: write a read-only query, e.g. MATCH (a:Account)"
                            + " RETURN a.screenName LIMIT 10");
        }
        return runCypher(cypher.strip(), params == null ? Map.of() : params, maxRows);
    }

    /** Plan operators that write or read files; their presence refuses a query before it runs. */
    static final Map<String, String> REFUSED_OPERATORS = Map.ofEntries(
            Map.entry("LoadCSV", "it loads a file or URL (LOAD CSV); queries here may only read the graph"),
            Map.entry("Create", "it writes to the graph (CREATE)"),
            Map.entry("Merge", "it writes to the graph (MERGE)"),
            Map.entry("Delete", "it deletes from the graph (DELETE)"),
            Map.entry("DetachDelete", "it deletes from the graph (DETACH DELETE)"),
            Map.entry("SetProperty", "it writes to the graph (SET)"),
            Map.entry("SetProperties", "it writes to the graph (SET)"),
            Map.entry("SetNodeProperty", "it writes to the graph (SET)"),
            Map.entry("SetRelationshipProperty", "it writes to the graph (SET)"),
            Map.entry("SetNodePropertiesFromMap", "it writes to the graph (SET)"),
            Map.entry("SetRelationshipPropertiesFromMap", "it writes to the graph (SET)"),
            Map.entry("SetPropertiesFromMap", "it writes to the graph (SET)"),
            Map.entry("SetLabels", "it writes to the graph (SET label)"),
            Map.entry("RemoveLabels", "it writes to the graph (REMOVE)"),
            Map.entry("Foreach", "it writes to the graph (FOREACH)"),
            Map.entry("TransactionForeach", "it runs its own transactions (CALL { } IN TRANSACTIONS)"),
            Map.entry("TransactionApply", "it runs its own transactions (CALL { } IN TRANSACTIONS)"));

    /**
     * The runner: the text and the plan are checked first ({@link QueryGuard}: nesting, administration commands,
     * procedures, the :User nodes; {@code EXPLAIN}: no writing operator, no {@code LOAD CSV}, which a read
     * transaction would allow), then the query runs in a READ-mode session and a read transaction (the database
     * refuses any write, writing procedures included), with the timeout (server-side) and {@code cap} rows. An
     * explicit transaction rather than {@code executeRead}: a query stopped by the memory limit (a transient error)
     * must not be retried.
     */
    QueryResult runCypher(String cypher, Map<String, Object> params, int cap) {
        QueryGuard.checkText(cypher);
        long started = System.nanoTime();
        SessionConfig read =
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
        TransactionConfig config =
                TransactionConfig.builder().withTimeout(timeout).build();
        try (var session = driver.session(read);
                var tx = session.beginTransaction(config)) {
            Plan plan;
            try {
                plan = tx.run(EXPLAIN + cypher, params).consume().plan();
            } catch (Neo4jException e) {
                if (!String.valueOf(e.code()).contains("SyntaxError")) {
                    throw e;
                }
                // the user never wrote the EXPLAIN: neither it nor positions counted from it may show
                throw new IllegalArgumentException("The query failed: " + withoutExplain(e.getMessage()));
            }
            refuseByPlan(plan);
            QueryGuard.checkPlan(plan);
            Result result = tx.run(cypher, params);
            List<String> columns = result.keys();
            List<List<Object>> rows = new ArrayList<>();
            GraphBuilder graph = new GraphBuilder();
            boolean truncated = false;
            while (result.hasNext()) {
                if (rows.size() == cap) {
                    truncated = true;
                    break;
                }
                List<Object> row = new ArrayList<>();
                for (org.neo4j.driver.Value v : result.next().values()) {
                    row.add(cell(v.asObject(), graph));
                }
                rows.add(row);
            }
            Set<String> missing = graph.missingEndpoints();
            if (!missing.isEmpty()) {
                tx.run("MATCH (n) WHERE elementId(n) IN $ids RETURN n", Map.of("ids", List.copyOf(missing)))
                        .forEachRemaining(r -> graph.node(r.get("n").asNode()));
            }
            tx.rollback();
            return new QueryResult(columns, rows, truncated, (System.nanoTime() - started) / 1_000_000, graph.build());
        } catch (Neo4jException e) {
            throw refusal(e);
        }
    }

    private static final String EXPLAIN = "EXPLAIN ";

    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");

    /**
     * Neo4j's message about the {@code EXPLAIN}-prefixed query as the user wrote it: the prefix removed from the
     * quoted query and its caret line, the column (first line) and offset moved back by the prefix's length.
     */
    static String withoutExplain(String message) {
        if (message == null) {
            return "no reason given";
        }
        int shift = EXPLAIN.length();
        Matcher m = POSITION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            int offset = Integer.parseInt(m.group(3));
            m.appendReplacement(
                    out,
                    "(line " + line + ", column " + (line == 1 ? Math.max(1, column - shift) : column) + " (offset: "
                            + Math.max(0, offset - shift) + "))");
        }
        m.appendTail(out);
        String[] lines = out.toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("\"" + EXPLAIN)) {
                lines[i] = "\"" + lines[i].substring(1 + shift);
                // the caret under the error sits on the next line, indented by the prefix too
                if (i + 1 < lines.length && lines[i + 1].startsWith(" ".repeat(shift))) {
                    lines[i + 1] = lines[i + 1].substring(shift);
                }
                break;
            }
        }
        return String.join("\n", lines);
    }

    private static void refuseByPlan(Plan plan) {
        if (plan == null) {
            return;
        }
        String operator = plan.operatorType().replaceFirst("@.*$", "");
        String why = REFUSED_OPERATORS.get(operator);
        if (why != null) {
            throw new QueryRefusedException("Refused: " + why + ". Saved queries and the Cypher console are read-only,"
                    + " so that no query can change the evidence; write a query that only reads (MATCH … RETURN).");
        }
        plan.children().forEach(QueryService::refuseByPlan);
    }

    /** Neo4j's error as a message saying what happened and what to do. */
    private IllegalArgumentException refusal(Neo4jException e) {
        String code = String.valueOf(e.code());
        if (code.contains("TransactionTimedOut")) {
            return new QueryRefusedException("The query ran longer than "
                    + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s")
                    + " and was stopped: narrow its"
                    + " parameters (a shorter time range, a smaller limit).");
        }
        if (code.contains("MemoryPoolOutOfMemory")
                || code.contains("TransactionMemoryLimit")
                || String.valueOf(e.getMessage()).contains("memory")) {
            return new QueryRefusedException("The query needed more memory than one transaction may hold and was"
                    + " stopped (" + e.getMessage() + "). Narrow it: fewer rows before aggregation or ORDER BY, no"
                    + " cartesian products, a LIMIT.");
        }
        if (code.contains("AccessMode") || code.contains("Forbidden")) {
            return new QueryRefusedException("Refused: the query writes to the graph or calls a procedure that"
                    + " writes (" + e.getMessage() + "). Saved queries and the Cypher console are read-only, so that"
                    + " no query can change the evidence.");
        }
        return new IllegalArgumentException("The query failed: " + e.getMessage());
    }

    /** A query refused or stopped for safety; answered 400 with the message. */
    public static final class QueryRefusedException extends IllegalArgumentException {
        QueryRefusedException(String message) {
            super(message);
        }
    }

    /** A value as a JSON-able table cell; graph elements are recorded in {@code graph}. */
    private static Object cell(Object o, GraphBuilder graph) {
        if (o instanceof Node n) {
            graph.node(n);
            return label(n);
        }
        if (o instanceof Relationship r) {
            graph.edge(r);
            return r.type();
        }
        if (o instanceof Path p) {
            p.nodes().forEach(graph::node);
            p.relationships().forEach(graph::edge);
            return "path of " + p.length() + (p.length() == 1 ? " hop" : " hops");
        }
        if (o instanceof List<?> list) {
            return list.stream().map(x -> cell(x, graph)).toList();
        }
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), cell(x, graph)));
            return out;
        }
        return plain(o);
    }

    /** Times as ISO-8601 UTC strings; everything else as the driver gives it. */
    private static Object plain(Object o) {
        if (o instanceof ZonedDateTime z) {
            return z.toInstant().toString();
        }
        if (o instanceof OffsetDateTime z) {
            return z.toInstant().toString();
        }
        if (o instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC).toString();
        }
        if (o instanceof java.time.temporal.Temporal || o instanceof org.neo4j.driver.types.IsoDuration) {
            return o.toString();
        }
        if (o instanceof List<?> list) {
            return list.stream().map(QueryService::plain).toList();
        }
        return o;
    }

    private static Map<String, Object> properties(Entity e) {
        Map<String, Object> props = new LinkedHashMap<>();
        e.asMap().forEach((k, v) -> props.put(k, plain(v)));
        return props;
    }

    /** What a person calls a node: its screen name, tag, URL, name or id. */
    static String label(Node n) {
        for (String key : List.of("screenName", "tag", "url", "name", "id")) {
            if (n.containsKey(key) && !n.get(key).isNull()) {
                return (key.equals("tag") ? "#" : "") + n.get(key).asObject();
            }
        }
        return n.labels().iterator().hasNext() ? n.labels().iterator().next() : n.elementId();
    }

    /** Collects the distinct nodes and relationships a result holds. */
    private static final class GraphBuilder {
        final Map<String, QueryNode> nodes = new LinkedHashMap<>();
        final Map<String, QueryEdge> edges = new LinkedHashMap<>();

        void node(Node n) {
            nodes.computeIfAbsent(n.elementId(), id -> {
                List<String> labels = new ArrayList<>();
                n.labels().forEach(labels::add);
                return new QueryNode(id, label(n), labels, properties(n));
            });
        }

        void edge(Relationship r) {
            edges.computeIfAbsent(
                    r.elementId(),
                    id -> new QueryEdge(id, r.startNodeElementId(), r.endNodeElementId(), r.type(), properties(r)));
        }

        Set<String> missingEndpoints() {
            Set<String> missing = new HashSet<>();
            for (QueryEdge e : edges.values()) {
                for (String end : List.of(e.source(), e.target())) {
                    if (!nodes.containsKey(end)) {
                        missing.add(end);
                    }
                }
            }
            return missing;
        }

        QueryGraph build() {
            return nodes.isEmpty() && edges.isEmpty()
                    ? null
                    : new QueryGraph(List.copyOf(nodes.values()), List.copyOf(edges.values()));
        }
    }
}

package org.coordscope.triage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.web.Page;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * Triage marks and the allowlist, stored in Neo4j as nodes of their own so they outlive detection runs:
 * <pre>
 * (:Mark {targetType, targetId, dataset, status, note, updatedAt})   unique on (targetType, targetId, dataset)
 * (:Allowlisted {dataset, accountId, note, addedAt})                  unique on (dataset, accountId)
 * </pre>
 * An account mark keys on (dataset, account id), so it shows on the account in every run; a cluster mark keys on
 * the cluster id, which names its run, and keeps the cluster's member ids ({@code m.members}) so that a later run's
 * cluster holding most of them shows the mark as carried over ({@link #clusterMarks}). Allowlisted accounts are left out of every suspect list
 * ({@code DetectionStore.suspects}, so the REST exports and the CLI's {@code export suspects} alike).
 */
@Service
public class TriageService {

    public static final List<String> TARGET_TYPES = List.of("account", "cluster");
    public static final List<String> STATUSES = List.of("confirmed", "false_positive", "needs_review");

    private static final String MARK_FIELDS = """
            m.targetType AS targetType, m.targetId AS targetId, m.dataset AS dataset, m.status AS status,
            m.note AS note, toString(m.updatedAt) AS updatedAt, m.assignee AS assignee
            """;

    /**
     * For each cluster mark of the dataset set on another run's cluster, the cluster of {@code $run} holding most of
     * its members (ties to the smaller id), with how many.
     */
    private static final String CARRIED = """
            MATCH (m:Mark {targetType: 'cluster', dataset: $dataset})
            WHERE m.members IS NOT NULL AND NOT m.targetId IN $ids
            UNWIND m.members AS id
            MATCH (:Account {id: id, dataset: $dataset})-[:IN_CLUSTER {run: $run}]->(c:Cluster)
            WITH m, c.id AS cluster, count(*) AS shared ORDER BY shared DESC, cluster
            WITH m, collect(cluster)[0] AS cluster
            RETURN cluster,\s""" + MARK_FIELDS + """
            ORDER BY m.updatedAt DESC
            """;

    private final Driver driver;

    public TriageService(Driver driver) {
        this.driver = driver;
    }

    /** One allowlisted account. */
    public record Allowlisted(String dataset, String accountId, String note, String addedAt) {}

    /** The longest assignee name taken. */
    public static final int MAX_ASSIGNEE = 100;

    /** Creates or replaces the mark on a target. */
    public Mark mark(String targetType, String targetId, String dataset, String status, String note) {
        return mark(targetType, targetId, dataset, status, note, null);
    }

    /**
     * Creates or replaces the mark on a target, assigned to {@code assignee} (null: nobody). A cluster mark records
     * the cluster's members, so that it carries over to the re-run's cluster that holds most of them.
     */
    public Mark mark(String targetType, String targetId, String dataset, String status, String note, String assignee) {
        if (assignee != null && assignee.length() > MAX_ASSIGNEE) {
            throw new IllegalArgumentException("assignee must be at most " + MAX_ASSIGNEE + " characters");
        }
        require("targetType", targetType, TARGET_TYPES);
        require("status", status, STATUSES);
        requireText("targetId", targetId);
        requireText("dataset", dataset);
        Map<String, Object> params = new HashMap<>();
        params.put("targetType", targetType);
        params.put("targetId", targetId);
        params.put("dataset", dataset);
        params.put("status", status);
        params.put("note", note);
        params.put("assignee", assignee == null || assignee.isBlank() ? null : assignee.strip());
        params.put("now", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        try (var session = driver.session()) {
            return session.executeWrite(
                    tx -> mark(tx.run("""
                    MERGE (m:Mark {targetType: $targetType, targetId: $targetId, dataset: $dataset})
                    SET m.status = $status, m.note = $note, m.assignee = $assignee, m.updatedAt = datetime($now)
                    WITH m
                    OPTIONAL MATCH (c:Cluster {id: $targetId}) WHERE $targetType = 'cluster'
                    OPTIONAL MATCH (c)<-[:IN_CLUSTER]-(a:Account)
                    WITH m, c, collect(a.id) AS members
                    SET m.members = CASE WHEN c IS NULL THEN m.members ELSE members END
                    RETURN\s""" + MARK_FIELDS, params).single()));
        }
    }

    public boolean unmark(String targetType, String targetId, String dataset) {
        require("targetType", targetType, TARGET_TYPES);
        try (var session = driver.session()) {
            return session.executeWrite(
                    tx -> tx.run("""
                    MATCH (m:Mark {targetType: $targetType, targetId: $targetId, dataset: $dataset})
                    DELETE m RETURN count(*) AS n
                    """, Map.of("targetType", targetType, "targetId", targetId, "dataset", dataset))
                                    .single()
                                    .get("n")
                                    .asLong()
                            > 0);
        }
    }

    /** Marks, newest first; all statuses when {@code status} is null. */
    public Page<Mark> marks(String status, Page.Request page) {
        if (status != null) {
            require("status", status, STATUSES);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("status", status);
        params.put("skip", page.skip());
        params.put("limit", page.size());
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                long total = tx.run(
                                "MATCH (m:Mark) WHERE $status IS NULL OR m.status = $status RETURN count(m) AS n",
                                params)
                        .single()
                        .get("n")
                        .asLong();
                List<Mark> items = tx.run(
                                "MATCH (m:Mark) WHERE $status IS NULL OR m.status = $status RETURN " + MARK_FIELDS
                                        + " ORDER BY m.updatedAt DESC, m.targetId SKIP $skip LIMIT $limit",
                                params)
                        .list(TriageService::mark);
                return page.answer(items, total);
            });
        }
    }

    /** The marks on the given targets of one type, by target id (all datasets when {@code dataset} is null). */
    public Map<String, Mark> marksOn(String targetType, String dataset, Collection<String> ids) {
        Map<String, Object> params = new HashMap<>();
        params.put("targetType", targetType);
        params.put("dataset", dataset);
        params.put("ids", List.copyOf(ids));
        Map<String, Mark> marks = new HashMap<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("""
                    UNWIND $ids AS id
                    MATCH (m:Mark {targetType: $targetType, targetId: id})
                    WHERE $dataset IS NULL OR m.dataset = $dataset
                    RETURN\s""" + MARK_FIELDS, params).list(TriageService::mark))
                    .forEach(m -> marks.put(m.targetId(), m));
        }
        return marks;
    }

    /**
     * The marks on clusters {@code ids} of run {@code run}: the mark set on a cluster, else a mark carried over
     * from an earlier run's marked cluster whose members are mostly in it ({@link Mark#carriedFrom}; the newest
     * when several land on one cluster).
     */
    public Map<String, Mark> clusterMarks(String run, String dataset, Collection<String> ids) {
        Map<String, Mark> marks = new HashMap<>(marksOn("cluster", dataset, ids));
        if (dataset == null || ids.isEmpty()) {
            return marks;
        }
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run(CARRIED, Map.of("run", run, "dataset", dataset, "ids", List.copyOf(ids)))
                            .list())
                    .forEach(r -> {
                        String cluster = r.get("cluster").asString(null);
                        if (cluster != null && ids.contains(cluster)) {
                            marks.putIfAbsent(cluster, mark(r).carriedTo(cluster));
                        }
                    });
        }
        return marks;
    }

    public Allowlisted allow(String dataset, String accountId, String note) {
        requireText("dataset", dataset);
        requireText("accountId", accountId);
        Map<String, Object> params = new HashMap<>();
        params.put("dataset", dataset);
        params.put("accountId", accountId);
        params.put("note", note);
        params.put("now", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        try (var session = driver.session()) {
            return session.executeWrite(tx -> allowlisted(tx.run("""
                    MERGE (w:Allowlisted {dataset: $dataset, accountId: $accountId})
                    ON CREATE SET w.addedAt = datetime($now)
                    SET w.note = $note
                    RETURN w.dataset AS dataset, w.accountId AS accountId, w.note AS note,
                           toString(w.addedAt) AS addedAt
                    """, params).single()));
        }
    }

    public boolean disallow(String dataset, String accountId) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run("""
                    MATCH (w:Allowlisted {dataset: $dataset, accountId: $accountId})
                    DELETE w RETURN count(*) AS n
                    """, Map.of("dataset", dataset, "accountId", accountId))
                            .single()
                            .get("n")
                            .asLong()
                    > 0);
        }
    }

    public Page<Allowlisted> allowlist(Page.Request page) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                long total = tx.run("MATCH (w:Allowlisted) RETURN count(w) AS n")
                        .single()
                        .get("n")
                        .asLong();
                List<Allowlisted> items = tx.run("""
                        MATCH (w:Allowlisted)
                        RETURN w.dataset AS dataset, w.accountId AS accountId, w.note AS note,
                               toString(w.addedAt) AS addedAt
                        ORDER BY w.dataset, w.accountId SKIP $skip LIMIT $limit
                        """, Map.of("skip", page.skip(), "limit", page.size()))
                        .list(TriageService::allowlisted);
                return page.answer(items, total);
            });
        }
    }

    /** Which of the given accounts of {@code dataset} are allowlisted. */
    public Set<String> allowlisted(String dataset, Collection<String> accountIds) {
        try (var session = driver.session()) {
            return Set.copyOf(session.executeRead(
                    tx -> tx.run("""
                    UNWIND $ids AS id
                    MATCH (w:Allowlisted {dataset: $dataset, accountId: id})
                    RETURN w.accountId AS id
                    """, Map.of("dataset", dataset, "ids", List.copyOf(accountIds)))
                            .list(r -> r.get("id").asString())));
        }
    }

    private static Mark mark(Record r) {
        return new Mark(
                r.get("targetType").asString(),
                r.get("targetId").asString(),
                r.get("dataset").asString(),
                r.get("status").asString(),
                r.get("note").asString(null),
                r.get("updatedAt").asString(null),
                r.get("assignee").asString(null),
                null);
    }

    private static Allowlisted allowlisted(Record r) {
        return new Allowlisted(
                r.get("dataset").asString(),
                r.get("accountId").asString(),
                r.get("note").asString(null),
                r.get("addedAt").asString(null));
    }

    private static void require(String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new IllegalArgumentException(field + " must be one of " + String.join(", ", allowed) + "; got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}

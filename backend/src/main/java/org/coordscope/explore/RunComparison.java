package org.coordscope.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.web.Page;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * Which accounts entered, left or changed cluster between two runs of one dataset. Cluster ids differ between
 * runs, so "changed" is judged against a matching: each cluster of the first run is matched to the cluster of the
 * second run that holds most of its members; an account moved when it is now in another cluster than its old
 * cluster's match (a cluster that split shows its smaller parts as moved; a merge moves nobody).
 */
@Service
public class RunComparison {

    private static final String MEMBERS = """
            MATCH (c:Cluster {run: $run})<-[:IN_CLUSTER]-(a:Account)
            RETURN a.id AS id, a.screenName AS screenName, c.id AS cluster
            """;

    private final Driver driver;
    private final DetectionStore runs;

    public RunComparison(Driver driver, DetectionStore runs) {
        this.driver = driver;
        this.runs = runs;
    }

    /** One account's change; {@code fromCluster} null when it entered, {@code toCluster} null when it left. */
    public record Change(String accountId, String screenName, String fromCluster, String toCluster) {}

    public record Comparison(String from, String to, Page<Change> entered, Page<Change> left, Page<Change> moved) {}

    public Comparison compare(String from, String to, Page.Request page) {
        if (from == null || to == null) {
            throw new IllegalArgumentException((from == null ? "from" : "to") + " is required: the id of a run");
        }
        DetectionResult a = runs.resolve(from, null);
        DetectionResult b = runs.resolve(to, null);
        if (!a.dataset().equals(b.dataset())) {
            throw new IllegalArgumentException("from and to must be runs of one dataset; " + a.runId() + " is of '"
                    + a.dataset() + "' and " + b.runId() + " of '" + b.dataset() + "'");
        }
        Map<String, String[]> before = members(a.runId());
        Map<String, String[]> after = members(b.runId());
        Map<String, Map<String, Integer>> overlap = new HashMap<>();
        before.forEach((id, m) -> {
            String[] now = after.get(id);
            if (now != null) {
                overlap.computeIfAbsent(m[1], k -> new HashMap<>()).merge(now[1], 1, Integer::sum);
            }
        });
        Map<String, String> match = new HashMap<>();
        overlap.forEach((old, counts) -> match.put(
                old,
                counts.entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                        .orElseThrow()
                        .getKey()));
        List<Change> entered = new ArrayList<>();
        List<Change> left = new ArrayList<>();
        List<Change> moved = new ArrayList<>();
        after.forEach((id, m) -> {
            if (!before.containsKey(id)) {
                entered.add(new Change(id, m[0], null, m[1]));
            }
        });
        before.forEach((id, m) -> {
            String[] now = after.get(id);
            if (now == null) {
                left.add(new Change(id, m[0], m[1], null));
            } else if (!now[1].equals(match.get(m[1]))) {
                moved.add(new Change(id, m[0], m[1], now[1]));
            }
        });
        Comparator<Change> byId = Comparator.comparing(Change::accountId);
        entered.sort(byId);
        left.sort(byId);
        moved.sort(byId);
        return new Comparison(
                a.runId(), b.runId(), Page.slice(entered, page), Page.slice(left, page), Page.slice(moved, page));
    }

    /** Account id to {screen name, cluster id}. */
    private Map<String, String[]> members(String run) {
        Map<String, String[]> members = new HashMap<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run(MEMBERS, Map.of("run", run)).list())
                    .forEach(r -> members.put(r.get("id").asString(), new String[] {
                        r.get("screenName").asString(null), r.get("cluster").asString()
                    }));
        }
        return members;
    }
}

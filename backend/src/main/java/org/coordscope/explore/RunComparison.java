package org.coordscope.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.triage.Mark;
import org.coordscope.triage.TriageService;
import org.coordscope.web.Page;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * Which accounts entered, left or changed cluster between two runs of one dataset. Cluster ids differ between
 * runs, so "changed" is judged against a matching: each cluster of the first run is matched to the cluster of the
 * second run that holds most of its members; an account moved when it is now in another cluster than its old
 * cluster's match (a cluster that split shows its smaller parts as moved; a merge moves nobody). Each cluster of the
 * first run is listed with its match, both scores and the triage marks on both (the second run's carried over when
 * it was not marked itself), so a confirmed cluster can be followed to the re-run.
 */
@Service
public class RunComparison {

    private static final String MEMBERS = """
            MATCH (c:Cluster {run: $run})<-[:IN_CLUSTER]-(a:Account)
            RETURN a.id AS id, a.screenName AS screenName, c.id AS cluster
            """;

    private static final String CLUSTERS = "MATCH (c:Cluster {run: $run}) RETURN c.id AS id, c.score AS score";

    private final Driver driver;
    private final DetectionStore runs;
    private final TriageService triage;

    public RunComparison(Driver driver, DetectionStore runs, TriageService triage) {
        this.driver = driver;
        this.runs = runs;
        this.triage = triage;
    }

    /**
     * One account's change; {@code fromCluster} null when it entered, {@code toCluster} null when it left; {@code
     * mark} the account's triage mark.
     */
    public record Change(String accountId, String screenName, String fromCluster, String toCluster, Mark mark) {}

    /**
     * A cluster of the first run and its match in the second ({@code toCluster} null when none of its members is
     * clustered there): {@code shared} of its {@code members} are in the match; the scores and their change; the
     * marks on both ({@code toMark} may be carried over from {@code fromCluster}).
     */
    public record ClusterMatch(
            String fromCluster,
            double fromScore,
            long members,
            String toCluster,
            Double toScore,
            Double scoreChange,
            long shared,
            Mark fromMark,
            Mark toMark) {}

    public record Comparison(
            String from,
            String to,
            Page<ClusterMatch> clusters,
            Page<Change> entered,
            Page<Change> left,
            Page<Change> moved) {}

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
                entered.add(new Change(id, m[0], null, m[1], null));
            }
        });
        before.forEach((id, m) -> {
            String[] now = after.get(id);
            if (now == null) {
                left.add(new Change(id, m[0], m[1], null, null));
            } else if (!now[1].equals(match.get(m[1]))) {
                moved.add(new Change(id, m[0], m[1], now[1], null));
            }
        });
        Comparator<Change> byId = Comparator.comparing(Change::accountId);
        entered.sort(byId);
        left.sort(byId);
        moved.sort(byId);
        List<ClusterMatch> clusters = clusters(a, b, before, overlap, match);
        return new Comparison(
                a.runId(),
                b.runId(),
                Page.slice(clusters, page),
                withMarks(a.dataset(), Page.slice(entered, page)),
                withMarks(a.dataset(), Page.slice(left, page)),
                withMarks(a.dataset(), Page.slice(moved, page)));
    }

    /** The first run's clusters with their matches, marked ones first, then by score. */
    private List<ClusterMatch> clusters(
            DetectionResult a,
            DetectionResult b,
            Map<String, String[]> before,
            Map<String, Map<String, Integer>> overlap,
            Map<String, String> match) {
        Map<String, Double> fromScores = scores(a.runId());
        Map<String, Double> toScores = scores(b.runId());
        Map<String, Long> sizes = new HashMap<>();
        before.values().forEach(m -> sizes.merge(m[1], 1L, Long::sum));
        Map<String, Mark> fromMarks = triage.clusterMarks(a.runId(), a.dataset(), fromScores.keySet());
        Map<String, Mark> toMarks = triage.clusterMarks(b.runId(), b.dataset(), toScores.keySet());
        List<ClusterMatch> list = new ArrayList<>();
        fromScores.forEach((id, score) -> {
            String to = match.get(id);
            Double toScore = to == null ? null : toScores.get(to);
            list.add(new ClusterMatch(
                    id,
                    score,
                    sizes.getOrDefault(id, 0L),
                    to,
                    toScore,
                    toScore == null ? null : toScore - score,
                    to == null ? 0 : overlap.get(id).get(to),
                    fromMarks.get(id),
                    to == null ? null : toMarks.get(to)));
        });
        list.sort(Comparator.comparing((ClusterMatch m) -> m.fromMark() == null && m.toMark() == null)
                .thenComparing(
                        Comparator.comparingDouble(ClusterMatch::fromScore).reversed())
                .thenComparing(ClusterMatch::fromCluster));
        return list;
    }

    private Map<String, Double> scores(String run) {
        Map<String, Double> scores = new HashMap<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run(CLUSTERS, Map.of("run", run)).list())
                    .forEach(r ->
                            scores.put(r.get("id").asString(), r.get("score").asDouble(0)));
        }
        return scores;
    }

    private Page<Change> withMarks(String dataset, Page<Change> page) {
        Map<String, Mark> marks = triage.marksOn(
                "account", dataset, page.items().stream().map(Change::accountId).toList());
        return new Page<>(
                page.items().stream()
                        .map(c -> new Change(
                                c.accountId(),
                                c.screenName(),
                                c.fromCluster(),
                                c.toCluster(),
                                marks.get(c.accountId())))
                        .toList(),
                page.total(),
                page.page(),
                page.size());
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

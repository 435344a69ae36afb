package org.coordscope.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.triage.Mark;
import org.coordscope.triage.TriageService;
import org.coordscope.web.NotFoundException;
import org.coordscope.web.Page;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Service;

/**
 * A run's clusters: the filtered, sorted list; one cluster's summary, shared objects and members; its activity.
 * A finished run never changes, so its cluster summaries (with the main signals and creation spans, which take
 * a pass over the run's edges) are computed once and kept for the newest few runs.
 */
@Service
public class ClusterService {

    static final int CACHED_RUNS = 8;
    static final int TOP_OBJECTS = 20;
    /** Edges read for a cluster's shared objects, heaviest first. */
    static final int OBJECT_EDGES = 20_000;

    static final String SUMMARIES = """
            MATCH (c:Cluster {run: $run})
            CALL (c) {
              MATCH (c)<-[:IN_CLUSTER]-(a:Account)
              RETURN min(a.createdAt) AS createdFrom, max(a.createdAt) AS createdTo
            }
            CALL (c) {
              OPTIONAL MATCH (c)<-[:IN_CLUSTER]-(:Account)-[e:COORDINATED {run: $run}]->(:Account)-[:IN_CLUSTER]->(c)
              UNWIND coalesce(e.signals, []) AS signal
              WITH signal, count(*) AS n ORDER BY n DESC, signal
              RETURN collect(signal) AS signals
            }
            RETURN c.id AS id, c.dataset AS dataset, c.size AS size, c.score AS score, c.reasons AS reasons,
                   createdFrom, createdTo, signals
            """;

    /** Edges read per cluster to name it: the heaviest, whose shared objects say what the cluster pushed. */
    static final int NAME_EDGES = 50;

    private static final String NAME_EVIDENCE = """
            MATCH (c:Cluster {run: $run})
            CALL (c) {
              MATCH (c)<-[:IN_CLUSTER]-(a:Account)-[e:COORDINATED {run: $run}]->(b:Account)-[:IN_CLUSTER]->(c)
              RETURN a.id AS a, b.id AS b, e.evidence AS evidence ORDER BY e.weight DESC LIMIT $limit
            }
            RETURN c.id AS cluster, a, b, evidence
            """;

    /** The authors of retweeted tweets, to name a cluster by the account it amplified. */
    private static final String AUTHORS = """
            UNWIND $ids AS id
            MATCH (t:Tweet {id: id, dataset: $dataset})<-[:POSTED]-(a:Account)
            RETURN id, coalesce(a.screenName, a.id) AS author, a.screenName IS NOT NULL AS named
            """;

    private static final String MEMBERS = """
            MATCH (c:Cluster {id: $cluster})<-[m:IN_CLUSTER]-(a:Account)
            RETURN a.id AS id, a.screenName AS screenName, a.platform AS platform, a.createdAt AS createdAt,
                   m.strength AS strength,
                   m.score AS score, m.reasons AS reasons
            ORDER BY m.score DESC, m.strength DESC, a.id
            SKIP $skip LIMIT $limit
            """;

    private static final String OBJECT_EVIDENCE = """
            MATCH (c:Cluster {id: $cluster})<-[:IN_CLUSTER]-(a:Account)-[e:COORDINATED {run: $run}]->(b:Account)
                  -[:IN_CLUSTER]->(c)
            RETURN a.id AS a, b.id AS b, e.evidence AS evidence
            ORDER BY e.weight DESC LIMIT $limit
            """;

    private static final String MEMBER_POSTS =
            "MATCH (:Cluster {id: $cluster})<-[:IN_CLUSTER]-(:Account)-[:POSTED]->(t:Tweet)\n";

    private final Driver driver;
    private final DetectionStore runs;
    private final TriageService triage;
    private final ObjectMapper json;
    private final Map<String, List<ClusterSummary>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ClusterSummary>> eldest) {
            return size() > CACHED_RUNS;
        }
    };

    public ClusterService(Driver driver, DetectionStore runs, TriageService triage, ObjectMapper json) {
        this.driver = driver;
        this.runs = runs;
        this.triage = triage;
        this.json = json;
    }

    /** A cluster as listed; {@code signals} main first, {@code createdFrom/To} span its members' account creation. */
    /**
     * A cluster as listed; {@code signals} main first, {@code createdFrom/To} span its members' account creation;
     * {@code name} what it pushed most (see {@link ClusterNames}), null when its edges carry no evidence;
     * {@code suspectThreshold} the score from which detection counts a cluster as suspect (the same for all).
     */
    public record ClusterSummary(
            String id,
            String run,
            String dataset,
            long size,
            double score,
            List<String> signals,
            List<String> reasons,
            String createdFrom,
            String createdTo,
            String name,
            double suspectThreshold,
            Mark mark) {

        ClusterSummary withMark(Mark m) {
            return new ClusterSummary(
                    id, run, dataset, size, score, signals, reasons, createdFrom, createdTo, name, suspectThreshold, m);
        }

        ClusterSummary withName(String n) {
            return new ClusterSummary(
                    id, run, dataset, size, score, signals, reasons, createdFrom, createdTo, n, suspectThreshold, mark);
        }
    }

    /** An object the cluster's members shared: how many members acted on it, how often, when. */
    public record TopObject(String kind, String object, int accounts, int actions, String firstAt, String lastAt) {}

    /** A member ranked by its own score; {@code platform} {@code twitter} or {@code telegram} (null before). */
    public record Member(
            String accountId,
            String screenName,
            String platform,
            String createdAt,
            double strength,
            double score,
            List<String> reasons,
            Mark mark,
            boolean allowlisted) {}

    public record ClusterDetail(
            ClusterSummary summary, List<String> reasons, List<TopObject> topObjects, Page<Member> members) {}

    /** What {@link #list} filters and sorts by; null fields mean no filter / the default. */
    public record Filter(String run, String dataset, Double minScore, String signal, String sort, String dir) {}

    public Page<ClusterSummary> list(Filter f, Page.Request page) {
        String sort = f.sort() == null ? "score" : f.sort().toLowerCase(Locale.ROOT);
        Comparator<ClusterSummary> order = switch (sort) {
            case "score" -> Comparator.comparingDouble(ClusterSummary::score);
            case "size" -> Comparator.comparingLong(ClusterSummary::size);
            case "created" ->
                Comparator.comparing(ClusterSummary::createdFrom, Comparator.nullsFirst(Comparator.naturalOrder()));
            default ->
                throw new IllegalArgumentException("sort must be score, size or created; got '" + f.sort() + "'");
        };
        String dir = f.dir() == null ? "desc" : f.dir().toLowerCase(Locale.ROOT);
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new IllegalArgumentException("dir must be asc or desc; got '" + f.dir() + "'");
        }
        if (dir.equals("desc")) {
            order = order.reversed();
        }
        double minScore = f.minScore() == null ? 0 : f.minScore();
        if (minScore < 0 || minScore > 1) {
            throw new IllegalArgumentException("minScore must be between 0 and 1; got " + minScore);
        }
        List<ClusterSummary> matching = summaries(runs.resolve(f.run(), f.dataset())).stream()
                .filter(c -> c.score() >= minScore)
                .filter(c -> f.signal() == null
                        || f.signal().isBlank()
                        || c.signals().contains(f.signal()))
                .sorted(order.thenComparing(ClusterSummary::id))
                .toList();
        Page<ClusterSummary> slice = Page.slice(matching, page);
        return page.answer(withMarks(slice.items()), slice.total());
    }

    public ClusterDetail detail(String clusterId, Page.Request memberPage) {
        ClusterSummary summary = summary(clusterId);
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Map<String, Object> params = Map.of(
                        "cluster",
                        clusterId,
                        "run",
                        summary.run(),
                        "skip",
                        memberPage.skip(),
                        "limit",
                        memberPage.size());
                List<Record> rows = tx.run(MEMBERS, params).list();
                List<String> ids =
                        rows.stream().map(r -> r.get("id").asString()).toList();
                Map<String, Mark> marks = triage.marksOn("account", summary.dataset(), ids);
                Set<String> allowed = triage.allowlisted(summary.dataset(), ids);
                List<Member> members = rows.stream()
                        .map(r -> {
                            String id = r.get("id").asString();
                            return new Member(
                                    id,
                                    r.get("screenName").asString(null),
                                    r.get("platform").asString(null),
                                    Evidence.iso(r.get("createdAt")),
                                    r.get("strength").asDouble(),
                                    r.get("score").asDouble(),
                                    r.get("reasons").asList(v -> v.asString()),
                                    marks.get(id),
                                    allowed.contains(id));
                        })
                        .toList();
                List<TopObject> objects = topObjects(tx.run(
                                OBJECT_EVIDENCE,
                                Map.of("cluster", clusterId, "run", summary.run(), "limit", OBJECT_EDGES))
                        .list());
                return new ClusterDetail(
                        summary, summary.reasons(), objects, memberPage.answer(members, summary.size()));
            });
        }
    }

    public Activity activity(String clusterId, int buckets) {
        Activity.checkBuckets(buckets);
        summary(clusterId);
        try (var session = driver.session()) {
            return session.executeRead(tx -> Activity.of(tx, MEMBER_POSTS, Map.of("cluster", clusterId), buckets));
        }
    }

    /** One cluster's summary, with its mark; 404 when there is no such cluster. */
    public ClusterSummary summary(String clusterId) {
        String run;
        try (var session = driver.session()) {
            run = session.executeRead(
                    tx -> tx.run("MATCH (c:Cluster {id: $id}) RETURN c.run AS run", Map.of("id", clusterId)).stream()
                            .findFirst()
                            .map(r -> r.get("run").asString(null))
                            .orElse(null));
        }
        if (run == null) {
            throw new NotFoundException("No cluster '" + clusterId + "'.");
        }
        DetectionResult info = runs.resolve(run, null);
        ClusterSummary found = summaries(info).stream()
                .filter(c -> c.id().equals(clusterId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No cluster '" + clusterId + "'."));
        return withMarks(List.of(found)).get(0);
    }

    private List<ClusterSummary> summaries(DetectionResult run) {
        synchronized (cache) {
            List<ClusterSummary> cached = cache.get(run.runId());
            if (cached != null) {
                return cached;
            }
        }
        List<ClusterSummary> all;
        try (var session = driver.session()) {
            all = session.executeRead(tx -> tx.run(SUMMARIES, Map.of("run", run.runId()))
                    .list(r -> new ClusterSummary(
                            r.get("id").asString(),
                            run.runId(),
                            r.get("dataset").asString(null),
                            r.get("size").asLong(),
                            r.get("score").asDouble(),
                            r.get("signals").asList(v -> v.asString()),
                            r.get("reasons").asList(v -> v.asString()),
                            Evidence.iso(r.get("createdFrom")),
                            Evidence.iso(r.get("createdTo")),
                            null,
                            DetectionService.defaultThreshold(),
                            null)));
            all = withNames(session, run.runId(), all);
        }
        if ("DONE".equals(run.status())) {
            synchronized (cache) {
                cache.put(run.runId(), all);
            }
        }
        return all;
    }

    /** Each cluster named by the object its heaviest edges share with the most members (retweets by their author). */
    private List<ClusterSummary> withNames(Session session, String run, List<ClusterSummary> all) {
        Map<String, List<Record>> edges = new HashMap<>();
        session.executeRead(tx -> tx.run(NAME_EVIDENCE, Map.of("run", run, "limit", NAME_EDGES))
                        .list())
                .forEach(r -> edges.computeIfAbsent(r.get("cluster").asString(), k -> new ArrayList<>())
                        .add(r));
        Map<String, TopObject> top = new HashMap<>();
        edges.forEach((cluster, rows) -> topObjects(rows).stream().findFirst().ifPresent(o -> top.put(cluster, o)));
        List<String> retweeted = top.values().stream()
                .filter(o -> "co-retweet".equals(o.kind()))
                .map(TopObject::object)
                .distinct()
                .toList();
        String dataset = all.isEmpty() ? null : all.get(0).dataset();
        Map<String, String> authors = new HashMap<>();
        if (!retweeted.isEmpty()) {
            session.executeRead(tx -> tx.run(AUTHORS, Map.of("ids", retweeted, "dataset", dataset))
                            .list())
                    .forEach(r -> authors.put(
                            r.get("id").asString(),
                            (r.get("named").asBoolean() ? "@" : "account ")
                                    + r.get("author").asString()));
        }
        return all.stream()
                .map(c -> {
                    TopObject o = top.get(c.id());
                    return o == null ? c : c.withName(ClusterNames.name(o.kind(), o.object(), authors.get(o.object())));
                })
                .toList();
    }

    private List<ClusterSummary> withMarks(List<ClusterSummary> clusters) {
        if (clusters.isEmpty()) {
            return clusters;
        }
        // all of one run: the marks set on them, or carried over from an earlier run's marked cluster
        Map<String, Mark> marks = triage.clusterMarks(
                clusters.get(0).run(),
                clusters.get(0).dataset(),
                clusters.stream().map(ClusterSummary::id).toList());
        return clusters.stream().map(c -> c.withMark(marks.get(c.id()))).toList();
    }

    private List<TopObject> topObjects(List<Record> edges) {
        final class Tally {
            final Set<String> accounts = new HashSet<>();
            final Set<String> actions = new HashSet<>();
            String first;
            String last;

            void add(String account, Object time) {
                accounts.add(account);
                if (time instanceof String t) {
                    actions.add(account + "\u0000" + t);
                    first = first == null || t.compareTo(first) < 0 ? t : first;
                    last = last == null || t.compareTo(last) > 0 ? t : last;
                }
            }
        }
        Map<List<String>, Tally> tallies = new HashMap<>();
        for (Record e : edges) {
            for (Map<String, Object> item : Evidence.parse(json, e.get("evidence"))) {
                Tally t = tallies.computeIfAbsent(
                        List.of(String.valueOf(item.get("signal")), String.valueOf(item.get("object"))),
                        k -> new Tally());
                t.add(e.get("a").asString(), item.get("timeA"));
                t.add(e.get("b").asString(), item.get("timeB"));
            }
        }
        List<TopObject> objects = new ArrayList<>();
        tallies.forEach((k, t) ->
                objects.add(new TopObject(k.get(0), k.get(1), t.accounts.size(), t.actions.size(), t.first, t.last)));
        objects.sort(Comparator.comparingInt(TopObject::accounts)
                .reversed()
                .thenComparing(Comparator.comparingInt(TopObject::actions).reversed())
                .thenComparing(TopObject::object));
        return objects.size() > TOP_OBJECTS ? List.copyOf(objects.subList(0, TOP_OBJECTS)) : objects;
    }
}

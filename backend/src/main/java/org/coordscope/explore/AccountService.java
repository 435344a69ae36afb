package org.coordscope.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.triage.Mark;
import org.coordscope.triage.TriageService;
import org.coordscope.web.NotFoundException;
import org.coordscope.web.Page;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * One account: profile, memberships, activity and co-actors; its coordination neighbours in a run, heaviest
 * first; the evidence behind one edge. Accounts are found by the (id, dataset) uniqueness constraint's index,
 * once per dataset when the caller names none.
 */
@Service
public class AccountService {

    static final int TOP_CO_ACTORS = 10;

    private static final String FIND = """
            MATCH (d:Dataset)
            WHERE $dataset IS NULL OR d.name = $dataset
            MATCH (a:Account {id: $id, dataset: d.name})
            RETURN a.dataset AS dataset ORDER BY dataset
            """;

    private static final String PROFILE = """
            MATCH (a:Account {id: $id, dataset: $dataset})
            RETURN a.platform AS platform, a.screenName AS screenName, a.displayName AS displayName,
                   a.description AS description,
                   a.createdAt AS createdAt, a.followers AS followers, a.following AS following, a.lang AS lang,
                   COUNT { (a)-[:POSTED]->(t:Tweet) WHERE t.createdAt IS NOT NULL } AS posts,
                   COUNT { (a)-[:POSTED]->(t:Tweet) WHERE t.isRetweet } AS retweets
            """;

    private static final String CLIENT = """
            MATCH (a:Account {id: $id, dataset: $dataset})-[:POSTED]->(t:Tweet)
            WHERE t.client IS NOT NULL
            RETURN t.client AS client, count(*) AS n ORDER BY n DESC, client LIMIT 1
            """;

    private static final String MEMBERSHIPS = """
            MATCH (a:Account {id: $id, dataset: $dataset})-[m:IN_CLUSTER]->(c:Cluster)
            RETURN m.run AS run, c.id AS clusterId, c.score AS clusterScore, m.strength AS strength, m.score AS score,
                   m.reasons AS reasons
            ORDER BY run DESC
            """;

    private static final String POSTS = "MATCH (:Account {id: $id, dataset: $dataset})-[:POSTED]->(t:Tweet)\n";

    /** The account's coordination edges in the run, optionally of one signal. */
    static final String NEIGHBOURS = """
            MATCH (a:Account {id: $id, dataset: $dataset})-[e:COORDINATED {run: $run}]-(b:Account)
            WHERE $signal IS NULL OR $signal IN e.signals
            """;

    static final String NEIGHBOUR_COUNT = NEIGHBOURS + "RETURN count(e) AS n";

    /** One page of neighbours: sorted and cut in the database, clusters looked up for that page only. */
    static final String NEIGHBOUR_PAGE = NEIGHBOURS + """
            WITH b, e ORDER BY e.weight DESC, b.id SKIP $skip LIMIT $limit
            OPTIONAL MATCH (b)-[:IN_CLUSTER {run: $run}]->(c:Cluster)
            RETURN b.id AS id, b.screenName AS screenName, e.weight AS weight, e.signals AS signals,
                   c.id AS clusterId
            ORDER BY weight DESC, id
            """;

    private static final String EDGE = """
            MATCH (a:Account {id: $a, dataset: $dataset})-[e:COORDINATED {run: $run}]-(b:Account {id: $b, dataset: $dataset})
            RETURN e.weight AS weight, e.support AS support, e.signals AS signals, e.evidence AS evidence,
                   startNode(e) = a AS outgoing
            """;

    private final Driver driver;
    private final DetectionStore runs;
    private final TriageService triage;
    private final ObjectMapper json;

    public AccountService(Driver driver, DetectionStore runs, TriageService triage, ObjectMapper json) {
        this.driver = driver;
        this.runs = runs;
        this.triage = triage;
        this.json = json;
    }

    public record Membership(
            String run, String clusterId, double clusterScore, double strength, double score, List<String> reasons) {}

    /** A neighbour in the coordination graph of a run. */
    public record Neighbour(String id, String screenName, double weight, List<String> signals, String clusterId) {}

    /** An account; {@code platform} is {@code twitter} or {@code telegram} (null in a store imported before it). */
    public record AccountDetail(
            String id,
            String dataset,
            String platform,
            String screenName,
            String displayName,
            String description,
            String createdAt,
            Long followers,
            Long following,
            String client,
            String lang,
            long posts,
            long retweets,
            List<Membership> memberships,
            Activity activity,
            List<Neighbour> topCoActors,
            String run,
            Mark mark,
            boolean allowlisted) {}

    /** The evidence behind one edge, oriented so that {@code timeA} is {@code a}'s action. */
    public record EdgeEvidence(
            String run,
            String a,
            String b,
            double weight,
            long support,
            List<String> signals,
            List<Map<String, Object>> evidence) {}

    /**
     * The dataset holding account {@code id}: {@code dataset} itself when given (404 if the account is not there);
     * else the only dataset that has it, refused with their names when several do.
     */
    public String datasetOf(String id, String dataset) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("dataset", dataset);
        List<String> found;
        try (var session = driver.session()) {
            found = session.executeRead(
                    tx -> tx.run(FIND, params).list(r -> r.get("dataset").asString()));
        }
        if (found.isEmpty()) {
            throw new NotFoundException(
                    "No account '" + id + "'" + (dataset == null ? "" : " in dataset '" + dataset + "'") + ".");
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("Account '" + id + "' is in several datasets ("
                    + String.join(", ", found) + "); name one with dataset=.");
        }
        return found.get(0);
    }

    public AccountDetail detail(String id, String dataset, String run, int buckets) {
        Activity.checkBuckets(buckets);
        String ds = datasetOf(id, dataset);
        DetectionResult info = run == null ? runs.latest(ds).orElse(null) : runs.resolve(run, null);
        List<Neighbour> coActors = info == null
                ? List.of()
                : neighboursIn(id, ds, info.runId(), null, Page.Request.of(0, TOP_CO_ACTORS))
                        .items();
        Map<String, Object> params = Map.of("id", id, "dataset", ds);
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Record p = tx.run(PROFILE, params).single();
                String client = tx.run(CLIENT, params).stream()
                        .findFirst()
                        .map(r -> r.get("client").asString())
                        .orElse(null);
                List<Membership> memberships = tx.run(MEMBERSHIPS, params)
                        .list(r -> new Membership(
                                r.get("run").asString(),
                                r.get("clusterId").asString(),
                                r.get("clusterScore").asDouble(),
                                r.get("strength").asDouble(),
                                r.get("score").asDouble(),
                                r.get("reasons").asList(v -> v.asString())));
                Activity activity = Activity.of(tx, POSTS, params, buckets);
                return new AccountDetail(
                        id,
                        ds,
                        p.get("platform").asString(null),
                        p.get("screenName").asString(null),
                        p.get("displayName").asString(null),
                        p.get("description").asString(null),
                        Evidence.iso(p.get("createdAt")),
                        nullableLong(p, "followers"),
                        nullableLong(p, "following"),
                        client,
                        p.get("lang").asString(null),
                        p.get("posts").asLong(),
                        p.get("retweets").asLong(),
                        memberships,
                        activity,
                        coActors,
                        info == null ? null : info.runId(),
                        triage.marksOn("account", ds, List.of(id)).get(id),
                        !triage.allowlisted(ds, List.of(id)).isEmpty());
            });
        }
    }

    /** Neighbours of account {@code id} in a run, heaviest edge first; {@code total} counts them all. */
    public Page<Neighbour> neighbours(String id, String dataset, String run, String signal, Page.Request page) {
        String ds = datasetOf(id, dataset);
        DetectionResult info = runs.resolve(run, ds);
        return neighboursIn(id, ds, info.runId(), signal, page);
    }

    private Page<Neighbour> neighboursIn(String id, String ds, String run, String signal, Page.Request page) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("dataset", ds);
        params.put("run", run);
        params.put("signal", signal == null || signal.isBlank() ? null : signal);
        params.put("skip", page.skip());
        params.put("limit", page.size());
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                long total = tx.run(NEIGHBOUR_COUNT, params).single().get("n").asLong();
                List<Neighbour> items = tx.run(NEIGHBOUR_PAGE, params)
                        .list(r -> new Neighbour(
                                r.get("id").asString(),
                                r.get("screenName").asString(null),
                                r.get("weight").asDouble(),
                                r.get("signals").asList(v -> v.asString()),
                                r.get("clusterId").asString(null)));
                return page.answer(items, total);
            });
        }
    }

    /** The coordination edge between {@code a} and {@code b} in a run, either direction. */
    public EdgeEvidence edge(String run, String a, String b, String dataset) {
        String ds = datasetOf(a, dataset);
        DetectionResult info = runs.resolve(run, ds);
        Map<String, Object> params = Map.of("a", a, "b", b, "dataset", ds, "run", info.runId());
        Record r;
        try (var session = driver.session()) {
            r = session.executeRead(
                    tx -> tx.run(EDGE, params).stream().findFirst().orElse(null));
        }
        if (r == null) {
            throw new NotFoundException(
                    "No coordination edge between '" + a + "' and '" + b + "' in run " + info.runId() + ".");
        }
        boolean outgoing = r.get("outgoing").asBoolean();
        List<Map<String, Object>> evidence = Evidence.parse(json, r.get("evidence")).stream()
                .map(item -> {
                    Map<String, Object> x = new LinkedHashMap<>(item);
                    x.put("kind", item.get("signal"));
                    String timeA = (String) item.get(outgoing ? "timeA" : "timeB");
                    String timeB = (String) item.get(outgoing ? "timeB" : "timeA");
                    x.put("timeA", timeA);
                    x.put("timeB", timeB);
                    if (timeA != null && timeB != null) {
                        x.put(
                                "gapSeconds",
                                Math.abs(Duration.between(Instant.parse(timeA), Instant.parse(timeB))
                                        .toSeconds()));
                    }
                    return x;
                })
                .toList();
        return new EdgeEvidence(
                info.runId(),
                a,
                b,
                r.get("weight").asDouble(),
                r.get("support").asLong(),
                r.get("signals").asList(v -> v.asString()),
                evidence);
    }

    private static Long nullableLong(Record r, String key) {
        return r.get(key).isNull() ? null : r.get(key).asLong();
    }
}

package org.coordscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load test of a running server (issues 5 and 18): a fixed pool of {@code users} threads, each one user with its
 * own session ({@link ApiSession}: Basic on the first call, then the session cookie), calling for {@code duration} a
 * mix of the investigator's calls, either in a closed loop (no think time: issue 5's test) or each user clicking once
 * every {@code thinkMillis} (issue 18's: 50 users every 2 s ≈ 25 calls/s; a user whose call took longer clicks
 * again at once). Every user signs in before the clock starts. The mix is the UI's: the clusters list, a cluster's detail and graph, an account, an edge's
 * evidence cards, an account's posts, a search, an account's neighbours and a saved query
 * (POST /api/queries/{name}/run, audited). Ids are real ones read from the API at the start (the newest run's
 * clusters, their members and the edges of their graphs). Every non-2xx answer or failed call counts as an error.
 * Run on its own against any server:
 * <pre>java -cp ... org.coordscope.bench.LoadDriver http://localhost:8080 [user] [password] [users] [seconds] [think ms]</pre>
 * or through the benchmark harness ({@code -Dbench.load=60}, docs/performance.md), which builds the store first.
 */
public final class LoadDriver {

    /** The mix: endpoint and its share of calls (in percent). */
    static final Map<String, Integer> MIX = mix();

    private static Map<String, Integer> mix() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("clusters list", 10);
        m.put("cluster detail", 10);
        m.put("cluster graph", 15);
        m.put("account detail", 15);
        m.put("evidence cards", 15);
        m.put("account posts", 10);
        m.put("search", 10);
        m.put("account neighbours", 5);
        m.put("saved query", 10);
        return Collections.unmodifiableMap(m);
    }

    /** An edge of a cluster's graph: its two accounts. */
    public record Edge(String a, String b) {}

    /**
     * Real ids to call with: the newest run's clusters (up to 500, by score), members of up to 100 of them, and
     * edges of the graphs of up to 50.
     */
    public record Targets(
            List<String> clusterIds,
            List<String> accountIds,
            List<Edge> edges,
            String dataset,
            String run,
            long clusterPages) {}

    /** Per endpoint: calls, errors and latencies; in the mix's order, then "all". */
    public record Result(
            Map<String, Latencies> latencies,
            Map<String, Long> errors,
            List<String> errorSamples,
            double seconds,
            int users) {

        public long totalErrors() {
            return errors.get("all");
        }

        public String table() {
            StringBuilder sb = new StringBuilder(
                    "| endpoint | calls | calls/s | errors | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|\n");
            latencies.forEach((name, l) -> sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.1f | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    name,
                    l.count(),
                    l.count() / seconds,
                    errors.get(name),
                    l.p50(),
                    l.p95(),
                    l.p99(),
                    l.max())));
            return sb.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadDriver() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080/");
        String user = args.length > 1 ? args[1] : null;
        String password = args.length > 2 ? args[2] : System.getenv("COORDSCOPE_ADMIN_PASSWORD");
        int users = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        long think = args.length > 5 ? Long.parseLong(args[5]) : 0;
        HttpClient http = ApiSession.sharedClient();
        Targets targets = discover(new ApiSession(http, base, user, password));
        System.out.printf(
                Locale.ROOT,
                "%d users, %d s, think %d ms, %,d clusters, %,d accounts, %,d edges to call%n",
                users,
                seconds,
                think,
                targets.clusterIds().size(),
                targets.accountIds().size(),
                targets.edges().size());
        Result r = run(http, base, user, password, targets, users, Duration.ofSeconds(seconds), think);
        System.out.print(r.table());
        r.errorSamples().forEach(e -> System.out.println("error: " + e));
        System.exit(r.totalErrors() == 0 ? 0 : 1);
    }

    /** Reads the ids to call from the API. */
    public static Targets discover(ApiSession s) throws IOException, InterruptedException {
        JsonNode list = json(s.get("/api/clusters?size=500"), "/api/clusters");
        List<String> clusters = new ArrayList<>();
        String dataset = null;
        String run = null;
        for (JsonNode c : list.get("items")) {
            clusters.add(c.get("id").asText());
            dataset = c.get("dataset").asText();
            run = c.get("run").asText();
        }
        if (clusters.isEmpty()) {
            throw new IllegalStateException("The server has no clusters: run a detection first.");
        }
        List<String> accounts = new ArrayList<>();
        for (String id : clusters.subList(0, Math.min(100, clusters.size()))) {
            JsonNode detail = json(s.get("/api/clusters/" + encode(id) + "?memberSize=20"), "cluster " + id);
            detail.get("members")
                    .get("items")
                    .forEach(m -> accounts.add(m.get("accountId").asText()));
        }
        List<Edge> edges = new ArrayList<>();
        for (String id : clusters.subList(0, Math.min(50, clusters.size()))) {
            JsonNode graph = json(s.get("/api/clusters/" + encode(id) + "/graph?edgeLimit=20"), "graph of " + id);
            graph.get("edges")
                    .forEach(e -> edges.add(
                            new Edge(e.get("source").asText(), e.get("target").asText())));
        }
        long pages = Math.max(1, (list.get("total").asLong() + 49) / 50);
        return new Targets(List.copyOf(clusters), List.copyOf(accounts), List.copyOf(edges), dataset, run, pages);
    }

    /**
     * The load itself: {@code users} threads for {@code duration}, in a closed loop ({@code thinkMillis} 0) or each
     * clicking once every {@code thinkMillis}, from a random moment in the first period.
     */
    public static Result run(
            HttpClient http,
            URI base,
            String user,
            String password,
            Targets targets,
            int users,
            Duration duration,
            long thinkMillis)
            throws InterruptedException {
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        AtomicLong[] errors = new AtomicLong[MIX.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = new AtomicLong();
        }
        List<String> names = List.copyOf(MIX.keySet());
        int[] cumulative = new int[names.size()];
        int sum = 0;
        for (int i = 0; i < names.size(); i++) {
            sum += MIX.get(names.get(i));
            cumulative[i] = sum;
        }
        int total = sum;
        // every user signs in before the clock starts: a sign-in (a password hash) is not one of the mix's clicks
        List<ApiSession> sessions = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            ApiSession session = new ApiSession(http, base, user, password);
            try {
                session.signIn();
            } catch (IOException e) {
                throw new IllegalStateException("user " + u + " cannot sign in: " + e, e);
            }
            sessions.add(session);
        }
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<LongArrayList[]>> futures = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        for (int u = 0; u < users; u++) {
            long seed = u;
            ApiSession session = sessions.get(u);
            futures.add(pool.submit(() -> {
                Random rnd = new Random(seed);
                LongArrayList[] times = new LongArrayList[names.size()];
                for (int i = 0; i < times.length; i++) {
                    times[i] = new LongArrayList();
                }
                long think = TimeUnit.MILLISECONDS.toNanos(thinkMillis);
                long click = started + (think > 0 ? (long) (rnd.nextDouble() * think) : 0);
                while (true) {
                    long wait = click - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    long now = System.nanoTime();
                    if (now >= end) {
                        break;
                    }
                    // the next click one period on; a user kept waiting longer than that clicks again at once, once
                    click = Math.max(click + think, now);
                    int pick = rnd.nextInt(total);
                    int e = 0;
                    while (cumulative[e] <= pick) {
                        e++;
                    }
                    try {
                        ApiSession.Response r = call(session, e, rnd, targets);
                        times[e].add(r.nanos());
                        if (!r.ok()) {
                            errors[e].incrementAndGet();
                            sample(
                                    errorSamples,
                                    names.get(e) + ": HTTP " + r.status() + " "
                                            + r.body()
                                                    .substring(
                                                            0,
                                                            Math.min(
                                                                    200,
                                                                    r.body().length())));
                        }
                    } catch (IOException | RuntimeException ex) {
                        errors[e].incrementAndGet();
                        sample(errorSamples, names.get(e) + ": " + ex);
                    }
                }
                return times;
            }));
        }
        LongArrayList[] all = new LongArrayList[names.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = new LongArrayList();
        }
        for (Future<LongArrayList[]> f : futures) {
            try {
                LongArrayList[] t = f.get();
                for (int i = 0; i < all.length; i++) {
                    all[i].addAll(t[i]);
                }
            } catch (java.util.concurrent.ExecutionException ex) {
                throw new IllegalStateException(ex.getCause());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        Map<String, Long> errorCounts = new LinkedHashMap<>();
        LongArrayList every = new LongArrayList();
        long errorSum = 0;
        for (int i = 0; i < names.size(); i++) {
            latencies.put(names.get(i), Latencies.of(all[i].toLongArray()));
            errorCounts.put(names.get(i), errors[i].get());
            every.addAll(all[i]);
            errorSum += errors[i].get();
        }
        latencies.put("all", Latencies.of(every.toLongArray()));
        errorCounts.put("all", errorSum);
        return new Result(latencies, errorCounts, List.copyOf(errorSamples), seconds, users);
    }

    private static ApiSession.Response call(ApiSession s, int endpoint, Random rnd, Targets t)
            throws IOException, InterruptedException {
        String cluster = encode(t.clusterIds().get(rnd.nextInt(t.clusterIds().size())));
        String accountId = t.accountIds().get(rnd.nextInt(t.accountIds().size()));
        String account = encode(accountId);
        String dataset = "dataset=" + encode(t.dataset());
        Edge edge =
                t.edges().isEmpty() ? null : t.edges().get(rnd.nextInt(t.edges().size()));
        return switch (endpoint) {
            case 0 -> s.get("/api/clusters?page=" + rnd.nextInt((int) Math.min(t.clusterPages(), 10)) + "&size=50");
            case 1 -> s.get("/api/clusters/" + cluster);
            case 2 -> s.get("/api/clusters/" + cluster + "/graph");
            case 3 -> s.get("/api/accounts/" + account + "?" + dataset);
            case 4 ->
                edge == null
                        ? s.get("/api/accounts/" + account + "/cards?" + dataset)
                        : s.get("/api/edges/cards?a=" + encode(edge.a()) + "&b=" + encode(edge.b()) + "&run="
                                + encode(t.run()) + "&" + dataset);
            case 5 -> s.get("/api/accounts/" + account + "/posts?" + dataset);
            case 6 ->
                s.get("/api/search?q=" + encode(accountId.substring(0, Math.min(4, accountId.length()))) + "&"
                        + dataset);
            case 7 -> s.get("/api/accounts/" + account + "/neighbours?" + dataset);
            default ->
                rnd.nextBoolean()
                        ? s.post(
                                "/api/queries/cluster-links/run",
                                JSON.writeValueAsString(Map.of(
                                        "params",
                                        Map.of(
                                                "cluster",
                                                t.clusterIds()
                                                        .get(rnd.nextInt(
                                                                t.clusterIds().size()))))))
                        : s.post(
                                "/api/queries/coaction-neighbourhood/run",
                                JSON.writeValueAsString(Map.of(
                                        "params",
                                        Map.of(
                                                "account",
                                                t.accountIds()
                                                        .get(rnd.nextInt(
                                                                t.accountIds().size())),
                                                "dataset",
                                                t.dataset()))));
        };
    }

    private static void sample(List<String> samples, String error) {
        if (samples.size() < 10) {
            samples.add(error);
        }
    }

    static JsonNode json(ApiSession.Response r, String what) throws IOException {
        if (!r.ok()) {
            throw new IllegalStateException(what + ": HTTP " + r.status() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A path segment or query value: cluster ids carry a slash (%2F). */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

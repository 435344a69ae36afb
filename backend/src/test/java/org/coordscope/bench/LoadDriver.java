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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load test of a running server (issue 5): a fixed pool of {@code users} threads, each one user with its own
 * session ({@link ApiSession}: Basic on the first call, then the session cookie), calling in a closed loop (no
 * think time) for {@code duration} a mix of the investigator's reads: the clusters list, a cluster's detail, a
 * cluster's graph, an account, an account's neighbours, and a saved query (POST /api/queries/{name}/run). Ids are
 * real ones read from the API at the start (the newest run's clusters and their members). Every non-2xx answer or
 * failed call counts as an error. Run on its own against any server:
 * <pre>java -cp ... org.coordscope.bench.LoadDriver http://localhost:8080 [user] [password] [users] [seconds]</pre>
 * or through the benchmark harness ({@code -Dbench.load=60}, docs/performance.md), which builds the store first.
 */
public final class LoadDriver {

    /** The mix: endpoint and its share of calls (in percent). */
    static final Map<String, Integer> MIX = mix();

    private static Map<String, Integer> mix() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("clusters list", 15);
        m.put("cluster detail", 20);
        m.put("cluster graph", 20);
        m.put("account detail", 20);
        m.put("account neighbours", 15);
        m.put("saved query", 10);
        return Collections.unmodifiableMap(m);
    }

    /** Real ids to call with: the newest run's clusters (up to 500, by score) and members of up to 100 of them. */
    public record Targets(List<String> clusterIds, List<String> accountIds, String dataset, long clusterPages) {}

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
        HttpClient http = ApiSession.sharedClient();
        Targets targets = discover(new ApiSession(http, base, user, password));
        System.out.printf(
                Locale.ROOT,
                "%d users, %d s, %,d clusters, %,d accounts to call%n",
                users,
                seconds,
                targets.clusterIds().size(),
                targets.accountIds().size());
        Result r = run(http, base, user, password, targets, users, Duration.ofSeconds(seconds));
        System.out.print(r.table());
        r.errorSamples().forEach(e -> System.out.println("error: " + e));
        System.exit(r.totalErrors() == 0 ? 0 : 1);
    }

    /** Reads the ids to call from the API. */
    public static Targets discover(ApiSession s) throws IOException, InterruptedException {
        JsonNode list = json(s.get("/api/clusters?size=500"), "/api/clusters");
        List<String> clusters = new ArrayList<>();
        String dataset = null;
        for (JsonNode c : list.get("items")) {
            clusters.add(c.get("id").asText());
            dataset = c.get("dataset").asText();
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
        long pages = Math.max(1, (list.get("total").asLong() + 49) / 50);
        return new Targets(List.copyOf(clusters), List.copyOf(accounts), dataset, pages);
    }

    /** The load itself: {@code users} threads in a closed loop for {@code duration}. */
    public static Result run(
            HttpClient http, URI base, String user, String password, Targets targets, int users, Duration duration)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
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
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<LongArrayList[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int u = 0; u < users; u++) {
            long seed = u;
            futures.add(pool.submit(() -> {
                Random rnd = new Random(seed);
                ApiSession session = new ApiSession(http, base, user, password);
                LongArrayList[] times = new LongArrayList[names.size()];
                for (int i = 0; i < times.length; i++) {
                    times[i] = new LongArrayList();
                }
                while (System.nanoTime() < end) {
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
        String account = encode(t.accountIds().get(rnd.nextInt(t.accountIds().size())));
        String dataset = "dataset=" + encode(t.dataset());
        return switch (endpoint) {
            case 0 -> s.get("/api/clusters?page=" + rnd.nextInt((int) Math.min(t.clusterPages(), 10)) + "&size=50");
            case 1 -> s.get("/api/clusters/" + cluster);
            case 2 -> s.get("/api/clusters/" + cluster + "/graph");
            case 3 -> s.get("/api/accounts/" + account + "?" + dataset);
            case 4 -> s.get("/api/accounts/" + account + "/neighbours?" + dataset);
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

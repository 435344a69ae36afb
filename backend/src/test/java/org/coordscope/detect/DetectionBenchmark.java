package org.coordscope.detect;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.bench.ApiSession;
import org.coordscope.bench.AuditOff;
import org.coordscope.bench.Child;
import org.coordscope.bench.Latencies;
import org.coordscope.bench.LoadDriver;
import org.coordscope.bench.Machine;
import org.coordscope.detect.community.LeidenClustering;
import org.coordscope.detect.signal.CoordinationGraph;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmark harness (not a test), one command for every figure of docs/performance.md. For each size (default 1
 * and 10 million tweets; 20 per account, one planted group per 1,000 accounts), in one run:
 * <ol>
 * <li>generates the seeded world (reused when generated to the end before);</li>
 * <li>imports it through the bulk path into a new store in a child JVM (tweets/s as the importer reports it, start-up
 * excluded; the constraint-index build at first open apart; the child's peak RSS and CPU time from /proc);</li>
 * <li>runs detection at the default settings on actions streamed from the CSV ({@link SourceActions}, the same graph,
 * community and scoring code as the Neo4j path): graph build time per signal, Leiden (CPM, the default), peak heap,
 * accuracy against the planted groups;</li>
 * <li>on the same coordination graph: Leiden with modularity, JGraphT's {@link LabelPropagationClustering}, and
 * igraph's Leiden (objective modularity) and Louvain run by Debian's /usr/bin/python3 with python3-igraph on the
 * same weighted edge list (only the algorithm timed); every partition's modularity computed here by the same
 * function (JGraphT's {@link UndirectedModularityMeasurer}), igraph's own figure beside it;</li>
 * <li>runs {@code detect} on the imported store (child JVM), starts {@code serve} on it and measures GET
 * /api/clusters/{id}/graph for every cluster of the first page (up to 500), one warm-up pass, then
 * {@code bench.passes} passes;</li>
 * <li>with {@code bench.load} seconds &gt; 0, the issue-5 load test ({@link LoadDriver}) against that server.</li>
 * </ol>
 * Prints one table (a row per figure, a column per size) and writes it with the machine, date, commit, load averages
 * and command to {@code target/bench/results.md}, after each size. Configured by system properties (the Maven
 * profile {@code bench} passes them): {@code bench.sizes, bench.seed, bench.heap, bench.budget, bench.work,
 * bench.repo, bench.igraph.script, bench.passes, bench.load, bench.users, bench.user, bench.password}.
 */
public final class DetectionBenchmark {

    static final String PYTHON = "/usr/bin/python3";
    /** Timed runs of each community algorithm after its first (whose partition is reported). */
    static final int REPEATS = 5;
    /** Alternating rounds of ours and igraph's Leiden. */
    static final int ROUNDS = 3;

    private static final String ALTERNATE_ROW = "communities: Leiden modularity 2 passes, ours / igraph's, in " + ROUNDS
            + " alternating rounds: median over rounds of each round's median of " + REPEATS + " runs s";
    private static final String RUNS = ": s first run / s median of " + REPEATS + " more / modularity / communities";
    private static final Pattern IMPORTED = Pattern.compile(
            "Imported into dataset '[^']*': ([0-9,]+) posts, [0-9,]+ account rows in ([0-9.]+) s \\(([0-9,]+) posts/s\\)"
                    + " \\(bulk, into a new store; then ([0-9.]+) s to open it, of which ([0-9.]+) s building constraints"
                    + " and indexes\\)");
    private static final Pattern TIMES = Pattern.compile("times: (.*)");
    private static final Pattern DETECTED =
            Pattern.compile("Run (\\S+) on '[^']*':.* ([0-9,]+) clusters .* in ([0-9.]+) s\\.");

    /** Figure name → size → value, in insertion order. */
    private final Map<String, Map<Long, String>> table = new LinkedHashMap<>();

    private final List<Long> sizes = new ArrayList<>();
    private final List<String> loadTables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Path work;
    private final String header;

    private DetectionBenchmark(Path work, String header) {
        this.work = work;
        this.header = header;
    }

    public static void main(String[] args) throws Exception {
        String[] sizeArgs =
                System.getProperty("bench.sizes", "1000000,10000000").split(",");
        long seed = Long.getLong("bench.seed", 1);
        Path work = Path.of(System.getProperty("bench.work", "target/bench")).toAbsolutePath();
        long budget = Long.getLong("bench.budget", 300);
        String heap = System.getProperty("bench.heap", "4g");
        int load = Integer.getInteger("bench.load", 0);
        String command =
                "nice mvn -B -Pbench -pl backend -am -DskipTests verify -Dbench.sizes=" + String.join(",", sizeArgs)
                        + " -Dbench.seed=" + seed + " -Dbench.heap=" + heap + (load > 0 ? " -Dbench.load=" + load : "")
                        + (load > 0 ? " -Dbench.think=" + Long.getLong("bench.think", 2000) : "");
        Path repo = Path.of(System.getProperty("bench.repo", ".."));
        String header = String.format(
                Locale.ROOT,
                """
                # CoordScope benchmark results

                - date: %s
                - machine: %s
                - commit: %s
                - command: `%s`
                - heap of the benchmark JVM and of each child JVM (import, detect, serve): -Xmx%s (max heap %,d MiB)
                - load average (1, 5, 15 min) at start: %s
                """,
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Machine.describe(),
                Machine.commit(repo),
                command,
                heap,
                Runtime.getRuntime().maxMemory() >> 20,
                Machine.loadAverage());
        System.out.println(header);
        Files.createDirectories(work);
        DetectionBenchmark bench = new DetectionBenchmark(work, header);
        for (String size : sizeArgs) {
            long tweets = Long.parseLong(size.strip().replace("_", ""));
            bench.sizes.add(tweets);
            bench.run(tweets, seed, heap, budget, load);
            bench.write();
        }
    }

    private void run(long tweets, long seed, String heap, long budget, int load) throws Exception {
        put("load average at start of this size", tweets, Machine.loadAverage());
        int accounts = (int) (tweets / WorldSpec.DEFAULT_TWEETS_PER_ACCOUNT);
        WorldSpec spec = WorldSpec.builder(accounts, Math.max(5, accounts / 1000), seed)
                .tweets(tweets)
                .build();
        Path dir = work.resolve("world-" + tweets + "-" + seed);
        Files.createDirectories(dir);
        put(
                "world: accounts / planted groups",
                tweets,
                String.format(Locale.ROOT, "%,d / %,d", accounts, spec.groups()));
        long t0 = System.nanoTime();
        Path complete = dir.resolve("generated");
        if (!Files.exists(complete)) {
            new WorldGenerator(spec).write(dir); // a world generated to the end before is reused
            Files.writeString(complete, spec.toString());
            put("generate world s", tweets, secs(t0));
        } else {
            put("generate world s", tweets, "reused");
        }

        Path store = work.resolve("store-" + tweets + "-" + seed);
        importStore(tweets, dir, store, heap);
        detectInMemory(tweets, spec, dir, budget);
        detectAndServe(tweets, store, heap, load);
        put("load average at end of this size", tweets, Machine.loadAverage());
    }

    /** The bulk import in a child JVM, into a new store. */
    private void importStore(long tweets, Path dir, Path store, String heap) throws Exception {
        FileSystemUtils.deleteRecursively(store);
        long t0 = System.nanoTime();
        try (Child child = Child.start(
                heap,
                work.resolve("logs/import-" + tweets + ".log"),
                Map.of(),
                List.of(),
                "import",
                "--format",
                "infoops",
                "--dataset",
                "bench",
                "--bulk",
                "--store",
                store.toString(),
                "--report",
                work.resolve("import-errors-" + tweets + ".csv").toString(),
                dir.resolve(WorldGenerator.USERS).toString(),
                dir.resolve(WorldGenerator.TWEETS).toString())) {
            child.awaitSuccess(180);
            double wall = (System.nanoTime() - t0) / 1e9;
            Matcher m = IMPORTED.matcher(child.output());
            if (!m.find()) {
                throw new IllegalStateException("import printed no summary: " + child.output());
            }
            double importSeconds = Double.parseDouble(m.group(2));
            double openSeconds = Double.parseDouble(m.group(4));
            double indexSeconds = Double.parseDouble(m.group(5));
            long posts = Long.parseLong(m.group(1).replace(",", ""));
            put(
                    "import: tweets/s (bulk: read + Neo4j importer + swap in; start-up excluded)",
                    tweets,
                    String.format(
                            Locale.ROOT,
                            "**%,.0f** (%,d tweets in %.1f s)",
                            posts / importSeconds,
                            posts,
                            importSeconds));
            put(
                    "import: first open of the new store s (Spring + Neo4j start) / of which constraints and indexes s",
                    tweets,
                    String.format(Locale.ROOT, "%.1f / %.1f", openSeconds, indexSeconds));
            put(
                    "import: tweets/s counting the index build",
                    tweets,
                    String.format(Locale.ROOT, "%,.0f", posts / (importSeconds + indexSeconds)));
            put(
                    "import: whole child process wall s / CPU s (user + system)",
                    tweets,
                    String.format(Locale.ROOT, "%.1f / %.1f", wall, child.cpuSeconds()));
            put(
                    "import: peak RSS MiB (VmHWM of the child JVM)",
                    tweets,
                    String.format(Locale.ROOT, "%,d", child.peakRssMib()));
        }
    }

    /** Detection from the CSV in this JVM, then the community algorithms side by side on its graph. */
    private void detectInMemory(long tweets, WorldSpec spec, Path dir, long budget) throws Exception {
        Map<String, Long> timing = new LinkedHashMap<>();
        System.gc();
        resetPeaks();
        long cpu0 = processCpuNanos();
        WorldAccuracy.Result r = WorldAccuracy.detect(spec, dir, DetectionRequest.of("bench"), timing);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        long peak = peakHeap();
        Map<String, Long> m = r.millis();
        System.out.println("detected " + tweets + ": " + m);
        put("detect from CSV: read actions s", tweets, f1(s(m, "read")));
        for (String signal : List.of("co-retweet", "co-link", "co-hashtag", "near-text")) {
            put("graph build s: " + signal, tweets, f1(s(m, "graph." + signal)));
        }
        put("coordination graph: edges", tweets, String.format(Locale.ROOT, "%,d", r.edges()));
        put(
                "all signals + Leiden + scoring s (after the read)",
                tweets,
                "**" + f1(s(m, "detect") - s(m, "read")) + "**");
        put(
                "detect from CSV: CPU s (read + detect) / peak heap MiB (pool sum)",
                tweets,
                String.format(Locale.ROOT, "%.0f / %,d", cpu, peak >> 20));
        put(
                "accuracy vs planted groups: precision / recall / F1 / ARI",
                tweets,
                String.format(
                        Locale.ROOT,
                        "%.3f / %.3f / %.3f / %.3f",
                        r.precision(),
                        r.recall(),
                        r.f1(),
                        r.all().ari()));

        CoordinationGraph graph = r.analysis().graph();
        Graph<Integer, DefaultWeightedEdge> g = graph.toWeightedGraph();
        put(
                "communities: Leiden CPM 1.0 (default), in the detection above: s / modularity / communities",
                tweets,
                String.format(
                        Locale.ROOT,
                        "%.3f / %.4f / %,d",
                        s(m, "communities"),
                        r.modularity(),
                        r.analysis().communities().communities().size()));
        r = null; // the graph is all the baselines need
        // Side by side with igraph at equal work: 2 passes, igraph's default (and ours above 1M edges); then each
        // until it stops by itself: ours when a pass changes nothing, igraph's -1 when an iteration is "stable".
        put(
                "communities: Leiden modularity, 2 passes" + RUNS,
                tweets,
                algo(time(
                        () -> new LeidenClustering<>(
                                g,
                                1.0,
                                new Random(42),
                                LeidenClustering.Quality.MODULARITY,
                                LeidenClustering.DEFAULT_RANDOMNESS,
                                2),
                        g,
                        budget)));
        put(
                "communities: Leiden modularity, until a pass changes nothing" + RUNS,
                tweets,
                algo(time(
                        () -> new LeidenClustering<>(
                                g,
                                1.0,
                                new Random(42),
                                LeidenClustering.Quality.MODULARITY,
                                LeidenClustering.DEFAULT_RANDOMNESS,
                                Integer.MAX_VALUE),
                        g,
                        budget)));
        put(
                "communities: JGraphT LabelPropagationClustering" + RUNS,
                tweets,
                algo(time(() -> new LabelPropagationClustering<>(g, new Random(42)), g, budget)));
        igraph(tweets, g, budget);
    }

    /** igraph's Leiden (modularity) and Louvain on the same edge list, by Debian's python3. */
    private void igraph(long tweets, Graph<Integer, DefaultWeightedEdge> g, long budget) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(
                "leiden2",
                "communities: igraph Leiden (objective modularity), n_iterations=2" + RUNS
                        + " (igraph's own modularity)");
        rows.put(
                "leiden-1",
                "communities: igraph Leiden (objective modularity), n_iterations=-1" + RUNS
                        + " (igraph's own modularity)");
        rows.put("louvain", "communities: igraph Louvain (community_multilevel)" + RUNS + " (igraph's own modularity)");
        Path script = Path.of(System.getProperty("bench.igraph.script", "src/test/python/igraph_communities.py"));
        String missing = igraphMissing();
        if (missing != null) {
            System.out.println("igraph rows skipped: " + missing);
            rows.values().forEach(row -> put(row, tweets, "skipped: " + missing));
            put(ALTERNATE_ROW, tweets, "skipped: " + missing);
            return;
        }
        List<Integer> vertices = new ArrayList<>(g.vertexSet());
        vertices.sort(null);
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < vertices.size(); i++) {
            index.put(vertices.get(i), i);
        }
        Path edges = work.resolve("edges-" + tweets + ".txt");
        try (var out = Files.newBufferedWriter(edges, StandardCharsets.US_ASCII)) {
            out.write(vertices.size() + "\n");
            for (DefaultWeightedEdge e : g.edgeSet()) {
                out.write(index.get(g.getEdgeSource(e)) + " " + index.get(g.getEdgeTarget(e)) + " "
                        + Double.toString(g.getEdgeWeight(e)) + "\n");
            }
        }
        Path prefix = work.resolve("igraph-" + tweets);
        String out = runIgraph(script, edges, prefix, "2,-1");
        UndirectedModularityMeasurer<Integer, DefaultWeightedEdge> measurer = new UndirectedModularityMeasurer<>(g);
        for (String line : out.strip().split("\n")) {
            String[] f = line.strip().split(" ");
            List<String> membership = Files.readAllLines(Path.of(prefix + "." + f[0]));
            Map<Integer, Set<Integer>> clusters = new HashMap<>();
            for (int i = 0; i < vertices.size(); i++) {
                clusters.computeIfAbsent(Integer.parseInt(membership.get(i)), k -> new java.util.HashSet<>())
                        .add(vertices.get(i));
            }
            double ours = measurer.modularity(new ArrayList<>(clusters.values()));
            put(
                    rows.get(f[0]),
                    tweets,
                    algo(Double.parseDouble(f[1]), Double.parseDouble(f[2]), ours, clusters.size())
                            + String.format(Locale.ROOT, " (%.4f)", Double.parseDouble(f[3])));
        }
        alternate(tweets, g, script, edges, budget);
    }

    /**
     * Ours and igraph's Leiden (modularity, 2 passes each) in {@link #ROUNDS} alternating rounds of a first run and
     * {@link #REPEATS} more: this machine's speed drifts from minute to minute by more than their difference (a
     * threefold slowdown of every step at once was seen), so one run of each apart says little.
     */
    private void alternate(long tweets, Graph<Integer, DefaultWeightedEdge> g, Path script, Path edges, long budget)
            throws Exception {
        double[] ours = new double[ROUNDS];
        double[] theirs = new double[ROUNDS];
        StringBuilder rounds = new StringBuilder();
        for (int r = 0; r < ROUNDS; r++) {
            double[] o = time(
                    () -> new LeidenClustering<>(
                            g,
                            1.0,
                            new Random(42),
                            LeidenClustering.Quality.MODULARITY,
                            LeidenClustering.DEFAULT_RANDOMNESS,
                            2),
                    g,
                    budget);
            if (o == null) {
                put(ALTERNATE_ROW, tweets, "did not finish in the budget");
                return;
            }
            String[] f = runIgraph(script, edges, work.resolve("igraph-alternate-" + tweets), "2", "no-louvain")
                    .strip()
                    .split(" ");
            ours[r] = o[1];
            theirs[r] = Double.parseDouble(f[2]);
            rounds.append(String.format(Locale.ROOT, "%s%.3f / %.3f", r == 0 ? "" : ", ", ours[r], theirs[r]));
        }
        java.util.Arrays.sort(ours);
        java.util.Arrays.sort(theirs);
        put(
                ALTERNATE_ROW,
                tweets,
                String.format(
                        Locale.ROOT, "**%.3f / %.3f** (rounds: %s)", ours[ROUNDS / 2], theirs[ROUNDS / 2], rounds));
    }

    /** Runs the igraph script on the edge list; returns what it printed, a line per algorithm. */
    private static String runIgraph(Path script, Path edges, Path prefix, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                PYTHON,
                script.toAbsolutePath().toString(),
                edges.toString(),
                prefix.toString(),
                "42",
                Integer.toString(REPEATS)));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("igraph script failed: " + out);
        }
        return out;
    }

    /** Null when Debian's python3 can import igraph, else what to do. */
    static String igraphMissing() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import igraph")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                return null;
            }
        } catch (IOException e) {
            // no python3 at all
        }
        return "Debian's python3-igraph is missing: install it with `apt-get install -y python3-igraph`" + " (run by "
                + PYTHON + ", not another python3 on the PATH)";
    }

    /** {@code detect} on the store, then {@code serve}: cluster-graph latency and, if asked, the load test. */
    private void detectAndServe(long tweets, Path store, String heap, int load) throws Exception {
        // the first run after the import reads the projection the import kept (or, were it missing, the posts); the
        // second reads the projection too
        for (String run : List.of("first", "next")) {
            Path log = work.resolve("logs/detect-" + tweets + "-" + run + ".log");
            try (Child child = Child.start(
                    heap, log, Map.of(), List.of(), "detect", "--store", store.toString(), "--dataset", "bench")) {
                child.awaitSuccess(120);
                Matcher m = DETECTED.matcher(child.output());
                Matcher times = TIMES.matcher(child.output());
                put(
                        "detect on the store, "
                                + (run.equals("first")
                                        ? "first run after the import (reads the projection the import kept)"
                                        : "next run (reads the projection)")
                                + " s / peak RSS MiB / CPU s (user + system, JVM start included)",
                        tweets,
                        m.find()
                                ? String.format(
                                        Locale.ROOT,
                                        "**%s** / %,d / %.1f",
                                        m.group(3),
                                        child.peakRssMib(),
                                        child.cpuSeconds())
                                : "no summary: see " + log);
                put("detect on the store, " + run + " run: phases", tweets, times.find() ? times.group(1) : "-");
            }
        }
        serve(tweets, store, heap, load, false);
        if (load > 0) {
            serve(tweets, store, heap, load, true);
        }
    }

    /**
     * {@code serve} on the store: with the audit trail, the cluster-graph latency and, if asked, the load test;
     * with {@code auditOff} ({@link AuditOff}: the same server recording no audit entries), the load test alone.
     */
    private void serve(long tweets, Path store, String heap, int load, boolean auditOff) throws Exception {
        String user = System.getProperty("bench.user", "admin");
        String password = System.getProperty("bench.password", "coordscope-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI base = URI.create("http://localhost:" + port + "/");
        long t0 = System.nanoTime();
        List<String> args = new ArrayList<>(List.of("serve", "--store", store.toString(), "--server.port=" + port));
        if (auditOff) {
            args.add("--spring.profiles.active=" + AuditOff.PROFILE);
        }
        try (Child server = Child.start(
                heap,
                work.resolve("logs/serve-" + tweets + (auditOff ? "-audit-off" : "") + ".log"),
                Map.of("COORDSCOPE_ADMIN_PASSWORD", password),
                List.of(),
                args.toArray(String[]::new))) {
            HttpClient http = ApiSession.sharedClient();
            awaitHealthy(http, base, server);
            ApiSession session = new ApiSession(http, base, user, password);
            LoadDriver.Targets targets = LoadDriver.discover(session);
            if (!auditOff) {
                put("serve: start-up until healthy s", tweets, secs(t0));
                clusterGraphPasses(tweets, server, session, targets);
            }
            if (load > 0) {
                loadTest(tweets, server, http, base, user, password, targets, load, auditOff);
            }
        }
    }

    /** One client: every cluster's graph, a warm-up pass and {@code bench.passes} timed ones. */
    private void clusterGraphPasses(long tweets, Child server, ApiSession session, LoadDriver.Targets targets)
            throws Exception {
        int passes = Integer.getInteger("bench.passes", 5);
        List<Long> nanos = new ArrayList<>();
        double cpu0 = 0;
        for (int pass = 0; pass <= passes; pass++) {
            if (pass == 1) {
                Thread.sleep(200); // a fresh /proc sample
                cpu0 = server.cpuSeconds();
            }
            for (String id : targets.clusterIds()) {
                ApiSession.Response r = session.get("/api/clusters/" + LoadDriver.encode(id) + "/graph");
                if (!r.ok()) {
                    throw new IllegalStateException("cluster graph " + id + ": HTTP " + r.status() + " " + r.body());
                }
                if (pass > 0) { // pass 0 warms up
                    nanos.add(r.nanos());
                }
            }
        }
        Thread.sleep(200);
        double cpuPerCall = (server.cpuSeconds() - cpu0) * 1000 / Math.max(1, nanos.size());
        Latencies l = Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray());
        put(
                "cluster graph API: clusters x passes = calls (one client, warm-up pass excluded)",
                tweets,
                String.format(
                        Locale.ROOT, "%,d x %d = %,d", targets.clusterIds().size(), passes, l.count()));
        put("cluster graph API ms: p50 / p95 / p99 / max", tweets, "**" + l.summary() + "**");
        put(
                "cluster graph API: server CPU ms per call (user + system, all its threads; independent of others' load)",
                tweets,
                String.format(Locale.ROOT, "%.1f", cpuPerCall));
    }

    /** The load test ({@link LoadDriver}): {@code bench.users} users, each clicking every {@code bench.think} ms. */
    private void loadTest(
            long tweets,
            Child server,
            HttpClient http,
            URI base,
            String user,
            String password,
            LoadDriver.Targets targets,
            int load,
            boolean auditOff)
            throws Exception {
        int users = Integer.getInteger("bench.users", 50);
        long think = Long.getLong("bench.think", 2000);
        String before = Machine.loadAverage();
        double loadCpu0 = server.cpuSeconds();
        LoadDriver.Result r =
                LoadDriver.run(http, base, user, password, targets, users, Duration.ofSeconds(load), think);
        Thread.sleep(200);
        double serverCpu = server.cpuSeconds() - loadCpu0;
        String audit = auditOff ? "audit trail off" : "audit trail on";
        String table = String.format(
                Locale.ROOT,
                "### Load test, %,d tweets, %s: %d users, %s, %.0f s, %,d clusters, %,d accounts and %,d edges to"
                        + " call; load average before %s, after %s; the server used %.0f CPU s (%.0f%% of one core,"
                        + " %.1f ms per call)%n%n%s",
                tweets,
                audit,
                users,
                think > 0 ? "each clicking every " + think + " ms" : "closed loop (no think time)",
                r.seconds(),
                targets.clusterIds().size(),
                targets.accountIds().size(),
                targets.edges().size(),
                before,
                Machine.loadAverage(),
                serverCpu,
                100 * serverCpu / r.seconds(),
                serverCpu * 1000 / Math.max(1, r.latencies().get("all").count()),
                r.table());
        r.errorSamples().forEach(e -> notes.add("load test error (" + tweets + ", " + audit + "): " + e));
        loadTables.add(table);
        System.out.println(table);
        Latencies all = r.latencies().get("all");
        put(
                "load test (" + audit + "): calls/s / errors / p95 ms of all calls",
                tweets,
                String.format(
                        Locale.ROOT, "%.1f / %d / **%.1f**", all.count() / r.seconds(), r.totalErrors(), all.p95()));
        put(
                "load test (" + audit + "): p95 ms of saved query / account posts / evidence cards",
                tweets,
                String.format(
                        Locale.ROOT,
                        "%.1f / %.1f / %.1f",
                        r.latencies().get("saved query").p95(),
                        r.latencies().get("account posts").p95(),
                        r.latencies().get("evidence cards").p95()));
    }

    private static void awaitHealthy(HttpClient http, URI base, Child server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        ApiSession anonymous = new ApiSession(http, base, null, null);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited: " + server.output());
            }
            try {
                if (anonymous.get("/actuator/health").ok()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server was not healthy within 10 minutes");
    }

    private void put(String figure, long tweets, String value) {
        table.computeIfAbsent(figure, k -> new LinkedHashMap<>()).put(tweets, value);
        System.out.printf("%,d tweets | %s | %s%n", tweets, figure, value);
    }

    /** The table and everything around it, printed and written to results.md. */
    private void write() throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        sb.append("| figure |");
        sizes.forEach(t -> sb.append(String.format(Locale.ROOT, " %,d tweets |", t)));
        sb.append("\n|---|").append("---|".repeat(sizes.size())).append('\n');
        table.forEach((figure, values) -> {
            sb.append("| ").append(figure).append(" |");
            sizes.forEach(t -> sb.append(' ').append(values.getOrDefault(t, "")).append(" |"));
            sb.append('\n');
        });
        sb.append('\n');
        loadTables.forEach(t -> sb.append(t).append('\n'));
        notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        sb.append("\nLoad average at the end: ").append(Machine.loadAverage()).append('\n');
        System.out.println();
        System.out.println(sb);
        Files.writeString(work.resolve("results.md"), sb.toString());
    }

    private static String secs(long t0) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static double s(Map<String, Long> m, String key) {
        return m.getOrDefault(key, 0L) / 1000.0;
    }

    private static String algo(double first, double median, double modularity, int communities) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.4f / %,d", first, median, modularity, communities);
    }

    private static String algo(double[] result) {
        return result == null ? "did not finish in the budget" : algo(result[0], result[1], result[2], (int) result[3]);
    }

    /**
     * {first run's seconds, median seconds of {@link #REPEATS} more runs, modularity, communities} of one algorithm
     * (the partition of the first run, seeded), or null when the runs overran the budget.
     */
    private static double[] time(
            java.util.function.Supplier<ClusteringAlgorithm<Integer>> algorithm,
            Graph<Integer, DefaultWeightedEdge> g,
            long budgetSeconds)
            throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "baseline");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<double[]> f = pool.submit(() -> {
                double[] seconds = new double[1 + REPEATS];
                List<Set<Integer>> clusters = null;
                for (int i = 0; i < seconds.length; i++) {
                    long t0 = System.nanoTime();
                    List<Set<Integer>> c = algorithm.get().getClustering().getClusters();
                    seconds[i] = (System.nanoTime() - t0) / 1e9;
                    clusters = i == 0 ? c : clusters;
                }
                double[] later = java.util.Arrays.copyOfRange(seconds, 1, seconds.length);
                java.util.Arrays.sort(later);
                return new double[] {
                    seconds[0],
                    later[later.length / 2],
                    new UndirectedModularityMeasurer<>(g).modularity(clusters),
                    clusters.size()
                };
            });
            return f.get(budgetSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    /** CPU time of the whole process (all threads, GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peak usage since the last reset (an upper bound of the peak heap). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

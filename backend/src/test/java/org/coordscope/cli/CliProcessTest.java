package org.coordscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.SharedData;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.graphdb.EmbeddedNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * What only a process shows, with real processes: an import or a detection killed with SIGKILL midway, run again,
 * ends with exactly the counts of a clean run; a second process on a held store stops with a message, not a stack
 * trace, on stderr, with nothing on stdout. Only the process that is killed (or locked out) runs in a child JVM: the
 * steps around it run the same command line in this JVM ({@link InProcessCli}), which is much faster to start.
 */
class CliProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @BeforeAll
    static void classArchive(@TempDir Path dir) throws Exception {
        CliProcess.writeClassArchive(dir);
    }

    /**
     * The first request a new server answers already signs its admin in (the admin is created before the web
     * server accepts connections, not after, when a client polling the port could get 401); and a verb on the
     * store that server holds stops with a message.
     */
    @Test
    void aNewServerSignsItsAdminInFromTheFirstRequestAndAVerbOnItsStoreStopsWithAMessage() throws Exception {
        Path store = temp.resolve("held-store");
        Process server = CliProcess.start(
                temp.resolve("server"),
                "serve",
                "--store",
                store.toString(),
                "--server.port=0",
                "--coordscope.neo4j.bolt-port=0",
                "--coordscope.demo.enabled=false",
                "--coordscope.security.admin-password=first-start-password");
        try {
            waitFor(temp.resolve("server/stderr.txt"), server, "(?s).*Tomcat started on port \\d+.*");
            Matcher port = Pattern.compile("Tomcat started on port (\\d+)")
                    .matcher(CliProcess.read(temp.resolve("server/stderr.txt")));
            assertThat(port.find()).isTrue();
            HttpResponse<String> me = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port.group(1) + "/api/me"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString("admin:first-start-password"
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.body()).contains("\"admin\"");
            waitFor(temp.resolve("server/stderr.txt"), server, "(?s).*Started CoordScopeApplication.*");
            // a verb in its own JVM: what it does on stderr from the start, nothing (no log line) on stdout
            CliProcess.Result blocked = CliProcess.run(temp.resolve("blocked"), "stats", "--store", store.toString());
            assertThat(blocked.exitCode()).isEqualTo(1);
            assertThat(blocked.stderr())
                    .startsWith("Opening the store " + store.toAbsolutePath() + " …")
                    .contains("in use by another process", "--store")
                    .doesNotContain("\tat ");
            assertThat(blocked.stdout()).isEmpty();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedImportRunAgainGivesTheCountsOfACleanImport() throws Exception {
        String file = SharedData.path("coortweet/russian_coord_tweets.csv").toString();
        Path killedStore = temp.resolve("killed-store");
        // through the driver (a new store would take the bulk path, which writes nothing until it is complete)
        String[] importArgs = {
            "import", "--no-bulk", "--format", "shares", "--dataset", "ru", "--store", killedStore.toString(), file
        };

        Process victim = CliProcess.start(temp.resolve("run1"), importArgs);
        // 10,000 records read: a batch of them is written (progress is told every 200 records read)
        waitFor(temp.resolve("run1/stderr.txt"), victim, "(?s).*\\] +[0-9]+% [1-9][0-9],[0-9]{3} records.*");
        victim.destroyForcibly(); // SIGKILL
        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Map<String, Object> afterKill = stats(killedStore, "ru");
        CliProcess.Result rerun = InProcessCli.run(withReport(importArgs, temp.resolve("run2-errors.csv")));
        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        Map<String, Object> finished = stats(killedStore, "ru");

        // the counts of a clean import of this file (ImportServiceTest; BulkImporterTest compares whole graphs)
        assertThat(((Number) afterKill.get("tweets")).longValue())
                .as("the kill came midway")
                .isPositive()
                .isLessThan(35_085);
        assertThat(finished)
                .containsEntry("tweets", 35_085)
                .containsEntry("retweets", 35_124)
                .containsEntry("accounts", 9_509);
    }

    @Test
    void aKilledBulkImportLeavesTheStoreAsItWasAndRunsAgain() throws Exception {
        Path world = temp.resolve("world");
        new WorldGenerator(WorldSpec.builder(1_000, 4, 3).tweets(10_000).build()).write(world);
        Path store = temp.resolve("bulk-store");
        String[] importArgs = {
            "import",
            "--format",
            "infoops",
            "--dataset",
            "gen",
            "--store",
            store.toString(),
            world.resolve(WorldGenerator.USERS).toString(),
            world.resolve(WorldGenerator.TWEETS).toString()
        };

        // killed while reading the files, then while Neo4j's importer writes the new store aside
        Process reading = CliProcess.start(temp.resolve("run1"), importArgs);
        waitFor(temp.resolve("run1/stderr.txt"), reading, "(?s).*\\] +[0-9]+% [1-9][0-9,]* records.*");
        kill(reading);
        assertEmpty(stats(store, null));
        Process writing = CliProcess.start(temp.resolve("run2"), importArgs);
        waitFor(temp.resolve("run2/stderr.txt"), writing, "(?s).*Writing [0-9,]+ nodes.*");
        kill(writing);
        assertThat(store.resolve("bulk-import"))
                .as("the new store was being built aside")
                .exists();
        assertEmpty(stats(store, null));

        CliProcess.Result rerun = InProcessCli.run(withReport(importArgs, temp.resolve("run3-errors.csv")));
        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        assertThat(rerun.stderr()).contains("bulk, into a new store");
        assertThat(store.resolve("bulk-import")).doesNotExist();
        Map<String, Object> finished = stats(store, "gen");
        assertThat(((Number) finished.get("tweets")).longValue()).isEqualTo(10_000);

        // a second bulk import into the now non-empty store is refused, saying why and what to do
        CliProcess.Result refused =
                InProcessCli.run(prepend("--bulk", withReport(importArgs, temp.resolve("refused-errors.csv"))));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr())
                .contains("--bulk builds a new store", "already holds data", "Leave out --bulk")
                .doesNotContain("\tat ");
        assertThat(stats(store, "gen")).isEqualTo(finished);
    }

    @Test
    void aKilledDetectionIsMarkedFailedAndARunAgainGivesTheCountsOfACleanRun() throws Exception {
        Path world = temp.resolve("world");
        new WorldGenerator(WorldSpec.builder(1_000, 4, 5).tweets(10_000).build()).write(world);
        Path store = temp.resolve("detect-store");
        CliProcess.Result imported = InProcessCli.run(
                "import",
                "--format",
                "infoops",
                "--dataset",
                "gen",
                "--store",
                store.toString(),
                "--report",
                temp.resolve("import-errors.csv").toString(),
                world.resolve(WorldGenerator.USERS).toString(),
                world.resolve(WorldGenerator.TWEETS).toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        String[] detectArgs = {"detect", "--store", store.toString()};
        CliProcess.Result clean = InProcessCli.run(detectArgs);
        assertThat(clean.exitCode()).as(clean.stderr()).isZero();

        // killed while reading the posts from the store (the clean run's projection deleted, so it reads them),
        // after its run was stored as RUNNING
        assertThat(store.resolve("projections/gen.projection")).isRegularFile();
        Files.delete(store.resolve("projections/gen.projection"));
        Process victim = CliProcess.start(temp.resolve("killed"), detectArgs);
        waitFor(temp.resolve("killed/stderr.txt"), victim, "(?s).*reading the posts of 'gen'.*");
        kill(victim);
        CliProcess.Result rerun = InProcessCli.run(detectArgs);
        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();

        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(store, 0, "32m", "");
                Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken());
                var session = driver.session()) {
            List<Map<String, Object>> runs = session.run("""
                    MATCH (r:DetectionRun)
                    RETURN r.id AS id, r.status AS status, r.error AS error, r.clusters AS clusters,
                           r.suspects AS suspects, COUNT { (c:Cluster {run: r.id}) } AS clusterNodes,
                           COUNT { ()-[m:IN_CLUSTER {run: r.id}]->() } AS memberships
                    ORDER BY r.startedAt""").list(r -> r.asMap());
            assertThat(runs).extracting(r -> r.get("status")).containsExactly("DONE", "FAILED", "DONE");
            assertThat((String) runs.get(1).get("error")).startsWith("interrupted");
            for (String key : List.of("clusters", "suspects", "clusterNodes", "memberships")) {
                assertThat(runs.get(2).get(key)).as(key).isEqualTo(runs.get(0).get(key));
            }
            assertThat(((Number) runs.get(0).get("suspects")).longValue()).isPositive();
            // each start of a detection is in the audit trail, the killed one included
            List<Map<String, Object>> audit = session.run("""
                    MATCH (e:AuditEntry {action: 'detect'})
                    RETURN e.actor AS actor, e.target AS target, e.details AS details ORDER BY e.seq""").list(r -> r.asMap());
            assertThat(audit).hasSize(3).allSatisfy(e -> {
                assertThat(e.get("actor")).isEqualTo("cli:" + System.getProperty("user.name"));
                assertThat(e.get("target")).isEqualTo("gen");
            });
            for (int i = 0; i < 3; i++) {
                assertThat((String) audit.get(i).get("details"))
                        .contains("\"runId\":\"" + runs.get(i).get("id") + "\"");
            }
        }
    }

    private static void assertEmpty(Map<String, Object> stats) {
        assertThat(stats.values())
                .as("the counts of an empty store: %s", stats)
                .allSatisfy(v -> assertThat(((Number) v).longValue()).isZero());
    }

    private static String[] prepend(String option, String[] importArgs) {
        List<String> args = new ArrayList<>(List.of(importArgs));
        args.add(1, option);
        return args.toArray(String[]::new);
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** {@code import ... --report FILE}: an import run in this JVM must not write its report into the working directory. */
    private static String[] withReport(String[] importArgs, Path report) {
        return prepend("--report=" + report, importArgs);
    }

    /** {@code stats}, run in this JVM: the store's (or {@code dataset}'s) counts. */
    private static Map<String, Object> stats(Path store, String dataset) throws Exception {
        List<String> args = new ArrayList<>(List.of("stats", "--store", store.toString()));
        if (dataset != null) {
            args.addAll(List.of("--dataset", dataset));
        }
        return parseStats(InProcessCli.run(args.toArray(String[]::new)));
    }

    private static Map<String, Object> parseStats(CliProcess.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip().lines())
                .as("stdout holds the JSON object alone")
                .hasSize(1);
        assertThat(JSON.readTree(result.stdout()).fieldNames())
                .toIterable()
                .contains("accounts", "tweets", "referencedTweets", "retweets", "links", "hashtags", "relationships");
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = JSON.readValue(result.stdout(), Map.class);
        return stats;
    }

    /** Waits until the process has printed what {@code regex} matches (e.g. a progress line showing records). */
    private static void waitFor(Path stderr, Process process, String regex) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String text = CliProcess.read(stderr);
            if (text.matches(regex)) {
                return;
            }
            assertThat(process.isAlive())
                    .as("process ended before it printed " + regex + ": " + text)
                    .isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("not printed within 3 minutes: " + regex + ": " + CliProcess.read(stderr));
    }
}

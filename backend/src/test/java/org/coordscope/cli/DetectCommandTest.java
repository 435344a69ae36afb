package org.coordscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.coordscope.graphdb.EmbeddedNeo4j;
import org.coordscope.web.SpreadsheetSafe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** import, detect, runs and export suspects as a user runs them (the command line, in this JVM), on one store. */
class DetectCommandTest {

    @TempDir
    Path temp;

    @Test
    void detectThenExportSuspectsKeepsIdsExact() throws Exception {
        // four accounts (hashed ids, one starting with '+') retweet the same six posts within seconds; two others
        // retweet once, hours apart
        List<String> lines = new ArrayList<>(List.of("object_id,account_id,content_id,timestamp_share"));
        String[] bots = {"+Bot1hash=", "bot2", "bot3", "bot4"};
        int post = 0;
        // 10 shared tweets: with no profile to add traits, a group this small needs about that much repetition
        for (int o = 0; o < 10; o++) {
            for (int b = 0; b < bots.length; b++) {
                lines.add("orig" + o + "," + bots[b] + ",p" + post++ + "," + (1_600_000_000L + o * 3600 + b * 5));
            }
        }
        lines.add("orig0,human1,p" + post++ + ",1600050000");
        lines.add("orig1,human2,p" + post++ + ",1600090000");
        Path file = temp.resolve("shares.csv");
        Files.write(file, lines);
        String store = temp.resolve("store").toString();

        CliProcess.Result imported = InProcessCli.run(
                "import",
                "--store",
                store,
                "--format",
                "shares",
                "--map",
                "coortweet",
                "--dataset",
                "t",
                "--report",
                temp.resolve("errors.csv").toString(),
                file.toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();

        CliProcess.Result detected =
                InProcessCli.run("detect", "--store", store, "--window", "60s", "--signals", "co-retweet");
        assertThat(detected.exitCode()).as(detected.stderr()).isZero();
        assertThat(detected.stderr()).contains("co-retweet", "1 clusters", "4 suspects", "times: read ");
        List<String> stdout = detected.stdout().strip().lines().toList();
        String runId = stdout.get(stdout.size() - 1); // the run id is the last line (a logging notice may precede it)

        CliProcess.Result runs = InProcessCli.run("runs", "--store", store);
        assertThat(runs.exitCode()).as(runs.stderr()).isZero();
        assertThat(runs.stdout()).contains("\"runId\":\"" + runId + "\"", "\"dataset\":\"t\"", "\"suspects\":4");

        Path out = temp.resolve("suspects.csv");
        CliProcess.Result exported =
                InProcessCli.run("export", "suspects", "--store", store, "--format", "csv", "--out", out.toString());
        assertThat(exported.exitCode()).as(exported.stderr()).isZero();
        try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
            assertThat(rows.get(0).getParser().getHeaderNames())
                    .containsExactly(
                            "account_id", "screen_name", "cluster_id", "score", "reasons", "mark", "mark_note");
            // spreadsheet-safe: the id starting with '+' gets a leading quote, and reading it back gives it exactly
            assertThat(rows)
                    .extracting(r -> r.get("account_id"))
                    .containsExactlyInAnyOrder("'+Bot1hash=", "bot2", "bot3", "bot4");
            assertThat(rows)
                    .extracting(r -> SpreadsheetSafe.original(r.get("account_id")))
                    .containsExactlyInAnyOrder(bots);
            assertThat(rows).allSatisfy(r -> assertThat(r.get("cluster_id")).isEqualTo(runId + "/1"));
            assertThat(rows.get(0).get("reasons")).contains("co-acted with 3 of the 3 other members");
        }
        // the command line records what it did, as the REST API does, with the OS user as actor
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(Path.of(store), 0, "32m", "");
                Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken());
                var session = driver.session()) {
            List<Map<String, Object>> audit = session.run("MATCH (e:AuditEntry) RETURN e.actor AS actor,"
                            + " e.action AS action, e.target AS target, e.details AS details ORDER BY e.seq")
                    .list(r -> r.asMap());
            assertThat(audit)
                    .extracting(e -> e.get("action") + " " + e.get("target"))
                    .containsExactly("import t", "detect t", "export.suspects " + runId);
            assertThat(audit)
                    .allSatisfy(e -> assertThat(e.get("actor")).isEqualTo("cli:" + System.getProperty("user.name")));
            assertThat((String) audit.get(0).get("details")).contains("\"posts\":42", "\"files\":[\"" + file + "\"]");
            assertThat((String) audit.get(1).get("details"))
                    .contains("\"runId\":\"" + runId + "\"", "\"co-retweet.window\":\"60\"");
            assertThat((String) audit.get(2).get("details")).contains("\"rows\":4", "\"format\":\"csv\"");
        }
    }
}

package org.coordscope.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.coordscope.ApiTestSupport;
import org.coordscope.ExploreWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Each audited action over HTTP leaves exactly its entry: actor, action, target, parameters and counts. */
class AuditApiTest extends ApiTestSupport {

    /**
     * Who the shared {@code http} client is on the server: no user before sign-in exists; when ApiTestSupport signs
     * in, this is that user's name.
     */
    static final String ACTOR = org.coordscope.TestUsers.ADMIN;

    @Autowired
    AuditLog audit;

    long before;
    String cluster;
    List<String> members;

    @BeforeEach
    void baseline() {
        try (var session = driver.session()) {
            before = session.run("MATCH (e:AuditEntry) RETURN coalesce(max(e.seq), 0)")
                    .single()
                    .get(0)
                    .asLong();
            cluster = session.run(
                            "MATCH (c:Cluster {run: $run}) RETURN c.id ORDER BY c.score DESC, c.id LIMIT 1",
                            Map.of("run", world.run()))
                    .single()
                    .get(0)
                    .asString();
            members = session.run(
                            "MATCH (:Cluster {id: $c})<-[:IN_CLUSTER]-(a) RETURN a.id ORDER BY a.id",
                            Map.of("c", cluster))
                    .list(r -> r.get(0).asString());
        }
    }

    /** The entries written since the test began, oldest first, as the admin endpoint answers them. */
    private List<JsonNode> newEntries() {
        JsonNode page = http.getForObject("/api/admin/audit?size=500", JsonNode.class);
        List<JsonNode> entries = new ArrayList<>();
        page.get("items").forEach(e -> {
            if (e.get("seq").asLong() > before) {
                entries.add(0, e);
            }
        });
        return entries;
    }

    private static void assertEntry(JsonNode e, String action, String target) {
        assertThat(e.get("actor").asText()).isEqualTo(ACTOR);
        assertThat(e.get("action").asText()).isEqualTo(action);
        assertThat(e.get("target").isNull() ? null : e.get("target").asText()).isEqualTo(target);
        assertThat(Instant.parse(e.get("at").asText())).isBetween(Instant.now().minusSeconds(120), Instant.now());
    }

    @Test
    void concurrentWritersEachGetAUniqueRisingSeqWithNoSharedCounter() throws Exception {
        int writers = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<Long>>> taken = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String actor = "writer-" + w;
            taken.add(pool.submit(() -> {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    seqs.add(audit.record(actor, "test.concurrent", "t" + i, Map.of("i", i))
                            .seq());
                }
                return seqs;
            }));
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> f : taken) {
            List<Long> seqs = f.get(2, TimeUnit.MINUTES);
            assertThat(seqs)
                    .as("one writer's entries, in the order it wrote them")
                    .isSorted();
            all.addAll(seqs);
        }
        pool.shutdown();
        assertThat(all)
                .hasSize(writers * each)
                .allSatisfy(seq -> assertThat(seq).isGreaterThan(before));
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (e:AuditEntry {action: 'test.concurrent'}) RETURN count(e)")
                            .single()
                            .get(0)
                            .asLong())
                    .isEqualTo(writers * each);
            assertThat(session.run("MATCH (s:AuditSequence) RETURN count(s)")
                            .single()
                            .get(0)
                            .asLong())
                    .as("no counter node")
                    .isZero();
        }
        // the next entry comes after all of them
        assertThat(audit.record("later", "test.concurrent", null, Map.of()).seq())
                .isGreaterThan(all.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void savedQueriesAndExportsAreRecordedWithTheirParametersAndRowCounts() {
        JsonNode result = http.postForObject(
                "/api/queries/hashtag-amplifiers/run",
                Map.of("params", Map.of("tag", "vote", "limit", 7)),
                JsonNode.class);
        ResponseEntity<String> csv =
                http.getForEntity(ExploreWorld.path("/api/exports/suspects?cluster={}", cluster), String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> graph = http.getForEntity(
                ExploreWorld.path("/api/exports/graph?cluster={}" + "&format=graphml", cluster), String.class);
        assertThat(graph.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> view = http.postForEntity(
                "/api/exports/graph",
                Map.of("run", world.run(), "accounts", members.subList(0, 3), "format", "gexf"),
                String.class);
        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);

        List<JsonNode> entries = newEntries();
        assertThat(entries)
                .extracting(e -> e.get("action").asText())
                .containsExactly("query.run", "export.suspects", "export.graph", "export.graph");
        assertEntry(entries.get(0), "query.run", "hashtag-amplifiers");
        assertThat(entries.get(0).get("details").get("params").get("tag").asText())
                .isEqualTo("vote");
        assertThat(entries.get(0).get("details").get("params").get("limit").asInt())
                .isEqualTo(7);
        assertThat(entries.get(0).get("details").get("rows").asInt())
                .isEqualTo(result.get("rows").size());

        assertEntry(entries.get(1), "export.suspects", cluster);
        JsonNode exported = entries.get(1).get("details");
        assertThat(exported.get("run").asText()).isEqualTo(world.run());
        assertThat(exported.get("cluster").asText()).isEqualTo(cluster);
        assertThat(exported.get("format").asText()).isEqualTo("csv");
        assertThat(exported.get("rows").asInt())
                .isEqualTo(members.size())
                .isEqualTo((int) csv.getBody().lines().count() - 1);

        assertEntry(entries.get(2), "export.graph", cluster);
        assertThat(entries.get(2).get("details").get("nodes").asInt()).isEqualTo(members.size());
        assertThat(entries.get(2).get("details").get("format").asText()).isEqualTo("graphml");
        assertEntry(entries.get(3), "export.graph", world.run());
        assertThat(entries.get(3).get("details").get("accounts").asInt()).isEqualTo(3);
        assertThat(entries.get(3).get("details").get("nodes").asInt()).isEqualTo(3);
    }

    @Test
    void marksAndAllowlistChangesAreRecordedAndARefusedBodyRecordsNothing() {
        String account = members.get(0);
        Map<String, Object> mark = Map.of(
                "targetType",
                "account",
                "targetId",
                account,
                "dataset",
                ExploreWorld.DATASET,
                "status",
                "needs_review",
                "note",
                "=looks odd");
        assertThat(http.exchange("/api/marks", HttpMethod.PUT, new HttpEntity<>(mark), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.exchange(
                                ExploreWorld.path(
                                        "/api/marks?targetType=account&targetId={}&dataset={}",
                                        account,
                                        ExploreWorld.DATASET),
                                HttpMethod.DELETE,
                                null,
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> allow = Map.of("dataset", ExploreWorld.DATASET, "accountId", account, "note", "press");
        assertThat(http.exchange("/api/allowlist", HttpMethod.PUT, new HttpEntity<>(allow), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.exchange(
                                ExploreWorld.path(
                                        "/api/allowlist?dataset={}&accountId={}", ExploreWorld.DATASET, account),
                                HttpMethod.DELETE,
                                null,
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> bad = http.exchange(
                "/api/marks",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of(
                        "targetType", "planet", "targetId", account, "dataset", ExploreWorld.DATASET, "status", "meh")),
                JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        List<JsonNode> entries = newEntries();
        assertThat(entries)
                .extracting(e -> e.get("action").asText())
                .containsExactly("mark.set", "mark.remove", "allowlist.add", "allowlist.remove");
        entries.forEach(e -> assertEntry(e, e.get("action").asText(), account));
        assertThat(entries.get(0).get("details").get("status").asText()).isEqualTo("needs_review");
        assertThat(entries.get(0).get("details").get("note").asText()).isEqualTo("=looks odd");
        assertThat(entries.get(2).get("details").get("dataset").asText()).isEqualTo(ExploreWorld.DATASET);
    }

    @Test
    void theTrailFiltersByActorActionAndTimeAndExportsAsSpreadsheetSafeCsv() throws Exception {
        audit.record("=cmd|' /C calc'!A0", "mark.set", "-123", Map.of("note", "@SUM(1+1)"));
        audit.record("cli:tester", "export.suspects", "+Ab/cd==", Map.of("rows", 3));
        audit.record("cli:tester", "mark.set", "=HYPERLINK(\"http://x\",\"y\")", Map.of());

        JsonNode byActor = http.getForObject("/api/admin/audit?actor=cli:tester", JsonNode.class);
        assertThat(byActor.get("items"))
                .allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("cli:tester"));
        assertThat(byActor.get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode byAction = http.getForObject("/api/admin/audit?action=export&size=5", JsonNode.class);
        assertThat(byAction.get("items"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("action").asText()).startsWith("export."));
        assertThat(byAction.get("size").asInt()).isEqualTo(5);
        String future = Instant.now().plusSeconds(3600).toString();
        assertThat(http.getForObject("/api/admin/audit?from=" + future, JsonNode.class)
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(http.getForObject("/api/admin/audit?to=2000-01-01", JsonNode.class)
                        .get("total")
                        .asLong())
                .isZero();
        ResponseEntity<JsonNode> badTime = http.getForEntity("/api/admin/audit?from=yesterday", JsonNode.class);
        assertThat(badTime.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badTime.getBody().get("detail").asText()).contains("from", "ISO-8601", "yesterday");

        ResponseEntity<String> csv =
                http.getForEntity("/api/admin/audit.csv?from=" + Instant.now().minusSeconds(600), String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("audit.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.getBody()))
                .getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(AuditLog.CSV_COLUMNS);
        // every cell that would run as a formula gets a leading quote, ids (targets) included
        CSVRecord evil = rows.stream()
                .filter(r -> r.get("target").equals("'-123"))
                .findFirst()
                .orElseThrow();
        assertThat(evil.get("actor")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(evil.get("details")).isEqualTo("{\"note\":\"@SUM(1+1)\"}");
        assertThat(rows)
                .extracting(r -> r.get("target"))
                .contains("'+Ab/cd==", "'=HYPERLINK(\"http://x\",\"y\")")
                .doesNotContain("+Ab/cd==", "-123", "=HYPERLINK(\"http://x\",\"y\")");

        // the download itself is recorded, with how many rows it held
        JsonNode last = http.getForObject("/api/admin/audit?size=1", JsonNode.class)
                .get("items")
                .get(0);
        assertThat(last.get("action").asText()).isEqualTo("export.audit");
        assertThat(last.get("details").get("rows").asInt()).isEqualTo(rows.size());

        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        audit.writeCsv(AuditLog.Filter.of(null, "mark.set", null, null), direct);
        assertThat(direct.toString(StandardCharsets.UTF_8)).contains(",'-123,").doesNotContain(",-123,");
    }

    /** Issue 19: user management and failed sign-ins left no entry. */
    @Test
    void userManagementFromRestAndTheCliAndFailedSignInsAreRecordedNeverWithAPassword() {
        String name = "audited-" + System.nanoTime();
        String chosen = "a-chosen-passphrase-" + System.nanoTime();
        ResponseEntity<JsonNode> added = http.postForEntity(
                "/api/admin/users", Map.of("username", name, "roles", List.of("investigator")), JsonNode.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String generated = added.getBody().get("password").asText();
        http.postForObject("/api/admin/users/" + name + "/disable", null, JsonNode.class);
        assertThat(anonymous
                        .withBasicAuth(name, generated)
                        .getForEntity("/api/me", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        http.postForObject("/api/admin/users/" + name + "/enable", null, JsonNode.class);
        http.postForObject("/api/admin/users/" + name + "/password", Map.of("password", chosen), JsonNode.class);
        assertThat(anonymous
                        .withBasicAuth(name, "not-" + chosen)
                        .getForEntity("/api/me", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // the users CLI verb calls these service methods (without an actor): the entry names the local user
        users.resetPassword(name, null);
        users.setEnabled(name, false);

        List<JsonNode> entries = newEntries();
        assertThat(entries)
                .extracting(e -> e.get("action").asText() + " "
                        + e.get("target").asText() + " " + e.get("actor").asText())
                .containsExactly(
                        "user.add " + name + " " + ACTOR,
                        "user.disable " + name + " " + ACTOR,
                        "signin.failed " + name + " " + AuditLog.ANONYMOUS,
                        "user.enable " + name + " " + ACTOR,
                        "user.password " + name + " " + ACTOR,
                        "signin.failed " + name + " " + AuditLog.ANONYMOUS,
                        "user.password " + name + " " + AuditLog.cliActor(),
                        "user.disable " + name + " " + AuditLog.cliActor());
        assertThat(entries.get(0).get("details").get("roles").get(0).asText()).isEqualTo("investigator");
        assertThat(entries.get(0).get("details").get("generatedPassword").asBoolean())
                .isTrue();
        assertThat(entries.get(2).get("details").get("reason").asText()).isEqualTo("disabled");
        assertThat(entries.get(2).get("details").get("address").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(entries.get(4).get("details").get("generatedPassword").asBoolean())
                .isFalse();
        assertThat(entries.get(5).get("details").get("reason").asText()).isEqualTo("wrong user name or password");
        assertThat(entries.toString()).doesNotContain(generated, chosen, "bcrypt");
    }
}

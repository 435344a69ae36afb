package org.coordscope.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coordscope.ExploreWorld.path;
import static org.coordscope.ExploreWorld.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.ApiTestSupport;
import org.coordscope.ExploreWorld;
import org.coordscope.detect.DetectionRequest;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Marks and the allowlist over HTTP, kept across a second run, and the comparison of the two runs. */
class TriageAndCompareApiTest extends ApiTestSupport {

    private ResponseEntity<JsonNode> put(String url, Map<String, Object> body) {
        return http.exchange(url, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    @Test
    void marksSurviveANewRunAndTheComparisonNamesWhoEnteredLeftOrMoved() {
        JsonNode top = http.getForObject("/api/clusters?size=1&run=" + q(world.run()), JsonNode.class)
                .get("items")
                .get(0);
        String cluster = top.get("id").asText();
        String account = http.getForObject(path("/api/clusters/{}?memberSize=1", cluster), JsonNode.class)
                .get("members")
                .get("items")
                .get(0)
                .get("accountId")
                .asText();
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
                "check the client");
        ResponseEntity<JsonNode> saved = put("/api/marks", mark);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody().get("updatedAt").asText()).endsWith("Z");
        put(
                "/api/marks",
                Map.of(
                        "targetType",
                        "cluster",
                        "targetId",
                        cluster,
                        "dataset",
                        ExploreWorld.DATASET,
                        "status",
                        "confirmed"));
        DetectionResult second = null;
        try {
            // the marks show where the account and the cluster show
            JsonNode detail = http.getForObject(path("/api/accounts/{}", account), JsonNode.class);
            assertThat(detail.get("mark").get("status").asText()).isEqualTo("needs_review");
            assertThat(http.getForObject(path("/api/clusters/{}", cluster), JsonNode.class)
                            .get("summary")
                            .get("mark")
                            .get("status")
                            .asText())
                    .isEqualTo("confirmed");
            JsonNode marks = http.getForObject("/api/marks?status=needs_review", JsonNode.class);
            assertThat(marks.get("total").asInt()).isEqualTo(1);
            // a second run over the same data, with another community algorithm
            second = detection.run(
                    new DetectionRequest(ExploreWorld.DATASET, Map.of(), "label-propagation", null, null, null),
                    DetectionProgress.NONE);
            JsonNode again =
                    http.getForObject(path("/api/accounts/{}?run={}", account, second.runId()), JsonNode.class);
            assertThat(again.get("run").asText()).isEqualTo(second.runId());
            assertThat(again.get("mark").get("status").asText())
                    .as("an account mark outlives runs")
                    .isEqualTo("needs_review");

            JsonNode cmp = http.getForObject(
                    "/api/runs/compare?size=500&from=" + q(world.run()) + "&to=" + q(second.runId()), JsonNode.class);
            assertThat(cmp.get("from").asText()).isEqualTo(world.run());
            Set<String> before = members(world.run());
            Set<String> after = members(second.runId());
            Set<String> entered = ids(cmp.get("entered"));
            Set<String> left = ids(cmp.get("left"));
            Set<String> expectedEntered = new HashSet<>(after);
            expectedEntered.removeAll(before);
            Set<String> expectedLeft = new HashSet<>(before);
            expectedLeft.removeAll(after);
            assertThat(entered).isEqualTo(expectedEntered);
            assertThat(left).isEqualTo(expectedLeft);
            assertThat(ids(cmp.get("moved"))).isSubsetOf(before).isSubsetOf(after);
            cmp.get("moved")
                    .get("items")
                    .forEach(c -> assertThat(c.get("fromCluster").asText())
                            .isNotEqualTo(c.get("toCluster").asText()));
            System.out.printf(
                    "COMPARE %s -> %s: %d entered, %d left, %d moved%n",
                    world.run(),
                    second.runId(),
                    cmp.get("entered").get("total").asInt(),
                    cmp.get("left").get("total").asInt(),
                    cmp.get("moved").get("total").asInt());
            // the same run against itself changes nothing
            JsonNode same = http.getForObject(
                    "/api/runs/compare?from=" + q(world.run()) + "&to=" + q(world.run()), JsonNode.class);
            assertThat(same.get("entered").get("total").asInt()
                            + same.get("left").get("total").asInt()
                            + same.get("moved").get("total").asInt())
                    .isZero();
        } finally {
            if (second != null) {
                http.delete(path("/api/runs/{}", second.runId()));
            }
            http.delete(URI.create(
                    "/api/marks?targetType=account&dataset=" + ExploreWorld.DATASET + "&targetId=" + q(account)));
            http.delete(URI.create(
                    "/api/marks?targetType=cluster&dataset=" + ExploreWorld.DATASET + "&targetId=" + q(cluster)));
        }
        assertThat(http.getForObject("/api/marks", JsonNode.class).get("total").asInt())
                .isZero();
    }

    private Set<String> members(String run) {
        try (var session = driver.session()) {
            return new HashSet<>(
                    session.run("MATCH (:Cluster {run: $run})<-[:IN_CLUSTER]-(a) RETURN a.id", Map.of("run", run))
                            .list(r -> r.get(0).asString()));
        }
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.get("items").forEach(c -> ids.add(c.get("accountId").asText()));
        assertThat(page.get("total").asInt()).isEqualTo(ids.size());
        return ids;
    }

    @Test
    void theAllowlistIsListedAndBadMarksAreRefusedByField() {
        ResponseEntity<JsonNode> added = put(
                "/api/allowlist",
                Map.of("dataset", ExploreWorld.DATASET, "accountId", "news/outlet+1=", "note", "state broadcaster"));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
        try {
            JsonNode list = http.getForObject("/api/allowlist", JsonNode.class);
            assertThat(list.get("items").get(0).get("accountId").asText()).isEqualTo("news/outlet+1=");
        } finally {
            http.delete(
                    URI.create("/api/allowlist?dataset=" + ExploreWorld.DATASET + "&accountId=" + q("news/outlet+1=")));
        }
        assertThat(http.getForObject("/api/allowlist", JsonNode.class)
                        .get("total")
                        .asInt())
                .isZero();
        for (Map.Entry<String, Map<String, Object>> bad : Map.<String, Map<String, Object>>of(
                        "status", Map.of("targetType", "account", "targetId", "x", "dataset", "d", "status", "guilty"),
                        "targetType",
                                Map.of("targetType", "tweet", "targetId", "x", "dataset", "d", "status", "confirmed"),
                        "dataset", Map.of("targetType", "account", "targetId", "x", "status", "confirmed"))
                .entrySet()) {
            ResponseEntity<JsonNode> r = put("/api/marks", bad.getValue());
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("errors").get(0).get("field").asText()).isEqualTo(bad.getKey());
            assertThat(r.getBody().get("detail").asText()).contains(bad.getKey() + " ");
        }
        assertThat(http.getForEntity("/api/runs/compare?from=" + q(world.run()), JsonNode.class)
                        .getBody()
                        .get("detail")
                        .asText())
                .contains("to");
        List.of("/api/marks?status=maybe")
                .forEach(u -> assertThat(http.getForEntity(u, JsonNode.class).getStatusCode())
                        .isEqualTo(HttpStatus.BAD_REQUEST));
    }
}

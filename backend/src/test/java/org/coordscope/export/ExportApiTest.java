package org.coordscope.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coordscope.ExploreWorld.path;
import static org.coordscope.ExploreWorld.q;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.coordscope.ApiTestSupport;
import org.coordscope.ExploreWorld;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.web.SpreadsheetSafe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Suspects, evidence and graph files over HTTP; marks travel in them and allowlisted accounts stay out. */
class ExportApiTest extends ApiTestSupport {

    @Autowired
    DetectionStore store;

    String cluster;
    List<String> members;

    @BeforeEach
    void cluster() {
        try (var session = driver.session()) {
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

    private ResponseEntity<byte[]> download(URI uri) {
        ResponseEntity<byte[]> r = http.getForEntity(uri, byte[].class);
        assertThat(r.getStatusCode()).as(uri.toString()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentDisposition().isAttachment()).isTrue();
        return r;
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(body, StandardCharsets.UTF_8)))
                .getRecords();
    }

    @Test
    void aClustersSuspectsCarryExactIdsMarksAndLeaveAllowlistedAccountsOut() throws Exception {
        String marked = members.stream()
                .filter(id -> id.matches(".*[/+=].*"))
                .findFirst()
                .orElse(members.get(0));
        String allowed =
                members.stream().filter(id -> !id.equals(marked)).findFirst().orElseThrow();
        http.put(
                "/api/marks",
                Map.of(
                        "targetType",
                        "account",
                        "targetId",
                        marked,
                        "dataset",
                        ExploreWorld.DATASET,
                        "status",
                        "confirmed",
                        "note",
                        "=same template as ticket 12"));
        http.put(
                "/api/allowlist", Map.of("dataset", ExploreWorld.DATASET, "accountId", allowed, "note", "news outlet"));
        try {
            List<CSVRecord> rows = csv(download(URI.create("/api/exports/suspects?format=csv&cluster=" + q(cluster)))
                    .getBody());
            Set<String> ids = new HashSet<>();
            rows.forEach(r -> ids.add(SpreadsheetSafe.original(r.get("account_id"))));
            Set<String> expected = new HashSet<>(members);
            expected.remove(allowed);
            assertThat(ids).isEqualTo(expected);
            CSVRecord row = rows.stream()
                    .filter(r -> SpreadsheetSafe.original(r.get("account_id")).equals(marked))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.get("mark")).isEqualTo("confirmed");
            assertThat(row.get("mark_note")).isEqualTo("'=same template as ticket 12");
            assertThat(row.get("cluster_id")).isEqualTo(cluster);

            JsonNode json = new ObjectMapper()
                    .readTree(download(URI.create("/api/exports/suspects?format=json&accounts=" + q(marked) + ","
                                    + q(allowed) + "&run=" + q(world.run())))
                            .getBody());
            assertThat(json).hasSize(1);
            assertThat(json.get(0).get("account_id").asText()).isEqualTo(marked);
            assertThat(json.get(0).get("mark_note").asText()).startsWith("=");

            // the CLI's export suspects reads the same store method: the allowlisted account is not a suspect there
            assertThat(store.suspects(world.run(), 0))
                    .extracting(DetectionStore.Suspect::accountId)
                    .contains(marked)
                    .doesNotContain(allowed);
        } finally {
            http.delete(URI.create(
                    "/api/marks?targetType=account&dataset=" + ExploreWorld.DATASET + "&targetId=" + q(marked)));
            http.delete(URI.create("/api/allowlist?dataset=" + ExploreWorld.DATASET + "&accountId=" + q(allowed)));
        }
        assertThat(store.suspects(world.run(), 0))
                .extracting(DetectionStore.Suspect::accountId)
                .contains(allowed);
    }

    @Test
    void anAccountsEvidenceFileAndBadFormats() throws Exception {
        String account = members.get(0);
        JsonNode doc = new ObjectMapper()
                .readTree(download(URI.create("/api/exports/evidence?account=" + q(account) + "&run=" + q(world.run())))
                        .getBody());
        assertThat(doc.get("account").get("id").asText()).isEqualTo(account);
        assertThat(doc.get("cluster").get("id").asText()).isEqualTo(cluster);
        assertThat(doc.get("coActors").size()).isPositive();

        ResponseEntity<JsonNode> bad = http.getForEntity("/api/exports/suspects?format=xlsx", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("detail").asText()).contains("format");
        bad = http.getForEntity(path("/api/exports/graph?format=dot&cluster={}", cluster), JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aClusterAndAViewOpenAsGexfAndGraphml() throws Exception {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        ResponseEntity<byte[]> gexf = download(URI.create("/api/exports/graph?format=gexf&cluster=" + q(cluster)));
        Document g = xml.newDocumentBuilder().parse(new ByteArrayInputStream(gexf.getBody()));
        assertThat(g.getDocumentElement().getLocalName()).isEqualTo("gexf");
        NodeList nodes = g.getElementsByTagNameNS("*", "node");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(nodes.item(i).getAttributes().getNamedItem("id").getNodeValue());
        }
        assertThat(ids).isEqualTo(new HashSet<>(members));
        assertThat(g.getElementsByTagNameNS("*", "edge").getLength()).isPositive();
        assertThat(new String(gexf.getBody(), StandardCharsets.UTF_8)).contains("weight=", "signals");

        List<String> view = new ArrayList<>(members.subList(0, Math.min(4, members.size())));
        ResponseEntity<byte[]> graphml = http.exchange(
                "/api/exports/graph",
                HttpMethod.POST,
                new HttpEntity<>(Map.of("run", world.run(), "accounts", view, "format", "graphml")),
                byte[].class);
        assertThat(graphml.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document m = xml.newDocumentBuilder().parse(new ByteArrayInputStream(graphml.getBody()));
        assertThat(m.getDocumentElement().getLocalName()).isEqualTo("graphml");
        NodeList viewNodes = m.getElementsByTagNameNS("*", "node");
        Set<String> viewIds = new HashSet<>();
        for (int i = 0; i < viewNodes.getLength(); i++) {
            viewIds.add(viewNodes.item(i).getAttributes().getNamedItem("id").getNodeValue());
        }
        assertThat(viewIds).isEqualTo(new HashSet<>(view));
    }
}

package org.coordscope.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.graphdb.EmbeddedNeo4j;
import org.coordscope.graphdb.SchemaInitializer;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportReport;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19, item 6: one value too large for Neo4j's index (a 9,000-character post id, a 9,000-character screen name)
 * is a bad row with file, line and field; the rest of its batch and the rows after it are stored, on the driver path
 * and on the bulk path into a new store, whose indexes come online. A value just under the limit is stored.
 */
@GraphTest
class OversizedValueImportTest extends GraphTestSupport {

    @Autowired
    ImportService importService;

    @TempDir
    Path temp;

    private static final String MAPPING = "account=account,post=post,time=time,screen-name=screen,text=text";
    private static final String NEAR_LIMIT_ID = "n".repeat(IndexedValues.MAX_KEY_BYTES - 200);

    /** 300 shares in one batch; line 101 has a 9,000-character post id, line 201 a 9,000-character screen name. */
    private Path file() throws IOException {
        StringBuilder csv = new StringBuilder("account,post,time,text,screen\n");
        for (int i = 1; i <= 300; i++) {
            String post = i == 100 ? "p".repeat(9_000) : i == 150 ? NEAR_LIMIT_ID : "post" + i;
            String screen = i == 200 ? "s".repeat(9_000) : "user" + (i % 7);
            csv.append("acc").append(i % 7).append(',').append(post).append(',').append(1_700_000_000 + i * 60L);
            csv.append(",text ").append(i).append(',').append(screen).append('\n');
        }
        return Files.writeString(temp.resolve("oversized.csv"), csv, StandardCharsets.UTF_8);
    }

    private ImportRequest request(String dataset, Path file) {
        return new ImportRequest(
                dataset,
                SourceFormat.SHARES,
                MAPPING,
                List.of(ImportFile.of(file)),
                100,
                temp.resolve(dataset + "-errors.csv"));
    }

    private static void assertReported(ImportReport report) throws IOException {
        assertThat(report.badRows()).isEqualTo(2);
        assertThat(report.posts()).isEqualTo(298);
        assertThat(report.badRowSample())
                .extracting(row -> Path.of(row.file()).getFileName() + ":" + row.line() + " " + row.field())
                .containsExactly("oversized.csv:101 id", "oversized.csv:201 screenName");
        assertThat(Files.readString(report.reportFile())).contains("9,0", "Neo4j index key");
    }

    @Test
    void theDriverPathSkipsTheRowAndStoresTheRestOfItsBatch() throws IOException {
        ImportReport report = importService.importFiles(request("big", file()), ImportProgress.NONE);
        assertReported(report);
        assertThat(count("MATCH (t:Tweet {dataset: 'big'}) RETURN count(t)")).isEqualTo(298);
        assertThat(count("MATCH (t:Tweet {dataset: 'big'}) WHERE t.id IN ['post99', 'post101', 'post300']"
                        + " RETURN count(t)"))
                .isEqualTo(3);
        assertThat(count("MATCH (t:Tweet {id: $id, dataset: 'big'}) RETURN count(t)", Map.of("id", NEAR_LIMIT_ID)))
                .isOne();
    }

    @Test
    void theBulkPathChecksValuesBeforeBuildingAUsableStore() throws IOException {
        Path home = temp.resolve("bulk");
        ImportReport report = BulkImporter.importFiles(request("big", file()), home, ImportProgress.NONE);
        assertReported(report);
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(home, 0, "32m", "");
                Driver bulk = GraphDatabase.driver(server.boltUri(), server.authToken())) {
            new SchemaInitializer(bulk).awaitIndexes();
            try (var session = bulk.session()) {
                assertThat(session.run("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*) AS n")
                                .single()
                                .get("n")
                                .asLong())
                        .isZero();
                assertThat(session.run("MATCH (t:Tweet {dataset: 'big'}) RETURN count(t) AS n")
                                .single()
                                .get("n")
                                .asLong())
                        .isEqualTo(298);
                assertThat(session.run(
                                        "MATCH (t:Tweet {id: $id, dataset: 'big'}) RETURN count(t) AS n",
                                        Map.of("id", NEAR_LIMIT_ID))
                                .single()
                                .get("n")
                                .asLong())
                        .isOne();
            }
        }
    }
}

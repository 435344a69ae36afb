package org.coordscope.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.SharedData;
import org.coordscope.datasets.DatasetService;
import org.coordscope.detect.store.DetectionProjection;
import org.coordscope.detect.store.ProjectionDump;
import org.coordscope.generate.TelegramWorldGenerator;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.graphdb.EmbeddedNeo4j;
import org.coordscope.graphdb.SchemaInitializer;
import org.coordscope.graphdb.StoreReplacement;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportReport;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.coordscope.ingest.read.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bulk path builds exactly the graph the driver's MERGE path builds from the same files: every node with
 * every property, every relationship, the same {@code stats} counts and the same bad-row report. Detection
 * reads nothing but these nodes, properties and relationships, so its input is identical too. Each case
 * imports through the driver into the test store, and in bulk into a new store opened by its own server.
 */
@GraphTest
class BulkImporterTest extends GraphTestSupport {

    @Autowired
    ImportService importService;

    @Autowired
    DatasetService datasets;

    @Autowired
    DetectionProjection projection;

    @TempDir
    Path temp;

    @Test
    void infoOpsQuirksBadRowsAndRepeatedRowsGiveTheSameGraph() throws IOException {
        Path tweets = TestFiles.fixture("infoops/ira_fixture_tweets_csv_hashed.csv");
        Path users = TestFiles.fixture("infoops/ira_fixture_users_csv_hashed.csv");
        // the tweets file twice: every post is seen in two rows, which must merge into one node as MERGE does
        Path again = Files.copy(tweets, temp.resolve("again_tweets.csv"));
        Graphs graphs = bothWays("io", SourceFormat.INFOOPS, null, tweets, users, again);
        assertThat(graphs.bolt().counts().tweets()).isEqualTo(7);
        assertThat(graphs.bulk().report().badRows())
                .isEqualTo(graphs.bolt().report().badRows())
                .isEqualTo(12);
        assertThat(graphs.bulk().report().badRowSample())
                .isEqualTo(graphs.bolt().report().badRowSample());
    }

    @Test
    void twarc2PagesAndFlattenedLinesGiveTheSameGraph() throws IOException {
        Graphs graphs = bothWays(
                "tw",
                SourceFormat.TWARC2,
                null,
                TestFiles.fixture("twarc2/search_pages.jsonl"),
                TestFiles.fixture("twarc2/flattened.jsonl"));
        assertThat(graphs.bolt().counts().accounts()).isPositive();
    }

    @Test
    void sharesRowsRepeatingAPostPerObjectGiveTheSameGraph() throws IOException {
        // German election shares: one row per (post, shared object), so a post's links, domains, hashtags and
        // images come from several rows
        List<String> all = Files.readAllLines(SharedData.path("coortweet/german_elections.csv"));
        Map<String, Long> rowsPerPost = all.stream()
                .skip(1)
                .collect(Collectors.groupingBy(line -> line.split(",", -1)[1], Collectors.counting()));
        // the header, the first rows, and rows of posts that repeat (the first repeat is on line 50,977)
        List<String> lines = new ArrayList<>(all.subList(0, 1_000));
        all.stream()
                .skip(1_000)
                .filter(line -> rowsPerPost.get(line.split(",", -1)[1]) > 1)
                .limit(3_000)
                .forEach(lines::add);
        Path file = Files.write(temp.resolve("german_elections.csv"), lines);
        Graphs graphs = bothWays(
                "de",
                SourceFormat.SHARES,
                "account=account_id,post=post_id,url=url_id,hashtag=hashtag_id,domain=domain_id,image=phash_id,time=timestamp",
                file);
        assertThat(graphs.bolt().counts().images()).isPositive();
        assertThat(graphs.bolt().counts().tweets())
                .as("posts repeat across rows")
                .isLessThan(lines.size() - 1);
    }

    @Test
    void aGeneratedWorldWithRetweetedOriginalsInAndOutOfTheFileGivesTheSameGraph() throws IOException {
        Path world = temp.resolve("world");
        new WorldGenerator(WorldSpec.builder(300, 3, 5).tweets(3_000).build()).write(world);
        Graphs graphs = bothWays(
                "gen",
                SourceFormat.INFOOPS,
                null,
                world.resolve(WorldGenerator.USERS),
                world.resolve(WorldGenerator.TWEETS));
        assertThat(graphs.bolt().counts().retweets()).isPositive();
        assertThat(graphs.bolt().counts().referencedTweets()).isPositive();
        assertThat(count("MATCH (o:Tweet {dataset: 'gen'})<-[:RETWEETS]-() WHERE o.createdAt IS NOT NULL"
                        + " RETURN count(DISTINCT o)"))
                .as("originals that are rows of the file too")
                .isPositive();
    }

    @Test
    void telegramExportsAndTelethonLinesGiveTheSameGraphOnTelegram() throws IOException {
        Path world = temp.resolve("tgworld");
        new TelegramWorldGenerator(WorldSpec.builder(200, 2, 5).tweets(2_000).build())
                .write(world, WorldGenerator.Progress.NONE);
        Graphs graphs = bothWays(
                "tg",
                SourceFormat.TELEGRAM,
                null,
                TestFiles.fixture("telegram/single_chat_result.json"),
                TestFiles.fixture("telegram/full_export_result.json"),
                TestFiles.fixture("telegram/telethon_messages.jsonl"),
                world.resolve(TelegramWorldGenerator.RESULT));
        assertThat(graphs.bolt().counts().retweets()).isPositive();
        assertThat(graphs.bulk().report().serviceMessages())
                .isEqualTo(graphs.bolt().report().serviceMessages())
                .isGreaterThan(2);
        assertThat(graphs.bulk().report().badRowSample())
                .isEqualTo(graphs.bolt().report().badRowSample())
                .hasSize(3);
        assertThat(count("MATCH (n:Account|Tweet {dataset: 'tg'}) WHERE n.platform <> 'telegram' RETURN count(n)"))
                .isZero();
    }

    @Test
    void tooManyBadRowsStopsTheBulkImportWithNothingWritten() throws IOException {
        Path home = temp.resolve("home");
        ImportRequest request = new ImportRequest(
                "io",
                SourceFormat.INFOOPS,
                null,
                List.of(ImportFile.of(TestFiles.fixture("infoops/ira_fixture_tweets_csv_hashed.csv"))),
                2,
                temp.resolve("errors.csv"));
        assertThatThrownBy(() -> BulkImporter.importFiles(request, home, ImportProgress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("--max-errors 2")
                .hasMessageContaining("nothing was stored");
        assertThat(home.resolve("data")).doesNotExist();
    }

    private record Imported(
            ImportReport report, DatasetService.Counts counts, List<String> graph, List<String> schema) {}

    private record Graphs(Imported bolt, Imported bulk) {}

    /** Imports the files both ways, checks that both give the same graph, and returns both. */
    private Graphs bothWays(String dataset, SourceFormat format, String mapping, Path... files) throws IOException {
        ImportReport boltReport =
                importService.importFiles(request(dataset, format, mapping, "bolt", files), ImportProgress.NONE);
        Imported bolt = new Imported(boltReport, datasets.counts(dataset), dump(driver), schema(driver));

        Path home = temp.resolve("bulk-" + dataset);
        ImportReport bulkReport =
                BulkImporter.importFiles(request(dataset, format, mapping, "bulk", files), home, ImportProgress.NONE);
        Imported bulk;
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(home, 0, "32m", "");
                Driver bulkDriver = GraphDatabase.driver(server.boltUri(), server.authToken())) {
            new SchemaInitializer(bulkDriver).awaitIndexes();
            bulk = new Imported(
                    bulkReport, new DatasetService(bulkDriver).counts(dataset), dump(bulkDriver), schema(bulkDriver));
            // what detection would read of the new store, kept by the import (moved into place with the store)
            Path projections = home.resolve(StoreReplacement.PROJECTIONS);
            String revision = new DatasetService(bulkDriver).revision(dataset);
            assertThat(ProjectionDump.revisionOf(
                            DetectionProjection.in(projections).file(dataset)))
                    .isEqualTo(revision);
            ProjectionDump.assertSame(
                    ProjectionDump.ofFile(projections, dataset, revision), ProjectionDump.ofStore(bulkDriver, dataset));
        }
        // and the driver path kept the same of its new dataset
        ProjectionDump.assertSame(
                ProjectionDump.ofFile(projection.file(dataset).getParent(), dataset, datasets.revision(dataset)),
                ProjectionDump.ofStore(driver, dataset));

        assertThat(bulk.counts()).isEqualTo(bolt.counts());
        assertThat(bulk.graph()).hasSize(bolt.graph().size()).containsExactlyElementsOf(bolt.graph());
        assertThat(bulk.schema()).isEqualTo(bolt.schema()).isNotEmpty();
        assertThat(bulk.report().posts()).isEqualTo(bolt.report().posts());
        assertThat(bulk.report().accounts()).isEqualTo(bolt.report().accounts());
        assertThat(bolt.graph()).anySatisfy(line -> assertThat(line).startsWith("(Tweet"));
        // every account and post, also those known only by reference, carries its platform, on both paths
        assertThat(bolt.graph())
                .filteredOn(line -> line.startsWith("(Account") || line.startsWith("(Tweet"))
                .allSatisfy(line -> assertThat(line).contains("platform=\"" + format.platform() + "\""));
        return new Graphs(bolt, bulk);
    }

    private ImportRequest request(String dataset, SourceFormat format, String mapping, String way, Path... files) {
        return new ImportRequest(
                dataset,
                format,
                mapping,
                List.of(files).stream().map(ImportFile::of).toList(),
                1000,
                temp.resolve(way + "-" + dataset + "-errors.csv"));
    }

    /**
     * Every node (labels and all properties but the dataset node's timestamps and revision) and every relationship (type and its
     * ends' labels and keys), one line each, sorted.
     */
    private static List<String> dump(Driver driver) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<String> lines = new ArrayList<>();
                tx.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
                        .forEachRemaining(r -> {
                            Map<String, Object> props =
                                    new TreeMap<>(r.get("props").asMap(Value::toString));
                            if (r.get("labels").asList().contains("Dataset")) {
                                assertThat(props).containsKeys("createdAt", "importedAt", "revision");
                                props.remove("createdAt");
                                props.remove("importedAt");
                                props.remove("revision");
                            }
                            lines.add("(" + String.join(":", r.get("labels").asList(Value::asString)) + " " + props
                                    + ")");
                        });
                tx.run("""
                        MATCH (a)-[r]->(b)
                        RETURN labels(a)[0] + ' ' + coalesce(a.id, a.url, a.name, a.tag, a.hash) + ' -[' + type(r) + ']-> '
                               + labels(b)[0] + ' ' + coalesce(b.id, b.url, b.name, b.tag, b.hash) + ' '
                               + toString(size(keys(r))) AS line
                        """).forEachRemaining(r -> lines.add(r.get("line").asString()));
                lines.sort(null);
                return lines;
            });
        }
    }

    private static List<String> schema(Driver driver) {
        try (var session = driver.session()) {
            List<String> lines = new ArrayList<>();
            session.run("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *")
                    .forEachRemaining(r -> lines.add(r.get("name").asString() + " " + r.get("type") + " "
                            + r.get("labelsOrTypes") + " " + r.get("properties")));
            session.run("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN *")
                    .forEachRemaining(r -> lines.add(r.get("name").asString() + " " + r.get("type") + " "
                            + r.get("labelsOrTypes") + " " + r.get("properties") + " " + r.get("state")));
            lines.sort(null);
            return lines;
        }
    }
}

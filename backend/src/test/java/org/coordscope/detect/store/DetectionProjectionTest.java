package org.coordscope.detect.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.datasets.DatasetService;
import org.coordscope.detect.DetectionRequest;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The detection projection against the real embedded Neo4j: a second run reads it and finds exactly what a run
 * reading the store finds, and it is not used once the dataset changed, when damaged, or when it lacks what a run
 * asks for.
 */
@GraphTest
class DetectionProjectionTest {

    @Autowired
    ImportService importService;

    @Autowired
    DetectionService detection;

    @Autowired
    DetectionProjection projection;

    @Autowired
    DetectionStore store;

    @Autowired
    DatasetService datasets;

    @Autowired
    ObjectMapper json;

    @Autowired
    Driver driver;

    @TempDir
    Path dir;

    /** The world's import is shared by the tests that leave it as it was: its revision, and its projection's copy. */
    private static String preparedRevision;

    @TempDir
    static Path shared;

    /** The same service, but never a projection: what reading the store finds. */
    DetectionService fromStore;

    /** The projection the import of the world wrote, moved aside so that each test starts without one. */
    Path importWritten;

    @BeforeEach
    void world() throws IOException {
        fromStore =
                new DetectionService(driver, store, datasets, json, new DetectionProjection(dir.resolve("off"), false));
        Files.deleteIfExists(projection.file("world"));
        if (preparedRevision == null || !preparedRevision.equals(storedRevision())) {
            GraphTestSupport.wipe(driver);
            importWorld(shared.resolve("a"), 7);
            Files.move(
                    projection.file("world"), shared.resolve("world.projection"), StandardCopyOption.REPLACE_EXISTING);
            preparedRevision = storedRevision();
        }
        importWritten = Files.copy(shared.resolve("world.projection"), dir.resolve("world.projection"));
    }

    /** The world's revision in the store, or null when it is not there (another test class wiped the store). */
    private String storedRevision() {
        try (var session = driver.session()) {
            var revisions = session.run("MATCH (d:Dataset {name: 'world'}) RETURN d.revision AS revision")
                    .list(r -> r.get("revision").asString(null));
            return revisions.isEmpty() ? null : revisions.get(0);
        }
    }

    private void importWorld(Path at, long seed) throws IOException {
        new WorldGenerator(WorldSpec.builder(600, 3, seed).build()).write(at);
        importService.importFiles(worldRequest(at), ImportProgress.NONE);
    }

    private static ImportRequest worldRequest(Path at) {
        return new ImportRequest(
                "world",
                SourceFormat.INFOOPS,
                null,
                List.of(ImportFile.of(at.resolve("users.csv")), ImportFile.of(at.resolve("tweets.csv"))),
                100,
                at.resolve("errors.csv"));
    }

    @Test
    void theDriverImportKeepsTheProjectionSoTheFirstRunReadsNoPostsBackAndWritesWhatTheStoreGives() throws IOException {
        String revision = datasets.revision("world");
        assertThat(ProjectionDump.revisionOf(importWritten)).isEqualTo(revision);
        ProjectionDump.assertSame(
                ProjectionDump.ofFile(dir, "world", revision), ProjectionDump.ofStore(driver, "world"));
        assertThat(ProjectionDump.ofStore(driver, "world")).hasSizeGreaterThan(1_000);

        Files.move(importWritten, projection.file("world"));
        Run first = run(detection, DetectionRequest.of("world"));
        assertThat(first.said()).anyMatch(m -> m.matches("[\\d,]+ posts from the projection of 'world'; actions: .*"));
        assertThat(first.said()).noneMatch(m -> m.contains("reading the posts"));
        Run store = run(fromStore, DetectionRequest.of("world"));
        assertSameWrites(first.result(), store.result());
        assertThat(first.result().actions()).isEqualTo(store.result().actions());
    }

    /** A run and what it said while running. */
    record Run(DetectionResult result, List<String> said) {}

    private static Run run(DetectionService service, DetectionRequest request) {
        List<String> said = new ArrayList<>();
        DetectionResult result = service.run(request, (phase, fraction, message) -> said.add(message));
        return new Run(result, said);
    }

    /**
     * Everything a run wrote, its run id left out: memberships with their scores and reasons, edges with evidence.
     */
    private List<String> written(DetectionResult result) {
        try (var session = driver.session()) {
            List<String> rows = new ArrayList<>(session.run("""
                    MATCH (a:Account)-[m:IN_CLUSTER {run: $run}]->(c:Cluster)
                    RETURN a.id + ' ' + split(c.id, '/')[1] + ' ' + c.score + ' ' + m.score + ' '
                           + reduce(s = '', r IN m.reasons | s + r + ';') AS row ORDER BY row
                    """, Map.of("run", result.runId()))
                    .list(r -> r.get("row").asString()));
            rows.addAll(session.run("""
                    MATCH (a:Account)-[e:COORDINATED {run: $run}]->(b:Account)
                    RETURN a.id + ' ' + b.id + ' ' + e.weight + ' ' + e.evidence AS row ORDER BY row
                    """, Map.of("run", result.runId()))
                    .list(r -> r.get("row").asString()));
            return rows;
        }
    }

    /** The two runs wrote the same (compared row by row, so that a difference shows as one row). */
    private void assertSameWrites(DetectionResult actual, DetectionResult expected) {
        List<String> a = written(actual);
        List<String> e = written(expected);
        assertThat(e).as("the run wrote clusters").isNotEmpty();
        for (int i = 0; i < Math.min(a.size(), e.size()); i++) {
            assertThat(a.get(i))
                    .as("row %d of what run %s wrote", i, actual.runId())
                    .isEqualTo(e.get(i));
        }
        assertThat(a).hasSameSizeAs(e);
    }

    @Test
    void aSecondRunReadsTheProjectionAndWritesWhatReadingTheStoreWrites() {
        Run first = run(detection, DetectionRequest.of("world"));
        assertThat(first.said()).anyMatch(m -> m.startsWith("no projection of 'world' yet: reading the posts"));
        assertThat(projection.file("world")).isRegularFile();

        Run second = run(detection, DetectionRequest.of("world"));
        assertThat(second.said()).anyMatch(m -> m.matches("[\\d,]+ posts from the projection of 'world'; actions: .*"));
        assertThat(second.said()).noneMatch(m -> m.contains("reading the posts"));
        Run store = run(fromStore, DetectionRequest.of("world"));

        assertThat(store.result().clusters()).isGreaterThan(0);
        assertSameWrites(first.result(), store.result());
        assertSameWrites(second.result(), store.result());
        assertThat(second.result().actions()).isEqualTo(store.result().actions());
        assertThat(second.result().resolutionSeconds()).isEqualTo(store.result().resolutionSeconds());
    }

    @Test
    void anImportIntoTheDatasetMakesItsProjectionStale() throws IOException {
        Run before = run(detection, DetectionRequest.of("world"));
        importWorld(dir.resolve("b"), 11);

        Run after = run(detection, DetectionRequest.of("world"));
        assertThat(after.said())
                .anyMatch(m -> m.startsWith(
                        "the projection of 'world' is older than the dataset's last change: reading the posts"));
        Run store = run(fromStore, DetectionRequest.of("world"));
        assertThat(after.result().actions())
                .isEqualTo(store.result().actions())
                .isNotEqualTo(before.result().actions());
        assertSameWrites(after.result(), store.result());

        Run again = run(detection, DetectionRequest.of("world"));
        assertThat(again.said()).anyMatch(m -> m.contains("posts from the projection"));
        assertSameWrites(again.result(), store.result());
    }

    @Test
    void aDeletedAndReimportedDatasetIsReadFromTheProjectionItsNewImportKept() throws IOException {
        Run before = run(detection, DetectionRequest.of("world"));
        datasets.delete("world");
        importWorld(dir.resolve("b"), 11);
        Run after = run(detection, DetectionRequest.of("world"));
        assertThat(after.said()).anyMatch(m -> m.contains("posts from the projection of 'world'"));
        assertThat(after.result().actions()).isNotEqualTo(before.result().actions());
        assertSameWrites(
                after.result(), run(fromStore, DetectionRequest.of("world")).result());
    }

    @Test
    void aDamagedProjectionIsDeletedAndTheRunReadsTheStore() throws IOException {
        Run first = run(detection, DetectionRequest.of("world"));
        Path file = projection.file("world");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
        Run damaged = run(detection, DetectionRequest.of("world"));
        assertThat(damaged.said())
                .anyMatch(m ->
                        m.startsWith("the projection of 'world' was damaged (checksum), deleted: reading the posts"));
        assertSameWrites(damaged.result(), first.result());
        assertThat(run(detection, DetectionRequest.of("world")).said())
                .anyMatch(m -> m.contains("from the projection"));
    }

    @Test
    void aRunAskingForMoreThanTheProjectionHoldsReadsTheStoreAndOneAskingForLessUsesIt() {
        DetectionRequest retweetsOnly = new DetectionRequest(
                "world", DetectionRequest.shorthand(List.of("co-retweet"), null, null), null, null, null, null);
        run(detection, retweetsOnly);
        Run all = run(detection, DetectionRequest.of("world"));
        assertThat(all.said())
                .anyMatch(m -> m.startsWith("the projection of 'world' lacks co-link: reading the posts"));

        Run less = run(detection, retweetsOnly);
        assertThat(less.said()).anyMatch(m -> m.contains("from the projection"));
        assertThat(less.result().actions()).containsOnlyKeys("co-retweet");
        assertSameWrites(less.result(), run(fromStore, retweetsOnly).result());
    }

    @Test
    void nearTextThresholdsComeFromTheRunAndOtherSignaturesNeedTheStore() {
        run(detection, DetectionRequest.of("world"));
        DetectionRequest looser =
                new DetectionRequest("world", Map.of("near-text.threshold", "0.4"), null, null, null, null);
        Run threshold = run(detection, looser);
        assertThat(threshold.said()).anyMatch(m -> m.contains("from the projection"));
        assertSameWrites(threshold.result(), run(fromStore, looser).result());

        DetectionRequest otherBands =
                new DetectionRequest("world", Map.of("near-text.bands", "8"), null, null, null, null);
        Run bands = run(detection, otherBands);
        assertThat(bands.said())
                .anyMatch(m -> m.startsWith("the projection of 'world' has texts signed with other"
                        + " near-text bands, rows, min-tokens or seed: reading the posts"));
        assertSameWrites(bands.result(), run(fromStore, otherBands).result());
    }

    @Test
    void aProjectionThatCannotBeWrittenLeavesTheRunWhole() throws IOException {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the projections' directory should be");
        DetectionService service =
                new DetectionService(driver, store, datasets, json, new DetectionProjection(blocked, true));
        Run run = run(service, DetectionRequest.of("world"));
        assertThat(run.said())
                .anyMatch(m ->
                        m.startsWith("no projection kept (") && m.endsWith("); the next run reads the store again"));
        assertSameWrites(
                run.result(), run(fromStore, DetectionRequest.of("world")).result());
    }

    @Test
    void theProjectionsOfDeletedDatasetsGoWhenAnotherIsWritten() throws IOException {
        run(detection, DetectionRequest.of("world"));
        Path gone = projection.file("gone/with the wind");
        Files.copy(projection.file("world"), gone);
        Files.delete(projection.file("world"));
        run(detection, DetectionRequest.of("world"));
        assertThat(gone).doesNotExist();
        assertThat(projection.file("world")).isRegularFile();
    }
}

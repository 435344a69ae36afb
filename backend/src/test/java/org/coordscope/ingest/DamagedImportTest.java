package org.coordscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.SharedData;
import org.coordscope.datasets.DatasetService;
import org.coordscope.ingest.read.CollectingSink;
import org.coordscope.ingest.read.RowMutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * A file of mutated real rows imported into the embedded Neo4j: every row the reader accepts is stored whole,
 * every other row is in the report, another dataset already in the store is untouched, and importing the same
 * damaged file again changes nothing.
 */
@GraphTest
class DamagedImportTest extends GraphTestSupport {

    @Autowired
    ImportService importService;

    @Autowired
    DatasetService datasets;

    @TempDir
    Path temp;

    @Test
    void damagedRowsAreReportedWhileGoodRowsLoadWholeAndOtherDataStays() throws IOException {
        Path kept = new ClassPathResource("fixtures/infoops/ira_fixture_tweets_csv_hashed.csv")
                .getFile()
                .toPath();
        importInto("kept", SourceFormat.INFOOPS, kept);
        DatasetService.Counts keptBefore = datasets.counts("kept");

        List<String> lines;
        try (var stream = Files.lines(SharedData.path("coortweet/russian_coord_tweets.csv"))) {
            lines = stream.limit(3_000).toList();
        }
        List<String> damaged = RowMutator.apply(lines, RowMutator.random(new Random(29), lines.size(), 300), false);
        Path file = temp.resolve("damaged_russian_coord_tweets.csv");
        Files.writeString(file, String.join("\n", damaged) + "\n", StandardCharsets.UTF_8);

        CollectingSink accepted = new CollectingSink();
        SourceFormat.SHARES.reader(null).read(List.of(ImportFile.of(file)), accepted);
        assertThat(accepted.badRows).as("the damage is seen").hasSizeGreaterThan(20);
        Set<String> acceptedPosts = new HashSet<>();
        accepted.posts.forEach(p -> acceptedPosts.add(p.id()));

        ImportReport report = importInto("fuzzed", SourceFormat.SHARES, file);

        assertThat(report.badRows()).isEqualTo(accepted.badRows.size());
        assertThat(Files.readAllLines(report.reportFile()))
                .as("a header and one line per bad row")
                .hasSize(accepted.badRows.size() + 1)
                .allSatisfy(line -> assertThat(line)
                        .satisfiesAnyOf(
                                l -> assertThat(l).startsWith("file,"),
                                l -> assertThat(l).contains(file.getFileName().toString())));
        DatasetService.Counts fuzzed = datasets.counts("fuzzed");
        assertThat(fuzzed.tweets()).as("every accepted share stored").isEqualTo(acceptedPosts.size());
        assertThat(count("""
                MATCH (t:Tweet {dataset: 'fuzzed'}) WHERE t.createdAt IS NOT NULL AND NOT (:Account)-[:POSTED]->(t)
                RETURN count(t)""")).as("no share stored without its author").isZero();
        assertThat(datasets.counts("kept")).as("the other dataset").isEqualTo(keptBefore);

        importInto("fuzzed", SourceFormat.SHARES, file);
        assertThat(datasets.counts("fuzzed")).as("the same damaged file again").isEqualTo(fuzzed);
    }

    private ImportReport importInto(String dataset, SourceFormat format, Path file) throws IOException {
        return importService.importFiles(
                new ImportRequest(
                        dataset,
                        format,
                        null,
                        List.of(ImportFile.of(file)),
                        100_000,
                        temp.resolve(dataset + "-errors-" + System.nanoTime() + ".csv")),
                ImportProgress.NONE);
    }
}

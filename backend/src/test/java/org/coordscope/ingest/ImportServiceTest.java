package org.coordscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.SharedData;
import org.coordscope.datasets.DatasetService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** Imports real files and hand-made fixtures through the service, and reads the graph back through the driver. */
@GraphTest
class ImportServiceTest extends GraphTestSupport {

    @Autowired
    ImportService importService;

    @Autowired
    DatasetService datasets;

    @TempDir
    Path temp;

    private ImportReport importFiles(String dataset, SourceFormat format, String mapping, Path... files)
            throws IOException {
        return importService.importFiles(
                new ImportRequest(
                        dataset,
                        format,
                        mapping,
                        List.of(files).stream().map(ImportFile::of).toList(),
                        100,
                        temp.resolve(dataset + "-errors.csv")),
                ImportProgress.NONE);
    }

    private static Path fixture(String name) throws IOException {
        return new ClassPathResource("fixtures/" + name).getFile().toPath();
    }

    @Test
    void infoOpsFixtureLoadsEveryQuirkAndReportsBadRows() throws IOException {
        // the users file named last: files are told apart by header, not by order
        ImportReport report = importFiles(
                "io",
                SourceFormat.INFOOPS,
                null,
                fixture("infoops/ira_fixture_tweets_csv_hashed.csv"),
                fixture("infoops/ira_fixture_users_csv_hashed.csv"));

        DatasetService.Counts counts = datasets.counts("io");
        assertThat(counts.tweets()).isEqualTo(7);
        assertThat(counts.referencedTweets())
                .as("the retweeted original absent from the file")
                .isEqualTo(1);
        assertThat(counts.retweets()).isEqualTo(1);
        assertThat(report.badRows()).isEqualTo(7);
        assertThat(Files.readAllLines(report.reportFile()))
                .hasSize(8)
                .anySatisfy(line -> assertThat(line).contains("ira_fixture_tweets_csv_hashed.csv", "tweet_time"));

        try (var session = driver.session()) {
            var tweet = session.run("""
                    MATCH (a:Account {dataset: 'io'})-[:POSTED]->(t:Tweet {id: '1050118621198921728', dataset: 'io'})
                    OPTIONAL MATCH (t)-[:TAGS]->(h:Hashtag)
                    RETURN a.id AS author, a.followers AS followers, t.text AS text, toString(t.createdAt) AS time,
                           collect(h.tag) AS tags
                    """).single();
            assertThat(tweet.get("author").asString()).isEqualTo("+Lq3gV0dXxgJ7kVZcFQ2Qf7a9i0eHk0T1y5v2mF8bJw=");
            assertThat(tweet.get("followers").asLong()).isZero();
            assertThat(tweet.get("text").asString()).isEqualTo("He said \"enough is enough\"\nand left,\nquietly.");
            assertThat(tweet.get("time").asString()).isEqualTo("2018-10-10T20:15:00Z");
            assertThat(tweet.get("tags").asList()).containsExactlyInAnyOrder("iran", "نه_به_جنگ");

            var retweet = session.run("""
                    MATCH (:Tweet {id: '1050300000000000003', dataset: 'io'})-[:RETWEETS]->(o:Tweet)<-[:POSTED]-(author:Account)
                    RETURN o.id AS original, o.createdAt IS NULL AS onlyById, author.id AS author
                    """).single();
            assertThat(retweet.get("original").asString()).isEqualTo("990000000000000001");
            assertThat(retweet.get("onlyById").asBoolean()).isTrue();
            assertThat(retweet.get("author").asString()).isNotBlank();

            Map<String, Object> profile = session.run(
                            "MATCH (a:Account {id: 'Xk/9ab+QzR7sD2mN4pL6vT8wY0cE1fG3hJ5kM7nP9q=', dataset: 'io'}) RETURN a")
                    .single()
                    .get("a")
                    .asMap();
            assertThat(profile)
                    .containsEntry("description", "line one\nline \"two\"")
                    .containsEntry("lang", "ar");
        }
    }

    @Test
    void importingTheSameFilesAgainChangesNoCount() throws IOException {
        Path tweets = fixture("infoops/ira_fixture_tweets_csv_hashed.csv");
        importFiles("io", SourceFormat.INFOOPS, null, tweets);
        DatasetService.Counts first = datasets.counts("io");
        importFiles("io", SourceFormat.INFOOPS, null, tweets);
        assertThat(datasets.counts("io")).isEqualTo(first);
    }

    @Test
    void twarc2PagesAndFlattenedLinesLoad() throws IOException {
        ImportReport report = importFiles(
                "tw",
                SourceFormat.TWARC2,
                null,
                fixture("twarc2/search_pages.jsonl"),
                fixture("twarc2/flattened.jsonl"));
        assertThat(report.badRows()).isPositive();
        DatasetService.Counts counts = datasets.counts("tw");
        assertThat(counts.tweets()).isPositive();
        assertThat(counts.retweets()).isPositive();
        assertThat(count("""
                MATCH (t:Tweet {dataset: 'tw'})-[:RETWEETS]->(o:Tweet)<-[:POSTED]-(:Account)
                WHERE o.createdAt IS NOT NULL RETURN count(DISTINCT o)""")).as("included originals keep their times").isPositive();
        assertThat(
                        count(
                                "MATCH (:Tweet {dataset: 'tw'})-[:LINKS_TO]->(l:Link) WHERE l.url STARTS WITH 'https://' RETURN count(l)"))
                .isPositive();
    }

    @Test
    void coorTweetSharesLoadWithCountsOfTheSource() throws IOException {
        ImportReport report =
                importFiles("ru", SourceFormat.SHARES, null, SharedData.path("coortweet/russian_coord_tweets.csv"));
        assertThat(report.badRows()).isZero();
        DatasetService.Counts counts = datasets.counts("ru");
        // 35,125 rows hold 35,085 distinct shares (content_id), retweeting 35,124 distinct (share, original) pairs
        assertThat(counts.tweets()).isEqualTo(35_085);
        assertThat(counts.retweets()).isEqualTo(35_124);
        assertThat(counts.accounts()).isEqualTo(9_509);
        assertThat(counts.tweets() + counts.referencedTweets())
                .as("shares and the originals they retweet")
                .isEqualTo(count("""
                        MATCH (t:Tweet {dataset: 'ru'}) RETURN count(t)"""));
    }

    @Test
    void aFileOfAnotherFormatIsRefusedNamingIt() {
        assertThatThrownBy(() -> importFiles(
                        "x", SourceFormat.INFOOPS, null, SharedData.path("coortweet/russian_coord_tweets.csv")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("russian_coord_tweets.csv");
        assertThat(count("MATCH (t:Tweet {dataset: 'x'}) RETURN count(t)")).isZero();
    }

    private ImportRequest strict(String dataset, Path file) {
        return new ImportRequest(
                dataset, SourceFormat.INFOOPS, null, List.of(ImportFile.of(file)), 2, temp.resolve("errors.csv"));
    }

    @Test
    void tooManyBadRowsStopTheImportKeepingTheGoodOnesOfAnExistingDataset() throws IOException {
        Path tweets = fixture("infoops/ira_fixture_tweets_csv_hashed.csv");
        importFiles("io", SourceFormat.INFOOPS, null, fixture("infoops/ira_fixture_users_csv_hashed.csv"));
        assertThat(datasets.counts("io").tweets()).isZero();
        assertThatThrownBy(() -> importService.importFiles(strict("io", tweets), ImportProgress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("--max-errors 2")
                .hasMessageContaining("stored in the existing dataset");
        assertThat(datasets.counts("io").tweets()).isPositive();
    }

    /** Issue 16: a failed import left an empty dataset behind, listed as if it were data. */
    @Test
    void aFailedImportIntoANewDatasetLeavesNoDataset() throws IOException {
        Path tweets = fixture("infoops/ira_fixture_tweets_csv_hashed.csv");
        assertThatThrownBy(() -> importService.importFiles(strict("fresh", tweets), ImportProgress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("nothing is stored");
        assertThat(datasets.names()).doesNotContain("fresh");
        assertThat(count("MATCH (n {dataset: 'fresh'}) RETURN count(n)")).isZero();
    }

    /** Issue 16: progress came only with each written batch, so a file smaller than a batch went from 0 to 100 %. */
    @Test
    void progressIsToldAsRowsAreReadNotOnlyPerBatch() throws IOException {
        Path shares = temp.resolve("shares.csv");
        StringBuilder csv = new StringBuilder("account,time,text\n");
        int rows = 5 * ImportService.PROGRESS_EVERY;
        for (int i = 0; i < rows; i++) {
            csv.append("acc").append(i % 40).append(",2024-01-01T00:00:").append(String.format("%02d", i % 60));
            csv.append("Z,line ").append(i).append('\n');
        }
        Files.writeString(shares, csv);
        List<Long> told = new java.util.ArrayList<>();
        importService.importFiles(
                new ImportRequest(
                        "progress",
                        SourceFormat.SHARES,
                        "account=account,time=time,text=text",
                        List.of(ImportFile.of(shares)),
                        100,
                        temp.resolve("progress-errors.csv")),
                (bytesRead, totalBytes, records, badRows) -> told.add(records));
        // one batch (5,000 records) holds the whole file, yet the records read were told on the way
        assertThat(told.stream().filter(r -> r > 0 && r < rows).count()).isGreaterThanOrEqualTo(3);
        assertThat(told).isSorted();
        assertThat(told.get(told.size() - 1)).isEqualTo(rows);
    }

    @Test
    void deletingADatasetLeavesTheOthers() throws IOException {
        Path tweets = fixture("infoops/ira_fixture_tweets_csv_hashed.csv");
        importFiles("one", SourceFormat.INFOOPS, null, tweets);
        importFiles("two", SourceFormat.INFOOPS, null, tweets);
        assertThat(datasets.delete("one")).isTrue();
        assertThat(datasets.list()).extracting(DatasetService.DatasetInfo::name).containsExactly("two");
        assertThat(count("MATCH (n {dataset: 'one'}) RETURN count(n)")).isZero();
        assertThat(datasets.counts("two").tweets()).isEqualTo(7);
    }
}

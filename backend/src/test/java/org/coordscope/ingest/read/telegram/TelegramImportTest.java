package org.coordscope.ingest.read.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.detect.DetectionRequest;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.explore.AccountService;
import org.coordscope.explore.EvidenceCards;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportReport;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.coordscope.web.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Imports Telegram files through the service into the embedded Neo4j, reads the graph back, and runs detection. */
@GraphTest
class TelegramImportTest extends GraphTestSupport {

    @Autowired
    ImportService importService;

    @Autowired
    DetectionService detection;

    @Autowired
    DetectionStore store;

    @Autowired
    AccountService accounts;

    @Autowired
    EvidenceCards posts;

    @TempDir
    Path temp;

    private ImportReport importFiles(String dataset, Path... files) throws IOException {
        return importService.importFiles(
                new ImportRequest(
                        dataset,
                        SourceFormat.TELEGRAM,
                        null,
                        List.of(files).stream().map(ImportFile::of).toList(),
                        100,
                        temp.resolve(dataset + "-errors.csv")),
                ImportProgress.NONE);
    }

    private long countIn(String dataset, String cypher) {
        return count(cypher, Map.of("dataset", dataset));
    }

    @Test
    void fixturesImportWithExactCountsAndAgainWithoutDuplicates() throws IOException {
        Path[] fixtures = {
            TelegramReaderTest.fixture("single_chat_result.json"),
            TelegramReaderTest.fixture("full_export_result.json"),
            TelegramReaderTest.fixture("telethon_messages.jsonl")
        };
        ImportReport report = importFiles("tg", fixtures);
        assertThat(report.posts()).isEqualTo(11);
        assertThat(report.badRows())
                .as("message 6 without time, a broken line, an entity beyond its text")
                .isEqualTo(3);
        assertThat(report.serviceMessages()).as("one in each fixture").isEqualTo(3);
        assertThat(Files.readString(report.reportFile()))
                .contains(
                        "single_chat_result.json",
                        "date_unixtime",
                        "telethon_messages.jsonl",
                        "entities[0]",
                        "message 16");

        for (int pass = 0; pass < 2; pass++) {
            assertThat(countIn(
                            "tg", "MATCH (t:Tweet {dataset: $dataset}) WHERE t.createdAt IS NOT NULL RETURN count(t)"))
                    .isEqualTo(11);
            // six chats, two users who wrote in groups, the forwarded channel known by id, one mentioned user
            assertThat(countIn("tg", "MATCH (a:Account {dataset: $dataset}) RETURN count(a)"))
                    .isEqualTo(10);
            assertThat(countIn("tg", "MATCH (:Tweet {dataset: $dataset})-[r:RETWEETS]->() RETURN count(r)"))
                    .isEqualTo(5);
            // the post three channels forwarded by name and text is one original; two others are known by id
            assertThat(countIn("tg", "MATCH (o:Tweet {dataset: $dataset})<-[:RETWEETS]-() RETURN count(DISTINCT o)"))
                    .isEqualTo(3);
            assertThat(countIn("tg", """
                    MATCH (o:Tweet {dataset: $dataset})<-[:RETWEETS]-(f) WHERE o.id STARTS WITH 'forward:'
                    WITH o, count(f) AS forwards WHERE forwards = 3 RETURN count(o)""")).isEqualTo(1);
            assertThat(countIn("tg", """
                    MATCH (t:Tweet {dataset: $dataset})-[:TAGS]->(h:Hashtag) WHERE h.tag IN ['اعدامش_کنید', 'iran']
                    RETURN count(DISTINCT h)""")).isEqualTo(2);
            // Telethon's message 17 writes "#Iran" but lists no entity: tags come from entities, not from the text
            assertThat(countIn("tg", "MATCH (t:Tweet {dataset: $dataset})-[:TAGS]->() RETURN count(*)"))
                    .isEqualTo(4);
            importFiles("tg", fixtures);
        }
        // every account and post is on Telegram, also those known only from a forward or a mention
        assertThat(countIn("tg", "MATCH (n:Account|Tweet {dataset: $dataset}) RETURN count(n)"))
                .isEqualTo(countIn(
                        "tg",
                        "MATCH (n:Account|Tweet {dataset: $dataset}) WHERE n.platform = 'telegram' RETURN count(n)"))
                .isPositive();
        assertThat(accounts.detail("channel3001", "tg", null, 10).platform()).isEqualTo("telegram");
        assertThat(posts.posts("channel3001", "tg", Page.Request.of(0, 10)).items())
                .singleElement()
                .satisfies(post -> assertThat(post.platform()).isEqualTo("telegram"));
    }

    /**
     * Five ring channels forward the same twelve state posts within a minute of each other; ten organic channels
     * forward two of them each, half an hour or more apart. Co-forward must flag the ring and no organic channel.
     */
    @Test
    void coForwardFindsARingAndNotTheOrganicChannels() throws IOException {
        long base = 1_704_067_200L;
        List<String> chats = new ArrayList<>();
        Set<String> ring = new HashSet<>();
        for (int r = 0; r < 5; r++) {
            List<String> messages = new ArrayList<>();
            for (int post = 0; post < 12; post++) {
                long at = base + post * 3 * 3600L + 5 + r * 9L;
                messages.add(forward(post + 1, at, post));
            }
            ring.add("channel" + (9101 + r));
            chats.add(chat("حلقه " + r, 9101 + r, messages));
        }
        Set<String> organic = new HashSet<>();
        for (int o = 0; o < 10; o++) {
            List<String> messages = new ArrayList<>();
            int first = o % 12;
            int second = (o + 5) % 12;
            messages.add(forward(1, base + first * 3 * 3600L + (o + 1) * 37 * 60L, first));
            messages.add(forward(2, base + second * 3 * 3600L + (o + 1) * 41 * 60L + 600, second));
            messages.add("""
                    {"id": 3, "type": "message", "date_unixtime": "%d", "text": "کانال عادی %d"}""".formatted(base + o * 1000L, o));
            organic.add("channel" + (9201 + o));
            chats.add(chat("organic " + o, 9201 + o, messages));
        }
        Path export = temp.resolve("result.json");
        Files.writeString(
                export,
                "{\"about\": \"x\", \"chats\": {\"list\": [\n" + String.join(",\n", chats) + "\n]}}\n",
                StandardCharsets.UTF_8);
        ImportReport report = importFiles("ring", export);
        assertThat(report.badRows()).isZero();
        assertThat(countIn("ring", "MATCH (:Tweet {dataset: $dataset})-[r:RETWEETS]->() RETURN count(r)"))
                .isEqualTo(5 * 12 + 10 * 2);

        DetectionResult result = detection.run(
                new DetectionRequest(
                        "ring", DetectionRequest.shorthand(List.of("co-retweet"), null, null), null, null, null, null),
                DetectionProgress.NONE);
        Set<String> flagged = new HashSet<>();
        for (DetectionStore.Suspect s : store.suspects(result.runId(), DetectionService.defaultThreshold())) {
            flagged.add(s.accountId());
        }
        assertThat(flagged).containsAll(ring).doesNotContainAnyElementsOf(organic);
    }

    /**
     * One operation on two platforms: four Twitter accounts (an Information Operations CSV) and four Telegram
     * channels post the same eight links within seconds; four organic accounts of each kind post two of them hours
     * apart. Co-link must give a cluster that holds accounts of both platforms, and flag no organic one.
     */
    @Test
    void aMixedDatasetGivesClustersSpanningTwitterAndTelegram() throws IOException {
        long base = 1_704_067_200L;
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC);
        List<String> header = WorldGenerator.TWEET_COLUMNS;
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        Set<String> operation = new HashSet<>();
        Set<String> organic = new HashSet<>();
        List<String> chats = new ArrayList<>();
        long tweetId = 1;
        for (int a = 0; a < 8; a++) {
            boolean planted = a < 4;
            String user = "tw" + a;
            (planted ? operation : organic).add(user);
            for (int link = 0; link < 8; link++) {
                if (!planted && link != a % 8 && link != (a + 3) % 8) {
                    continue;
                }
                long at = base + link * 6 * 3600L + (planted ? 3 + a * 4L : (a + 1) * 45 * 60L);
                Map<String, String> row = Map.of(
                        "tweetid",
                        String.valueOf(tweetId++),
                        "userid",
                        user,
                        "user_screen_name",
                        user,
                        "tweet_text",
                        "see https://news.example.com/story/" + link,
                        "tweet_time",
                        minute.format(java.time.Instant.ofEpochSecond(at)),
                        "is_retweet",
                        "False",
                        "urls",
                        "['https://news.example.com/story/" + link + "']",
                        "hashtags",
                        "[]",
                        "user_mentions",
                        "[]");
                csv.append(String.join(
                                ",",
                                header.stream()
                                        .map(h -> "\"" + row.getOrDefault(h, "") + "\"")
                                        .toList()))
                        .append('\n');
            }
        }
        for (int c = 0; c < 8; c++) {
            boolean planted = c < 4;
            int id = 8100 + c;
            (planted ? operation : organic).add("channel" + id);
            List<String> messages = new ArrayList<>();
            for (int link = 0; link < 8; link++) {
                if (!planted && link != (c + 1) % 8 && link != (c + 5) % 8) {
                    continue;
                }
                long at = base + link * 6 * 3600L + (planted ? 5 + c * 5L : (c + 1) * 53 * 60L);
                messages.add("""
                        {"id": %d, "type": "message", "date_unixtime": "%d", "text": ["خبر مهم ",
                         {"type": "link", "text": "https://news.example.com/story/%d"}]}""".formatted(link + 1, at, link));
            }
            chats.add(chat("channel " + c, id, messages));
        }
        Path tweets = temp.resolve("op_tweets_csv_hashed.csv");
        Files.writeString(tweets, csv, StandardCharsets.UTF_8);
        Path export = temp.resolve("result.json");
        Files.writeString(
                export, "{\"chats\": {\"list\": [\n" + String.join(",\n", chats) + "\n]}}\n", StandardCharsets.UTF_8);
        ImportReport twitter = importService.importFiles(
                new ImportRequest(
                        "mixed",
                        SourceFormat.INFOOPS,
                        null,
                        List.of(ImportFile.of(tweets)),
                        100,
                        temp.resolve("mixed-errors.csv")),
                ImportProgress.NONE);
        assertThat(twitter.badRows()).isZero();
        assertThat(importFiles("mixed", export).badRows()).isZero();

        DetectionResult result = detection.run(
                new DetectionRequest(
                        "mixed", DetectionRequest.shorthand(List.of("co-link"), 60L, null), null, null, null, null),
                DetectionProgress.NONE);
        Map<String, Set<String>> clusters = new java.util.HashMap<>();
        for (DetectionStore.Suspect s : store.suspects(result.runId(), DetectionService.defaultThreshold())) {
            clusters.computeIfAbsent(s.clusterId(), k -> new HashSet<>()).add(s.accountId());
        }
        Set<String> flagged = new HashSet<>();
        clusters.values().forEach(flagged::addAll);
        assertThat(flagged).containsAll(operation).doesNotContainAnyElementsOf(organic);
        assertThat(clusters.values())
                .anySatisfy(members -> assertThat(members)
                        .anyMatch(id -> id.startsWith("tw"))
                        .anyMatch(id -> id.startsWith("channel")));
    }

    private static String forward(int id, long at, int post) {
        return """
                {"id": %d, "type": "message", "date_unixtime": "%d", "forwarded_from": "شبکه خبر",
                 "text": [{"type": "hashtag", "text": "#اعدامش_کنید"}, " بیانیه رسمی شماره %d"]}""".formatted(id, at, post);
    }

    private static String chat(String name, int id, List<String> messages) {
        return "{\"name\": \"" + name + "\", \"type\": \"public_channel\", \"id\": " + id + ", \"messages\": [\n"
                + String.join(",\n", messages) + "\n]}";
    }
}

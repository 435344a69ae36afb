package org.coordscope.ingest.telegram;

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
import org.coordscope.detect.DetectionProgress;
import org.coordscope.detect.DetectionRequest;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.DetectionStore;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportReport;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
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

    @TempDir
    Path temp;

    private ImportReport importFiles(String dataset, Path... files) throws IOException {
        return importService.importFiles(new ImportRequest(dataset, SourceFormat.TELEGRAM, null,
                List.of(files).stream().map(ImportFile::of).toList(), 100, temp.resolve(dataset + "-errors.csv")),
                ImportProgress.NONE);
    }

    private long countIn(String dataset, String cypher) {
        return count(cypher, Map.of("dataset", dataset));
    }

    @Test
    void fixturesImportWithExactCountsAndAgainWithoutDuplicates() throws IOException {
        Path[] fixtures = {TelegramReaderTest.fixture("single_chat_result.json"),
                TelegramReaderTest.fixture("full_export_result.json"), TelegramReaderTest.fixture("telethon_messages.jsonl")};
        ImportReport report = importFiles("tg", fixtures);
        assertThat(report.posts()).isEqualTo(11);
        assertThat(report.badRows()).as("message 6 without time, a broken line, an entity beyond its text").isEqualTo(3);
        assertThat(Files.readString(report.reportFile())).contains("single_chat_result.json", "date_unixtime",
                "telethon_messages.jsonl", "entities[0]", "message 16");

        for (int pass = 0; pass < 2; pass++) {
            assertThat(countIn("tg", "MATCH (t:Tweet {dataset: $dataset}) WHERE t.createdAt IS NOT NULL RETURN count(t)"))
                    .isEqualTo(11);
            // six chats, two users who wrote in groups, the forwarded channel known by id, one mentioned user
            assertThat(countIn("tg", "MATCH (a:Account {dataset: $dataset}) RETURN count(a)")).isEqualTo(10);
            assertThat(countIn("tg", "MATCH (:Tweet {dataset: $dataset})-[r:RETWEETS]->() RETURN count(r)")).isEqualTo(5);
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
            assertThat(countIn("tg", "MATCH (t:Tweet {dataset: $dataset})-[:TAGS]->() RETURN count(*)")).isEqualTo(4);
            importFiles("tg", fixtures);
        }
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
                    {"id": 3, "type": "message", "date_unixtime": "%d", "text": "کانال عادی %d"}"""
                    .formatted(base + o * 1000L, o));
            organic.add("channel" + (9201 + o));
            chats.add(chat("organic " + o, 9201 + o, messages));
        }
        Path export = temp.resolve("result.json");
        Files.writeString(export, "{\"about\": \"x\", \"chats\": {\"list\": [\n" + String.join(",\n", chats) + "\n]}}\n",
                StandardCharsets.UTF_8);
        ImportReport report = importFiles("ring", export);
        assertThat(report.badRows()).isZero();
        assertThat(countIn("ring", "MATCH (:Tweet {dataset: $dataset})-[r:RETWEETS]->() RETURN count(r)"))
                .isEqualTo(5 * 12 + 10 * 2);

        DetectionResult result = detection.run(new DetectionRequest("ring",
                DetectionRequest.shorthand(List.of("co-retweet"), null, null), null, null, null, null),
                DetectionProgress.NONE);
        Set<String> flagged = new HashSet<>();
        for (DetectionStore.Suspect s : store.suspects(result.runId(), DetectionService.defaultThreshold())) {
            flagged.add(s.accountId());
        }
        assertThat(flagged).containsAll(ring).doesNotContainAnyElementsOf(organic);
    }

    private static String forward(int id, long at, int post) {
        return """
                {"id": %d, "type": "message", "date_unixtime": "%d", "forwarded_from": "شبکه خبر",
                 "text": [{"type": "hashtag", "text": "#اعدامش_کنید"}, " بیانیه رسمی شماره %d"]}"""
                .formatted(id, at, post);
    }

    private static String chat(String name, int id, List<String> messages) {
        return "{\"name\": \"" + name + "\", \"type\": \"public_channel\", \"id\": " + id + ", \"messages\": [\n"
                + String.join(",\n", messages) + "\n]}";
    }
}

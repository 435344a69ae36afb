package org.coordscope.ingest.read.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.generate.TelegramWorldGenerator;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.read.CollectingSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated Telegram world is a Desktop full export the reader takes whole, deterministic and in Persian. */
class TelegramWorldExportTest {

    @TempDir
    static Path dir;

    static WorldGenerator.Summary summary;
    static CollectingSink read;
    static TelegramReader reader;

    @BeforeAll
    static void generate() throws IOException {
        summary = new TelegramWorldGenerator(
                        WorldSpec.builder(400, 3, 9).tweets(8_000).build())
                .write(dir.resolve("a"), WorldGenerator.Progress.NONE);
        read = new CollectingSink();
        reader = new TelegramReader();
        reader.read(List.of(ImportFile.of(dir.resolve("a").resolve(TelegramWorldGenerator.RESULT))), read);
    }

    @Test
    void everyMessageIsReadWithoutBadRows() {
        assertThat(read.badRows).isEmpty();
        assertThat(read.posts).hasSize((int) summary.tweets());
        assertThat(summary.tweets()).isEqualTo(8_000);
        assertThat(reader.serviceMessages())
                .as("some chats open with a service message")
                .isPositive();
    }

    @Test
    void isAFullExportWithOneChannelChatPerAccount() throws IOException {
        JsonNode root = new ObjectMapper()
                .readTree(
                        dir.resolve("a").resolve(TelegramWorldGenerator.RESULT).toFile());
        JsonNode chats = root.path("chats").path("list");
        assertThat(chats.size()).isEqualTo(400);
        Set<String> types = new HashSet<>();
        chats.forEach(c -> types.add(c.path("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("public_channel", "private_channel");
        Set<String> truthIds = truth(dir.resolve("a")).keySet();
        Set<String> chatIds = new HashSet<>();
        chats.forEach(c -> chatIds.add("channel" + c.path("id").asText()));
        assertThat(chatIds).isEqualTo(truthIds);
    }

    @Test
    void forwardsOfOnePostShareOneOriginalAndPlantedRingsForwardWithinMinutes() throws IOException {
        Map<String, String> truth = truth(dir.resolve("a"));
        Map<String, List<PostRecord>> byOriginal = new HashMap<>();
        for (PostRecord p : read.posts) {
            if (p.retweetOf() != null) {
                byOriginal
                        .computeIfAbsent(p.retweetOf(), k -> new java.util.ArrayList<>())
                        .add(p);
            }
        }
        assertThat(byOriginal.values())
                .anySatisfy(forwards -> assertThat(forwards.size()).isGreaterThan(5));
        // some original is forwarded by at least three members of one ring within five minutes
        boolean ringBurst = byOriginal.values().stream().anyMatch(forwards -> {
            Map<String, List<Long>> byGroup = new HashMap<>();
            for (PostRecord f : forwards) {
                String group = truth.getOrDefault(f.author().id(), "organic");
                if (!group.equals("organic")) {
                    byGroup.computeIfAbsent(group, k -> new java.util.ArrayList<>())
                            .add(f.createdAt().getEpochSecond());
                }
            }
            return byGroup.values().stream()
                    .anyMatch(times -> times.size() >= 3
                            && times.stream().mapToLong(Long::longValue).max().getAsLong()
                                            - times.stream()
                                                    .mapToLong(Long::longValue)
                                                    .min()
                                                    .getAsLong()
                                    <= 300);
        });
        assertThat(ringBurst).isTrue();
    }

    @Test
    void textsArePersianWithHashtagsAndLinksAsEntities() {
        long persian = read.posts.stream()
                .filter(p -> p.text() != null && p.text().codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF))
                .count();
        assertThat(persian).isGreaterThan(read.posts.size() * 9L / 10);
        assertThat(read.posts).anySatisfy(p -> assertThat(p.hashtags()).isNotEmpty());
        assertThat(read.posts).anySatisfy(p -> assertThat(p.urls()).isNotEmpty());
        assertThat(read.posts).anySatisfy(p -> assertThat(p.mentionNames()).isNotEmpty());
    }

    @Test
    void sameSeedWritesIdenticalBytes() throws IOException {
        new TelegramWorldGenerator(WorldSpec.builder(400, 3, 9).tweets(8_000).build())
                .write(dir.resolve("b"), WorldGenerator.Progress.NONE);
        for (String file : List.of(TelegramWorldGenerator.RESULT, "truth.csv", "groups.csv")) {
            assertThat(Files.mismatch(
                            dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)))
                    .as(file)
                    .isEqualTo(-1L);
        }
    }

    /** {@code truth.csv} of a generated world: account id to {@code organic} or its ring (plain cells, no quotes). */
    static Map<String, String> truth(Path world) throws IOException {
        Map<String, String> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(world.resolve(TelegramWorldGenerator.TRUTH));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1); // account_id, group, kind
            truth.put(cells[0], cells[1]);
        }
        return truth;
    }
}

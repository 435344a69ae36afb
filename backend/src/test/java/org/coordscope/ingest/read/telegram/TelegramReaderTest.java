package org.coordscope.ingest.read.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

class TelegramReaderTest {

    @TempDir
    Path temp;

    static final class Collected implements RecordSink {
        final List<AccountRecord> accounts = new ArrayList<>();
        final List<PostRecord> posts = new ArrayList<>();
        final List<BadRow> badRows = new ArrayList<>();

        @Override
        public void account(AccountRecord account) {
            accounts.add(account);
        }

        @Override
        public void post(PostRecord post) {
            posts.add(post);
        }

        @Override
        public void badRow(BadRow badRow) {
            badRows.add(badRow);
        }

        Map<String, PostRecord> byId() {
            return posts.stream().collect(Collectors.toMap(PostRecord::id, Function.identity()));
        }
    }

    static Path fixture(String name) throws IOException {
        return new ClassPathResource("fixtures/telegram/" + name).getFile().toPath();
    }

    private static Collected read(TelegramReader reader, Path... files) throws IOException {
        Collected sink = new Collected();
        reader.read(List.of(files).stream().map(ImportFile::of).toList(), sink);
        return sink;
    }

    @Test
    void readsASingleChatExportWithEveryQuirk() throws IOException {
        TelegramReader reader = new TelegramReader();
        Collected sink = read(reader, fixture("single_chat_result.json"));

        assertThat(sink.accounts)
                .extracting(AccountRecord::id, AccountRecord::displayName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("channel1001", "خبر فوری"));
        assertThat(sink.posts)
                .extracting(PostRecord::id)
                .containsExactly("channel1001/2", "channel1001/3", "channel1001/4", "channel1001/5");
        assertThat(reader.serviceMessages()).isEqualTo(1);
        assertThat(sink.badRows).singleElement().satisfies(bad -> {
            assertThat(bad.file()).endsWith("single_chat_result.json");
            assertThat(bad.field()).isEqualTo("date_unixtime");
            assertThat(bad.reason()).contains("message 6");
        });

        Map<String, PostRecord> posts = sink.byId();
        PostRecord persian = posts.get("channel1001/2");
        assertThat(persian.author().id()).isEqualTo("channel1001");
        assertThat(persian.createdAt()).isEqualTo(Instant.ofEpochSecond(1704099600));
        assertThat(persian.text()).startsWith("اعتراض ادامه دارد #اعدامش_کنید https://www.Example.com");
        assertThat(persian.hashtags()).containsExactly("اعدامش_کنید");
        assertThat(persian.urls())
                .containsExactly("https://www.Example.com/news?utm_source=tg", "https://t.me/official/77");

        PostRecord forwardByName = posts.get("channel1001/3");
        assertThat(forwardByName.retweetOf())
                .isEqualTo(TelegramReader.forwardId("name:Official News", "Official statement #Iran"))
                .startsWith("forward:");
        assertThat(forwardByName.retweetOfAuthor()).isNull();
        assertThat(forwardByName.hashtags()).containsExactly("Iran");

        PostRecord forwardWithId = posts.get("channel1001/4");
        assertThat(forwardWithId.retweetOfAuthor()).isEqualTo("channel2002");
        assertThat(forwardWithId.retweetOf()).isNotEqualTo(forwardByName.retweetOf());
        assertThat(forwardWithId.replyTo()).isEqualTo("channel1001/2");
        assertThat(forwardWithId.mentionNames()).containsExactly("someone");

        assertThat(posts.get("channel1001/5").createdAt())
                .as("a zone-less date alone is read as UTC")
                .isEqualTo(Instant.parse("2024-01-01T13:33:00Z"));
    }

    @Test
    void readsAFullExportOfChatsAndLeftChats() throws IOException {
        TelegramReader reader = new TelegramReader();
        Collected sink = read(reader, fixture("full_export_result.json"));

        assertThat(sink.accounts)
                .extracting(AccountRecord::id)
                .containsExactly("channel3001", "chat4001", "channel5001");
        assertThat(sink.posts)
                .extracting(PostRecord::id)
                .containsExactly("channel3001/10", "chat4001/1", "channel5001/7");
        assertThat(sink.byId().get("chat4001/1").author().id()).isEqualTo("user501");
        assertThat(sink.byId().get("chat4001/1").author().displayName()).isEqualTo("Sara");
        assertThat(reader.serviceMessages()).isEqualTo(1);
        assertThat(sink.badRows).isEmpty();
    }

    @Test
    void twoChannelsForwardingTheSamePostShareOneOriginal() throws IOException {
        Collected sink = read(
                new TelegramReader(),
                fixture("single_chat_result.json"),
                fixture("full_export_result.json"),
                fixture("telethon_messages.jsonl"));
        Map<String, PostRecord> posts = sink.byId();
        assertThat(posts.get("channel3001/10").retweetOf())
                .isEqualTo(posts.get("channel1001/3").retweetOf())
                .isEqualTo(posts.get("channel6001/17").retweetOf());
    }

    @Test
    void readsTelethonLinesWithUtf16Offsets() throws IOException {
        TelegramReader reader = new TelegramReader();
        Collected sink = read(reader, fixture("telethon_messages.jsonl"));

        assertThat(sink.posts)
                .extracting(PostRecord::id)
                .containsExactly("channel6001/11", "channel6001/12", "chat7001/15", "channel6001/17");
        assertThat(sink.accounts).extracting(AccountRecord::id).containsExactly("channel6001", "chat7001");
        assertThat(reader.serviceMessages()).isEqualTo(1);
        assertThat(sink.badRows)
                .extracting(BadRow::line, BadRow::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, null),
                        org.assertj.core.groups.Tuple.tuple(6L, "entities[0]"));
        assertThat(sink.badRows.get(1).reason()).contains("message 16", "UTF-16");

        Map<String, PostRecord> posts = sink.byId();
        PostRecord tagged = posts.get("channel6001/11");
        assertThat(tagged.hashtags()).containsExactly("اعدامش_کنید");
        assertThat(tagged.urls()).containsExactly("https://example.org/a");
        assertThat(tagged.author().id()).isEqualTo("channel6001");
        assertThat(tagged.createdAt()).isEqualTo(Instant.parse("2024-01-04T10:00:00Z"));

        PostRecord forward = posts.get("channel6001/12");
        assertThat(forward.retweetOf()).isEqualTo("channel2002/55");
        assertThat(forward.retweetOfAuthor()).isEqualTo("channel2002");
        assertThat(forward.urls()).containsExactly("https://news.example.com/x", "https://news.example.com/page");

        PostRecord group = posts.get("chat7001/15");
        assertThat(group.author().id()).isEqualTo("user801");
        assertThat(group.mentionNames()).containsExactly("friend");
        assertThat(group.mentionIds()).containsExactly("user802");
        assertThat(group.replyTo()).isEqualTo("chat7001/11");
    }

    @Test
    void readsGzipAndZipAsPlain() throws IOException {
        Path source = fixture("single_chat_result.json");
        Path gz = temp.resolve("result.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(source, out);
        }
        Path zip = temp.resolve("export.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("ChatExport/result.json"));
            Files.copy(source, out);
            out.closeEntry();
        }
        List<String> plain = read(new TelegramReader(), source).posts.stream()
                .map(PostRecord::toString)
                .toList();
        assertThat(read(new TelegramReader(), gz).posts).hasSize(plain.size());
        Collected zipped = read(new TelegramReader(), zip);
        assertThat(zipped.posts)
                .extracting(PostRecord::id)
                .containsExactly("channel1001/2", "channel1001/3", "channel1001/4", "channel1001/5");
        assertThat(zipped.badRows)
                .singleElement()
                .satisfies(b -> assertThat(b.file()).endsWith("export.zip!ChatExport/result.json"));
    }

    @Test
    void hashesAPhotoBesideResultJson() throws IOException {
        Files.createDirectories(temp.resolve("photos"));
        Files.write(temp.resolve("photos/photo_1.jpg"), new byte[] {1, 2, 3});
        Path result = temp.resolve("result.json");
        Files.writeString(result, """
                {"name": "c", "type": "public_channel", "id": 1, "messages": [
                 {"id": 1, "type": "message", "date_unixtime": "1700000000", "photo": "photos/photo_1.jpg", "text": ""},
                 {"id": 2, "type": "message", "date_unixtime": "1700000001", "photo": "photos/missing.jpg", "text": ""},
                 {"id": 3, "type": "message", "date_unixtime": "1700000002", "photo": "../../etc/passwd", "text": ""}
                ]}
                """, StandardCharsets.UTF_8);
        Collected sink = read(new TelegramReader(), result);
        assertThat(sink.posts.get(0).imageHashes())
                .containsExactly("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
        assertThat(sink.posts.get(1).imageHashes()).isEmpty();
        assertThat(sink.posts.get(2).imageHashes()).isEmpty();
    }

    @Test
    void refusesJsonThatIsNoTelegramExport() throws IOException {
        Path other = temp.resolve("other.json");
        Files.writeString(other, "{\n \"data\": [{\"id\": \"1\", \"text\": \"a tweet\"}]\n}\n");
        assertThatThrownBy(() -> read(new TelegramReader(), other))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("other.json")
                .hasMessageContaining("expected a Telegram Desktop export");
        Path csv = temp.resolve("shares.csv");
        Files.writeString(csv, "account,time\na,2024-01-01\n");
        assertThatThrownBy(() -> read(new TelegramReader(), csv))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void aBrokenExportNamesTheLineAndKeepsTheMessagesBeforeIt() throws IOException {
        Path broken = temp.resolve("result.json");
        Files.writeString(broken, """
                {"name": "c", "type": "public_channel", "id": 1, "messages": [
                 {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "ok"},
                 {"id": 2, "type": "message", "date_unixtime": "1700000001", "text": "cut
                """, StandardCharsets.UTF_8);
        Collected sink = new Collected();
        assertThatThrownBy(() -> new TelegramReader().read(List.of(ImportFile.of(broken)), sink))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("result.json")
                .hasMessageContaining("line 3");
        assertThat(sink.posts).extracting(PostRecord::id).containsExactly("channel1/1");
    }
}

package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Twarc2ReaderTest {

    static final String PAGES = "search_pages.jsonl";
    static final String FLAT = "flattened.jsonl";

    @TempDir
    Path tmp;

    private static CollectingSink read(Path path) throws IOException {
        CollectingSink sink = new CollectingSink();
        new Twarc2Reader().read(List.of(TestFiles.file(path)), sink);
        return sink;
    }

    @Test
    void readsResponsePagesWithTheirIncludes() throws IOException {
        CollectingSink sink = read(TestFiles.fixture("twarc2/" + PAGES));

        assertThat(sink.posts)
                .extracting(PostRecord::id)
                .containsExactly(
                        "1400000000000000001",
                        "1400000000000000002",
                        "1400000000000000003",
                        "1400000000000000004",
                        // the included original comes after the page's own tweets
                        "1399999999999999999",
                        "1400000000000000005");

        AccountRecord amplifier = new AccountRecord(
                "111",
                "amplifier_01",
                "Amplifier \u2066One\u2069",
                Instant.parse("2021-05-30T12:00:00Z"),
                3L,
                4999L,
                null,
                "",
                "",
                "https://amplifier.example.net");
        assertThat(sink.post("1400000000000000001"))
                .isEqualTo(new PostRecord(
                        "1400000000000000001",
                        amplifier,
                        Instant.parse("2021-06-01T10:00:05Z"),
                        "RT @origin_acct: Vaccines are #safe https://t.co/xyz",
                        "en",
                        "Twitter for iPhone",
                        "1399999999999999999",
                        "333",
                        null,
                        null,
                        null,
                        List.of("safe"),
                        List.of("https://example.org/story?utm_source=tw"),
                        List.of(),
                        List.of(),
                        List.of("333"),
                        List.of(),
                        PAGES + ":1"));

        // A quote; a link without expanded_url falls back to url.
        PostRecord quote = sink.post("1400000000000000002");
        assertThat(quote.quoteOf()).isEqualTo("1399999999999999999");
        assertThat(quote.retweetOf()).isNull();
        assertThat(quote.urls()).containsExactly("https://t.co/q");
        assertThat(quote.author().location()).isEqualTo("Berlin");
        assertThat(quote.lang()).isEqualTo("de");

        // A reply to a tweet not in the includes; a mention without id is found by username in the includes,
        // one not there stays a name.
        PostRecord reply = sink.post("1400000000000000003");
        assertThat(reply.replyTo()).isEqualTo("1399999999999999998");
        assertThat(reply.replyToAuthor()).isEqualTo("333");
        assertThat(reply.mentionIds()).containsExactly("333");
        assertThat(reply.mentionNames()).containsExactly("ghost_user");

        // A long tweet: note_tweet's full text, with its line break and RTL mark.
        PostRecord note = sink.post("1400000000000000004");
        assertThat(note.text()).isEqualTo("\u200Fنص طويل جدا عن #لبنان\nوسطر ثان");
        assertThat(note.hashtags()).containsExactly("لبنان");

        // The original, emitted for its time, with its author's profile.
        PostRecord original = sink.post("1399999999999999999");
        assertThat(original.createdAt()).isEqualTo(Instant.parse("2021-06-01T09:58:00Z"));
        assertThat(original.author())
                .isEqualTo(new AccountRecord(
                        "333",
                        "origin_acct",
                        "Origin",
                        Instant.parse("2010-01-01T00:00:00Z"),
                        90000L,
                        10L,
                        null,
                        "",
                        "news",
                        null));
        assertThat(original.client()).isEqualTo("TweetDeck");
    }

    @Test
    void emitsIncludedUsersWhoAuthoredNothingAndUsersPages() throws IOException {
        CollectingSink sink = read(TestFiles.fixture("twarc2/" + PAGES));
        // 444 is only mentioned-by-includes on page 1 and an author on page 2; 555 comes from a users page.
        assertThat(sink.accounts).extracting(AccountRecord::id).containsExactly("444", "555");
        assertThat(sink.account("555"))
                .isEqualTo(new AccountRecord(
                        "555",
                        "follower_one",
                        "F One",
                        Instant.parse("2020-01-01T00:00:00Z"),
                        1L,
                        2L,
                        null,
                        "",
                        "bio",
                        null));
    }

    @Test
    void reportsBadTweetsAndBadLinesAndGoesOn() throws IOException {
        CollectingSink sink = read(TestFiles.fixture("twarc2/" + PAGES));
        assertThat(sink.badRows)
                .extracting(BadRow::file, BadRow::line, BadRow::field)
                .containsExactly(
                        tuple(PAGES, 2L, "data[0].created_at"), tuple(PAGES, 3L, null), tuple(PAGES, 6L, "data[0]"));
        assertThat(sink.badRows.get(0).reason()).contains("1400000000000000006");
        assertThat(sink.badRows.get(1).reason()).startsWith("not valid JSON");
        assertThat(sink.post("1400000000000000005").source()).isEqualTo(PAGES + ":2");
    }

    @Test
    void readsFlattenedTweetsWithEmbeddedAuthorsAndReferences() throws IOException {
        CollectingSink sink = read(TestFiles.fixture("twarc2/" + FLAT));

        assertThat(sink.posts)
                .extracting(PostRecord::id)
                .containsExactly(
                        "1500000000000000001", "1500000000000000000", "1500000000000000002", "1500000000000000005");

        AccountRecord orig = new AccountRecord(
                "800",
                "orig",
                "Orig Inal",
                Instant.parse("2012-12-12T12:12:12Z"),
                5000L,
                300L,
                null,
                "Kyiv",
                "source",
                null);
        PostRecord retweet = sink.post("1500000000000000001");
        assertThat(retweet.retweetOf()).isEqualTo("1500000000000000000");
        assertThat(retweet.retweetOfAuthor()).isEqualTo("800");
        assertThat(retweet.author())
                .isEqualTo(new AccountRecord(
                        "700",
                        "bot_700",
                        "Bot 700",
                        Instant.parse("2022-02-20T00:00:00Z"),
                        0L,
                        1200L,
                        null,
                        "",
                        "",
                        null));
        assertThat(retweet.mentionIds()).containsExactly("800");
        assertThat(retweet.client()).isEqualTo("Twitter Web App");

        // The embedded original becomes a post with its own author.
        PostRecord original = sink.post("1500000000000000000");
        assertThat(original.author()).isEqualTo(orig);
        assertThat(original.createdAt()).isEqualTo(Instant.parse("2022-02-24T04:59:00Z"));
        assertThat(original.hashtags()).containsExactly("world");
        assertThat(original.source()).isEqualTo(FLAT + ":1");

        // A reply (time without milliseconds); a quoted tweet known only by id stays a reference.
        PostRecord reply = sink.post("1500000000000000002");
        assertThat(reply.replyTo()).isEqualTo("1500000000000000000");
        assertThat(reply.replyToAuthor()).isEqualTo("800");
        assertThat(reply.quoteOf()).isEqualTo("1499999999999999999");
        assertThat(reply.createdAt()).isEqualTo(Instant.parse("2022-02-24T06:00:00Z"));
        assertThat(reply.text()).isEqualTo("@orig ну да");

        // twarc writes author {} when the includes lacked it: the id is all there is.
        PostRecord bare = sink.post("1500000000000000005");
        assertThat(bare.author()).isEqualTo(AccountRecord.ofId("700"));
        assertThat(bare.urls()).containsExactly("https://t.co/zz");
        assertThat(bare.mentionNames()).containsExactly("nobody_known");
        assertThat(bare.mentionIds()).isEmpty();

        // The replied-to user's embedded profile arrives as an account (once).
        assertThat(sink.accounts).containsExactly(orig);

        assertThat(sink.badRows)
                .extracting(BadRow::line, BadRow::field)
                .containsExactly(tuple(3L, null), tuple(4L, "author_id"), tuple(6L, "created_at"));
        assertThat(sink.badRows.get(2).reason()).contains("yesterday");
    }

    @Test
    void readsAJsonArrayLineAnEmptyResultPageAndCrLf() throws IOException {
        Path file = Files.writeString(
                tmp.resolve("array.jsonl"),
                "[{\"id\":\"1\",\"author_id\":\"9\",\"created_at\":\"2021-01-01T00:00:00.000Z\",\"text\":\"a\"},"
                        + "{\"id\":\"2\",\"author_id\":\"9\",\"created_at\":\"2021-01-01T00:00:01.000Z\",\"text\":\"b\"}]\r\n"
                        + "{\"meta\":{\"result_count\":0},\"__twarc\":{\"version\":\"2.12.0\"}}\r\n"
                        + "{\"id\":\"3\",\"author_id\":\"9\",\"created_at\":\"2021-01-01T00:00:02.000Z\",\"text\":\"c\"}\r\n");
        CollectingSink sink = read(file);
        assertThat(sink.posts)
                .extracting(PostRecord::id, PostRecord::source)
                .containsExactly(tuple("1", "array.jsonl:1"), tuple("2", "array.jsonl:1"), tuple("3", "array.jsonl:3"));
        assertThat(sink.badRows).isEmpty();
    }

    @Test
    void rejectsFilesThatAreNotTwarc2() throws IOException {
        Path csv = Files.writeString(tmp.resolve("tweets.csv"), "tweetid,userid\n1,2\n");
        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("tweets.csv")
                .hasMessageContaining("not JSON");

        Path v1 = Files.writeString(
                tmp.resolve("v1.jsonl"), "{\"id\":1,\"id_str\":\"1\",\"text\":\"x\",\"user\":{\"id_str\":\"2\"}}\n");
        assertThatThrownBy(() -> read(v1))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("v1.jsonl")
                .hasMessageContaining("v1.1");
    }

    @Test
    void lineReaderSkipsOverlongLinesAndCountsLines() throws IOException {
        StringBuilder text = new StringBuilder("a\r\n");
        text.append("x".repeat(Twarc2Reader.MAX_LINE_CHARS + 10)).append('\n').append("b");
        Twarc2Reader.LineReader lines = new Twarc2Reader.LineReader(new StringReader(text.toString()));
        assertThat(lines.next()).isEqualTo("a");
        assertThat(lines.next()).isSameAs(Twarc2Reader.LineReader.TOO_LONG);
        assertThat(lines.lineNumber()).isEqualTo(2);
        assertThat(lines.next()).isEqualTo("b");
        assertThat(lines.lineNumber()).isEqualTo(3);
        assertThat(lines.next()).isNull();
    }
}

package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoOpsReaderTest {

    static final String TWEETS = "ira_fixture_tweets_csv_hashed.csv";
    static final String USERS = "ira_fixture_users_csv_hashed.csv";

    /** Hashed ids as Twitter released them: base64 with '/', '+', '='; the first starts with '+'. */
    static final String A = "+Lq3gV0dXxgJ7kVZcFQ2Qf7a9i0eHk0T1y5v2mF8bJw=";

    static final String B = "2245136498";
    static final String C = "Xk/9ab+QzR7sD2mN4pL6vT8wY0cE1fG3hJ5kM7nP9q=";
    static final String D = "e7Fq+Zr/Wm2N0pQ8sT4uV6xY9zA1bC3dE5fG7hJ9kL=";

    static final AccountRecord ACCOUNT_A =
            new AccountRecord(A, A, A, Instant.parse("2017-02-03T00:00:00Z"), 0L, 12L, "en", "", "", "");
    static final AccountRecord ACCOUNT_B = new AccountRecord(
            B,
            "persian_voice_fa",
            "صدای ایران",
            Instant.parse("2014-01-05T00:00:00Z"),
            1520L,
            310L,
            "fa",
            "تهران",
            "\u200Fاخبار و تحلیل\u200F",
            "https://t.co/AbC123xyz");
    static final AccountRecord ACCOUNT_C =
            new AccountRecord(C, C, C, Instant.parse("2018-09-30T00:00:00Z"), 3L, 0L, "ar", "absent", "", "");

    @TempDir
    Path tmp;

    private static CollectingSink read(ImportFile... files) throws IOException {
        CollectingSink sink = new CollectingSink();
        new InfoOpsReader().read(List.of(files), sink);
        return sink;
    }

    @Test
    void readsTheTweetsFileExactly() throws IOException {
        CollectingSink sink = read(TestFiles.file(TestFiles.fixture("infoops/" + TWEETS)));

        assertThat(sink.posts)
                .extracting(PostRecord::id)
                .containsExactly(
                        "1050118621198921728",
                        "1050200000000000002",
                        "1050300000000000003",
                        "1050400000000000004",
                        "1050500000000000005",
                        "1050600000000000006",
                        "1051200000000000012");
        assertThat(sink.accounts).isEmpty();

        // Multi-line text with embedded quotes and commas, lists parsed, 0.0 counts, 'absent' coordinates ignored.
        assertThat(sink.post("1050118621198921728"))
                .isEqualTo(new PostRecord(
                        "1050118621198921728",
                        ACCOUNT_A,
                        Instant.parse("2018-10-10T20:15:00Z"),
                        "He said \"enough is enough\"\nand left,\nquietly.",
                        "en",
                        "Twitter Web Client",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("Iran", "نه_به_جنگ"),
                        List.of("https://example.com/a?b=1&c=2"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        TWEETS + ":2"));

        // Persian with direction marks kept; ["it's"] parsed; time with seconds.
        PostRecord persian = sink.post("1050200000000000002");
        assertThat(persian.text()).isEqualTo("\u200Fسلام دنیا\u200E #ایران \u200F(test)");
        assertThat(persian.createdAt()).isEqualTo(Instant.parse("2018-10-11T08:30:45Z"));
        assertThat(persian.hashtags()).containsExactly("it's", "ایران");
        assertThat(persian.author()).isEqualTo(ACCOUNT_B);
        assertThat(persian.lang()).isEqualTo("fa");
        assertThat(persian.client()).isEqualTo("Twitter for Android");
        assertThat(persian.source()).isEqualTo(TWEETS + ":5");
    }

    @Test
    void keepsRetweetQuoteAndReplyReferences() throws IOException {
        CollectingSink sink = read(TestFiles.file(TestFiles.fixture("infoops/" + TWEETS)));

        // The retweeted original is not in the file: it is still referenced, with its author.
        PostRecord retweet = sink.post("1050300000000000003");
        assertThat(retweet.retweetOf()).isEqualTo("990000000000000001");
        assertThat(retweet.retweetOfAuthor()).isEqualTo(D);
        assertThat(retweet.mentionIds()).containsExactly(D);
        assertThat(retweet.text()).isEqualTo("RT @" + D + ": original words");
        assertThat(retweet.author().id()).isEqualTo(C);
        assertThat(retweet.author().location()).isEqualTo("absent");

        PostRecord quote = sink.post("1050400000000000004");
        assertThat(quote.quoteOf()).isEqualTo("1050118621198921728");
        assertThat(quote.retweetOf()).isNull();
        assertThat(quote.text()).isEqualTo("Look at this \u200E\"quote\"\u200E");
        assertThat(quote.urls()).containsExactly("https://twitter.com/i/web/status/1050118621198921728");

        PostRecord reply = sink.post("1050500000000000005");
        assertThat(reply.replyTo()).isEqualTo("1050200000000000002");
        assertThat(reply.replyToAuthor()).isEqualTo(B);
        assertThat(reply.mentionIds()).containsExactly(B);
        assertThat(reply.text()).isEqualTo("\u200Fمرحبا بكم في \"الحوار\"\u200F");
        assertThat(reply.lang()).isEqualTo("ar");

        // Python 2 repr with a \x escape and an escaped backslash; empty cells are empty lists.
        PostRecord escapes = sink.post("1050600000000000006");
        assertThat(escapes.hashtags()).containsExactly("café", "a\\b");
        assertThat(escapes.urls()).isEmpty();
        assertThat(escapes.mentionIds()).isEmpty();

        PostRecord afterBadRows = sink.post("1051200000000000012");
        assertThat(afterBadRows.createdAt()).isEqualTo(Instant.parse("2018-10-14T00:00:59Z"));
        assertThat(afterBadRows.client()).isNull();
        assertThat(afterBadRows.source()).isEqualTo(TWEETS + ":15");
    }

    @Test
    void reportsBadRowsWithLineAndFieldAndGoesOn() throws IOException {
        CollectingSink sink = read(TestFiles.file(TestFiles.fixture("infoops/" + TWEETS)));

        assertThat(sink.badRows)
                .extracting(BadRow::file, BadRow::line, BadRow::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TWEETS, 10L, null),
                        org.assertj.core.groups.Tuple.tuple(TWEETS, 11L, "tweet_time"),
                        org.assertj.core.groups.Tuple.tuple(TWEETS, 12L, "hashtags"),
                        org.assertj.core.groups.Tuple.tuple(TWEETS, 13L, "tweetid"),
                        org.assertj.core.groups.Tuple.tuple(TWEETS, 14L, "follower_count"));
        assertThat(sink.badRows.get(0).reason()).isEqualTo("has 5 values where the header has 31 columns");
        assertThat(sink.badRows.get(1).reason()).contains("13/10/2018 11:11");
        assertThat(sink.badRows.get(2).reason()).contains("unterminated string");
        assertThat(sink.badRows.get(4).reason()).contains("many");
    }

    @Test
    void readsUsersFilesBeforeTweetsFilesWhateverTheOrderGiven() throws IOException {
        CollectingSink sink = read(
                TestFiles.file(TestFiles.fixture("infoops/" + TWEETS)),
                TestFiles.file(TestFiles.fixture("infoops/" + USERS)));

        int firstPost = sink.events.indexOf("post");
        assertThat(sink.events.subList(0, firstPost)).doesNotContain("post").contains("account");
        assertThat(sink.events.subList(firstPost, sink.events.size())).doesNotContain("account");

        // The users file has its columns in another order; a multi-line description survives.
        assertThat(sink.accounts)
                .containsExactly(
                        ACCOUNT_A,
                        ACCOUNT_B,
                        new AccountRecord(
                                C,
                                C,
                                C,
                                Instant.parse("2018-09-30T00:00:00Z"),
                                3L,
                                0L,
                                "ar",
                                "absent",
                                "line one\nline \"two\"",
                                ""));
        assertThat(sink.badRows)
                .extracting(BadRow::file, BadRow::line, BadRow::field)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple(USERS, 6L, "account_creation_date"),
                        org.assertj.core.groups.Tuple.tuple(USERS, 7L, "userid"));
        assertThat(sink.posts).hasSize(7);
    }

    @Test
    void readsTheSameTweetsFromGzipAndFromAZipOfTwoParts() throws IOException {
        Path plain = TestFiles.fixture("infoops/" + TWEETS);
        CollectingSink expected = read(TestFiles.file(plain));

        CollectingSink gz = read(TestFiles.file(TestFiles.gzip(plain, tmp.resolve(TWEETS + ".gz"))));
        assertThat(withoutSources(gz.posts)).isEqualTo(withoutSources(expected.posts));
        assertThat(gz.posts.get(0).source()).isEqualTo(TWEETS + ".gz:2");
        assertThat(gz.badRows)
                .extracting(BadRow::line, BadRow::field)
                .isEqualTo(expected.badRows.stream()
                        .map(b -> org.assertj.core.groups.Tuple.tuple(b.line(), b.field()))
                        .toList());

        // Two parts, each with the header, split after line 9; the users file last in the archive but read first.
        String text = Files.readString(plain, StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(text.split("\n", -1));
        String header = lines.get(0) + "\n";
        String part1 = header + String.join("\n", lines.subList(1, 9)) + "\n";
        String part2 = header + String.join("\n", lines.subList(9, lines.size()));
        Path zip = TestFiles.zip(
                tmp.resolve("release.zip"),
                "tweets/part1.csv",
                part1,
                "tweets/part2.csv",
                part2,
                "users.csv",
                Files.readString(TestFiles.fixture("infoops/" + USERS)));
        CollectingSink zipped = read(TestFiles.file(zip));

        assertThat(withoutSources(zipped.posts)).isEqualTo(withoutSources(expected.posts));
        assertThat(zipped.events.indexOf("post")).isGreaterThan(zipped.events.lastIndexOf("account"));
        assertThat(zipped.accounts).hasSize(3);
        assertThat(zipped.posts.get(0).source()).isEqualTo("release.zip!tweets/part1.csv:2");
        assertThat(zipped.post("1051200000000000012").source()).isEqualTo("release.zip!tweets/part2.csv:7");
        // Line numbers count within each part: line 10 of the whole file is line 2 of part 2.
        assertThat(zipped.badRows)
                .extracting(BadRow::file, BadRow::line, BadRow::field)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("release.zip!tweets/part2.csv", 2L, null),
                        org.assertj.core.groups.Tuple.tuple("release.zip!tweets/part2.csv", 6L, "follower_count"),
                        org.assertj.core.groups.Tuple.tuple("release.zip!users.csv", 6L, "account_creation_date"));
    }

    @Test
    void countsTheBytesOfWhatItReads() throws IOException {
        ImportFile tweets = TestFiles.file(TestFiles.fixture("infoops/" + TWEETS));
        ImportFile users = TestFiles.file(TestFiles.fixture("infoops/" + USERS));
        new InfoOpsReader().read(List.of(tweets, users), new CollectingSink());
        // Looking at the headers first does not count: each file is counted once.
        assertThat(tweets.bytesRead().get()).isEqualTo(tweets.size());
        assertThat(users.bytesRead().get()).isEqualTo(users.size());
    }

    @Test
    void rejectsAFileWhoseHeaderIsNeitherTweetsNorUsers() throws IOException {
        Path other = Files.writeString(tmp.resolve("authors.csv"), "author_id,content\nx,y\n");
        assertThatThrownBy(() -> read(TestFiles.file(other)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("authors.csv")
                .hasMessageContaining("tweetid")
                .hasMessageContaining("[author_id, content]");

        Path zip = TestFiles.zip(
                tmp.resolve("mixed.zip"),
                "users.csv",
                "userid,user_screen_name\n1,a\n",
                "README.txt",
                "This archive holds...\n");
        assertThatThrownBy(() -> read(TestFiles.file(zip)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("mixed.zip!README.txt");
    }

    @Test
    void rejectsATweetsFileWithoutTweetTimeAndAnEmptyFile() throws IOException {
        Path noTime = Files.writeString(tmp.resolve("t.csv"), "tweetid,userid,tweet_text\n1,2,x\n");
        assertThatThrownBy(() -> read(TestFiles.file(noTime)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("t.csv")
                .hasMessageContaining("tweet_time");
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
        assertThatThrownBy(() -> read(TestFiles.file(empty)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("empty.csv")
                .hasMessageContaining("empty");
    }

    @Test
    void anUnterminatedQuoteEndsThePartWithOneBadRow() throws IOException {
        Path broken = Files.writeString(
                tmp.resolve("broken.csv"),
                "tweetid,userid,tweet_time,tweet_text\n"
                        + "1,u,2020-01-01 00:00,fine\n"
                        + "2,u,2020-01-01 00:01,\"never closed\n"
                        + "3,u,2020-01-01 00:02,lost\n");
        CollectingSink sink = read(TestFiles.file(broken));
        assertThat(sink.posts).extracting(PostRecord::id).containsExactly("1");
        assertThat(sink.badRows).hasSize(1);
        assertThat(sink.badRows.get(0).line()).isEqualTo(3);
        assertThat(sink.badRows.get(0).reason()).contains("rest of this file was skipped");
    }

    @Test
    void readsColumnsByNameSoOlderReleasesWithFewerColumnsWork() throws IOException {
        // No is_retweet column: a retweet_tweetid alone makes the retweet. CRLF line ends, a BOM.
        Path old = Files.writeString(
                tmp.resolve("old.csv"),
                "\uFEFFuserid,tweetid,tweet_time,retweet_tweetid,retweet_userid\r\n"
                        + "+u1=,10,2015-05-05 05:05,9,+u0=\r\n");
        CollectingSink sink = read(TestFiles.file(old));
        assertThat(sink.badRows).isEmpty();
        PostRecord post = sink.post("10");
        assertThat(post.author()).isEqualTo(AccountRecord.ofId("+u1="));
        assertThat(post.retweetOf()).isEqualTo("9");
        assertThat(post.retweetOfAuthor()).isEqualTo("+u0=");
        assertThat(post.text()).isNull();
    }

    private static List<PostRecord> withoutSources(List<PostRecord> posts) {
        return posts.stream()
                .map(p -> new PostRecord(
                        p.id(),
                        p.author(),
                        p.createdAt(),
                        p.text(),
                        p.lang(),
                        p.client(),
                        p.retweetOf(),
                        p.retweetOfAuthor(),
                        p.quoteOf(),
                        p.replyTo(),
                        p.replyToAuthor(),
                        p.hashtags(),
                        p.urls(),
                        p.domains(),
                        p.imageHashes(),
                        p.mentionIds(),
                        p.mentionNames(),
                        null))
                .toList();
    }
}

package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.SourceFormat;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharesReaderTest {

    @TempDir
    Path tmp;

    /** Counts what a real file gives without keeping every record. */
    static final class CountingSink implements RecordSink {
        long posts;
        long accountsEmitted;
        final Set<String> authors = new HashSet<>();
        final Set<String> postIds = new HashSet<>();
        final List<BadRow> badRows = new ArrayList<>();
        final Map<String, PostRecord> keep = new HashMap<>();
        final Set<String> sources;
        long retweets;
        final Set<String> retweetOf = new HashSet<>();
        long withUrl;
        long withHashtag;
        long withDomain;
        long withImage;

        CountingSink(String... sourcesToKeep) {
            this.sources = Set.of(sourcesToKeep);
        }

        @Override
        public void account(AccountRecord account) {
            accountsEmitted++;
        }

        @Override
        public void post(PostRecord post) {
            posts++;
            authors.add(post.author().id());
            postIds.add(post.id());
            if (post.retweetOf() != null) {
                retweets++;
                retweetOf.add(post.retweetOf());
            }
            withUrl += post.urls().isEmpty() ? 0 : 1;
            withHashtag += post.hashtags().isEmpty() ? 0 : 1;
            withDomain += post.domains().isEmpty() ? 0 : 1;
            withImage += post.imageHashes().isEmpty() ? 0 : 1;
            if (sources.contains(post.source())) {
                keep.put(post.source(), post);
            }
        }

        @Override
        public void badRow(BadRow badRow) {
            badRows.add(badRow);
        }
    }

    private static CountingSink read(SourceReader reader, Path path, String... keep) throws IOException {
        CountingSink sink = new CountingSink(keep);
        reader.read(List.of(TestFiles.file(path)), sink);
        return sink;
    }

    private CollectingSink readText(String mapSpec, String fileName, String text) throws IOException {
        Path file = Files.writeString(tmp.resolve(fileName), text);
        CollectingSink sink = new CollectingSink();
        SourceFormat.SHARES.reader(mapSpec).read(List.of(TestFiles.file(file)), sink);
        return sink;
    }

    // --- real data -------------------------------------------------------------------------------------------

    @Test
    void russianCoordTweetsWithTheDefaultMapping() throws IOException {
        Path file = TestFiles.sharedData("coortweet/russian_coord_tweets.csv");
        CountingSink sink = read(new SharesReader(null), file, "russian_coord_tweets.csv:2");

        assertThat(sink.badRows).isEmpty();
        assertThat(sink.posts).isEqualTo(35_125);
        assertThat(sink.authors).hasSize(9_509);
        assertThat(sink.retweets).isEqualTo(35_125);
        assertThat(sink.retweetOf).hasSize(7_285);
        assertThat(sink.accountsEmitted).isZero();

        // "85d2d12251a735ce05255061f7f231e2","0fb4232d1b7b37069c13ee17579bd10e","114e22f1b2b648528277b76f0b0224e7",1623881091
        PostRecord first = sink.keep.get("russian_coord_tweets.csv:2");
        assertThat(first.id()).isEqualTo("114e22f1b2b648528277b76f0b0224e7");
        assertThat(first.author()).isEqualTo(AccountRecord.ofId("0fb4232d1b7b37069c13ee17579bd10e"));
        assertThat(first.retweetOf()).isEqualTo("85d2d12251a735ce05255061f7f231e2");
        assertThat(first.createdAt()).isEqualTo(Instant.ofEpochSecond(1623881091));
        assertThat(first.text()).isNull();
    }

    @Test
    void germanElectionsWithAnExplicitMapping() throws IOException {
        Path file = TestFiles.sharedData("coortweet/german_elections.csv");
        SourceReader reader = SourceFormat.SHARES.reader(
                "account=account_id,post=post_id,url=url_id,hashtag=hashtag_id,domain=domain_id,image=phash_id,time=timestamp");
        CountingSink sink = read(reader, file, "german_elections.csv:2", "german_elections.csv:3");

        assertThat(sink.badRows).isEmpty();
        assertThat(sink.posts).isEqualTo(218_971);
        assertThat(sink.authors).hasSize(58_317);
        // One row per (post, object): 194,323 distinct post ids, plus three rows without one, each its own post.
        assertThat(sink.postIds).hasSize(194_323 + 3);
        assertThat(sink.retweets).isZero();
        // Rows with each kind of object, as counted in the file by an independent script.
        assertThat(sink.withUrl).isEqualTo(50_785);
        assertThat(sink.withHashtag).isEqualTo(51_194);
        assertThat(sink.withDomain).isEqualTo(73_214);
        assertThat(sink.withImage).isEqualTo(20_068);

        // "fb_12670",129235,23678,,3498,,1629589836
        PostRecord row2 = sink.keep.get("german_elections.csv:2");
        assertThat(row2.id()).isEqualTo("129235");
        assertThat(row2.author().id()).isEqualTo("fb_12670");
        assertThat(row2.urls()).containsExactly("23678");
        assertThat(row2.hashtags()).isEmpty();
        assertThat(row2.domains()).containsExactly("3498");
        assertThat(row2.imageHashes()).isEmpty();
        assertThat(row2.createdAt()).isEqualTo(Instant.ofEpochSecond(1629589836));
        // "fb_5966",84441,,,6756,,1629589069
        assertThat(sink.keep.get("german_elections.csv:3").urls()).isEmpty();
    }

    @Test
    void iraTweetsWithThePreset() throws IOException {
        Path file = TestFiles.sharedData("ira-2016-10-week1/tweets.csv");
        CountingSink sink = read(
                SourceFormat.SHARES.reader("ira"),
                file,
                "tweets.csv:2",
                "tweets.csv:4",
                "tweets.csv:6498",
                "tweets.csv:6504");

        assertThat(sink.badRows).isEmpty();
        assertThat(sink.posts).isEqualTo(34_429);
        assertThat(sink.authors).hasSize(313);
        // post_type R: 27,412 retweets (the 136 quotes, Q, are not), of 19,737 distinct texts.
        assertThat(sink.retweets).isEqualTo(27_412);
        assertThat(sink.retweetOf).hasSize(19_737);
        // No tweet ids: every row is its own post.
        assertThat(sink.postIds).hasSize(34_429);

        // BlackNewsOutlet,Unarmed black men and women killed by police #BlackLivesMatter https://t.co/o4nYjvJF5f,
        //   United States,English,2016-10-01 00:00:00,2016-10-01 00:00:00,5756,10215,1075,,0
        PostRecord first = sink.keep.get("tweets.csv:2");
        assertThat(first.id()).isEqualTo("tweets.csv:2");
        assertThat(first.author())
                .isEqualTo(new AccountRecord(
                        "BlackNewsOutlet", "BlackNewsOutlet", null, null, 10215L, 5756L, null, null, null, null));
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2016-10-01T00:00:00Z"));
        assertThat(first.lang()).isEqualTo("English");
        assertThat(first.retweetOf()).isNull();
        assertThat(first.hashtags()).containsExactly("BlackLivesMatter");
        assertThat(first.urls()).containsExactly("https://t.co/o4nYjvJF5f");

        PostRecord retweet = sink.keep.get("tweets.csv:4");
        assertThat(retweet.author().id()).isEqualTo("TrayneshaCole");
        assertThat(retweet.retweetOf()).isEqualTo(TextEntities.textId(retweet.text()));
        assertThat(retweet.retweetOfAuthor()).isNull();
        assertThat(retweet.hashtags()).containsExactly("racism", "blm");

        // Two accounts that retweeted the same tweet point at the same original.
        PostRecord chrix = sink.keep.get("tweets.csv:6498");
        PostRecord dana = sink.keep.get("tweets.csv:6504");
        assertThat(chrix.author().id()).isEqualTo("ChrixMorgan");
        assertThat(dana.author().id()).isEqualTo("DanaGeezus");
        assertThat(chrix.retweetOf()).startsWith("text:").isEqualTo(dana.retweetOf());
    }

    @Test
    void theIraLayoutIsRecognisedWithoutAMapping() throws IOException {
        Path file = TestFiles.sharedData("ira-2016-10-week1/tweets.csv");
        CountingSink sink = read(SourceFormat.SHARES.reader(null), file);
        assertThat(sink.posts).isEqualTo(34_429);
        assertThat(sink.retweets).isEqualTo(27_412);
    }

    // --- hand-made -------------------------------------------------------------------------------------------

    @Test
    void aRowWithoutAPostColumnIsItsOwnPostAndEntitiesComeFromTheText() throws IOException {
        CollectingSink sink = readText(
                "account=user,time=date,text=body,screen-name=handle,followers=fans",
                "export.csv",
                "user,handle,date,body,fans\n"
                        + "u1,@one,2021-09-01T10:00:00Z,\"Vote! #BTW21 @cdu https://example.de/x.\",12.0\n"
                        + "u2,two,1630490400123,plain,\n");
        assertThat(sink.badRows).isEmpty();
        assertThat(sink.posts)
                .containsExactly(
                        new PostRecord(
                                "export.csv:2",
                                new AccountRecord("u1", "@one", null, null, 12L, null, null, null, null, null),
                                Instant.parse("2021-09-01T10:00:00Z"),
                                "Vote! #BTW21 @cdu https://example.de/x.",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of("BTW21"),
                                List.of("https://example.de/x"),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of("cdu"),
                                "export.csv:2"),
                        new PostRecord(
                                "export.csv:3",
                                new AccountRecord("u2", "two", null, null, null, null, null, null, null, null),
                                Instant.ofEpochMilli(1630490400123L),
                                "plain",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "export.csv:3"));
    }

    @Test
    void objectColumnsRetweetFlagAndBlankCells() throws IOException {
        CollectingSink sink = readText(
                "account=a,post=p,time=t,text=x,hashtag=h,mention-name=m,mention=mid,"
                        + "retweet=kind:RT|retweet,entities=none,quote-of=q,reply-to=r",
                "s.csv",
                "a,p,t,x,h,m,mid,kind,q,r\n"
                        + "acc1,p1,2020-05-05 10:00,\"same  text\",#Tag,@Name,42,RT,,\n"
                        + "acc2,p2,2020-05-05 10:01:30,same text,,,,retweet,,\n"
                        + "acc3,p3,2020-05-05 10:02,\"own #words\",,,,,p1,p2\n"
                        + "acc4,,2020-05-05 10:03,\"\",,,,RT,,\n");
        assertThat(sink.posts).extracting(PostRecord::id).containsExactly("p1", "p2", "p3");
        PostRecord p1 = sink.post("p1");
        assertThat(p1.hashtags()).containsExactly("Tag");
        assertThat(p1.mentionNames()).containsExactly("Name");
        assertThat(p1.mentionIds()).containsExactly("42");
        assertThat(p1.retweetOf())
                .isEqualTo(TextEntities.textId("same text"))
                .isEqualTo(sink.post("p2").retweetOf());
        assertThat(sink.post("p2").createdAt()).isEqualTo(Instant.parse("2020-05-05T10:01:30Z"));
        PostRecord p3 = sink.post("p3");
        assertThat(p3.retweetOf()).isNull();
        assertThat(p3.hashtags()).isEmpty();
        assertThat(p3.quoteOf()).isEqualTo("p1");
        assertThat(p3.replyTo()).isEqualTo("p2");
        assertThat(sink.badRows).extracting(BadRow::line, BadRow::field).containsExactly(tuple(5L, "x"));
        assertThat(sink.badRows.get(0).reason()).contains("retweet without text");
    }

    @Test
    void reportsBadRowsWithLineAndColumn() throws IOException {
        CollectingSink sink = readText(
                null,
                "coord.csv",
                "\"object_id\",\"account_id\",\"content_id\",\"timestamp_share\"\n"
                        + "\"o1\",\"a1\",\"c1\",1623881091\n"
                        + "\"o1\",\"\",\"c2\",1623881092\n"
                        + "\"o1\",\"a3\",\"c3\",noon\n"
                        + "\"o1\",\"a4\",\"c4\"\n"
                        + "\"o1\",\"a5\",\"c5\",\n"
                        + "\n"
                        + "\"o2\",\"a6\",\"multi\nline id\",1623881099\n"
                        + "\"o2\",\"a7\",\"c7\",1623881100\n");
        assertThat(sink.posts)
                .extracting(PostRecord::id, PostRecord::source)
                .containsExactly(
                        tuple("c1", "coord.csv:2"),
                        tuple("multi\nline id", "coord.csv:8"),
                        tuple("c7", "coord.csv:10"));
        assertThat(sink.badRows)
                .extracting(BadRow::file, BadRow::line, BadRow::field)
                .containsExactly(
                        tuple("coord.csv", 3L, "account_id"),
                        tuple("coord.csv", 4L, "timestamp_share"),
                        tuple("coord.csv", 5L, null),
                        tuple("coord.csv", 6L, "timestamp_share"));
        assertThat(sink.badRows.get(1).reason()).isEqualTo("not a time: 'noon'");
        assertThat(sink.badRows.get(2).reason()).isEqualTo("has 3 values where the header has 4 columns");
        assertThat(sink.badRows.get(3).reason()).isEqualTo("no time given");
    }

    @Test
    void timeFormatsAndZones() throws IOException {
        CollectingSink sink = readText(
                "account=a,time=t,time-format=dd.MM.yyyy HH:mm,zone=Europe/Berlin",
                "de.csv",
                "a,t\nx,01.09.2021 12:00\ny,2021-09-01 12:00\n");
        assertThat(sink.posts).extracting(PostRecord::createdAt).containsExactly(Instant.parse("2021-09-01T10:00:00Z"));
        assertThat(sink.badRows).extracting(BadRow::line, BadRow::field).containsExactly(tuple(3L, "t"));

        CollectingSink unix = readText("account=a,time=t,time-format=unix-ms", "ms.csv", "a,t\nx,1000\n");
        assertThat(unix.posts.get(0).createdAt()).isEqualTo(Instant.ofEpochSecond(1));

        CollectingSink auto = readText(
                "account=a,time=t",
                "auto.csv",
                "a,t\nx,1623881091\ny,1623881091.5\nz,2021-06-16 22:04:51+00:00\nw,2021-06-16T22:04Z\nv,2021-06-16\n");
        assertThat(auto.badRows).isEmpty();
        assertThat(auto.posts)
                .extracting(PostRecord::createdAt)
                .containsExactly(
                        Instant.ofEpochSecond(1623881091),
                        Instant.ofEpochSecond(1623881091, 500_000_000),
                        Instant.parse("2021-06-16T22:04:51Z"),
                        Instant.parse("2021-06-16T22:04:00Z"),
                        Instant.parse("2021-06-16T00:00:00Z"));

        // The ira preset reads the fivethirtyeight originals' M/d/yyyy H:mm too.
        CollectingSink ira = readText(
                "ira",
                "IRAhandle_tweets_1.csv",
                "author_id,content,region,language,publish_date,harvested_date,following,followers,updates,post_type,retweet\n"
                        + "X,hi,US,English,10/1/2016 19:07,10/1/2016 19:08,1,2,3,,0\n");
        assertThat(ira.posts.get(0).createdAt()).isEqualTo(Instant.parse("2016-10-01T19:07:00Z"));
    }

    @Test
    void aMappingNamingAMissingColumnStopsTheImportWithTheHeader() throws IOException {
        Path file = Files.writeString(tmp.resolve("posts.csv"), "author,text,created\nx,y,2020-01-01 00:00\n");
        SourceReader reader = SourceFormat.SHARES.reader("account=author,time=publish_date");
        assertThatThrownBy(() -> reader.read(List.of(TestFiles.file(file)), new CollectingSink()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("posts.csv")
                .hasMessageContaining("'publish_date'")
                .hasMessageContaining("[author, text, created]");

        // Without a mapping, a header that fits no preset says so and lists the presets.
        SourceReader noMapping = SourceFormat.SHARES.reader(null);
        assertThatThrownBy(() -> noMapping.read(List.of(TestFiles.file(file)), new CollectingSink()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("posts.csv")
                .hasMessageContaining("coortweet")
                .hasMessageContaining("[author, text, created]");
    }

    @Test
    void postIdsWithoutAPostColumnNameTheFileNotItsFolder() throws IOException {
        Path zip = TestFiles.zip(tmp.resolve("batch.zip"), "2016/ira.csv", "a,t\nx,2020-01-01 00:00\n");
        CollectingSink sink = new CollectingSink();
        SourceFormat.SHARES.reader("account=a,time=t").read(List.of(ImportFile.of(zip)), sink);
        assertThat(sink.posts.get(0).id()).isEqualTo("batch.zip!2016/ira.csv:2");
        assertThat(sink.posts.get(0).source()).isEqualTo(zip + "!2016/ira.csv:2");
    }
}

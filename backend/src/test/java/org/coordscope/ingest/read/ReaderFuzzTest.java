package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.coordscope.SharedData;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.SourceFormat;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Property-based fuzzing of every reader with mutated real rows: whatever the damage, a reader either refuses
 * the whole file with an {@link ImportException} naming it, or pushes well-formed records and reports each row
 * it skipped with the file, a line inside the file and a reason. Nothing else may escape. Each case is a fixed
 * seed, so a failure names the sample and seed that reproduce it.
 */
class ReaderFuzzTest {

    /** Across all cases: the fuzzing must both load rows and catch bad ones, or it tested nothing. */
    private static final AtomicLong postsLoaded = new AtomicLong();

    private static final AtomicLong rowsReported = new AtomicLong();
    private static final AtomicLong filesRefused = new AtomicLong();

    @AfterAll
    static void theMutationsExercisedEveryOutcome() {
        assertThat(postsLoaded.get()).as("posts loaded from damaged files").isPositive();
        assertThat(rowsReported.get()).as("bad rows reported").isPositive();
        assertThat(filesRefused.get()).as("files refused for a damaged header").isPositive();
    }

    /** Real samples: the first lines of each source the readers know. */
    enum Sample {
        INFOOPS_FIXTURE(SourceFormat.INFOOPS, null, "fixtures/infoops/ira_fixture_tweets_csv_hashed.csv", 60),
        INFOOPS_USERS(SourceFormat.INFOOPS, null, "fixtures/infoops/ira_fixture_users_csv_hashed.csv", 60),
        TWARC2_PAGES(SourceFormat.TWARC2, null, "fixtures/twarc2/search_pages.jsonl", 60),
        TWARC2_FLAT(SourceFormat.TWARC2, null, "fixtures/twarc2/flattened.jsonl", 60),
        IRA_SHARES(SourceFormat.SHARES, "ira", "shared:ira-2016-10-week1/tweets.csv", 40),
        COORTWEET_SHARES(SourceFormat.SHARES, null, "shared:coortweet/russian_coord_tweets.csv", 40),
        IRA_NOVEMBER_SHARES(SourceFormat.SHARES, "ira", "shared:ira-2016-11-week1/tweets.csv", 40);

        final SourceFormat format;
        final String mapping;
        final String location;
        final int lines;

        Sample(SourceFormat format, String mapping, String location, int lines) {
            this.format = format;
            this.mapping = mapping;
            this.location = location;
            this.lines = lines;
        }

        List<String> read() {
            try {
                Path path = location.startsWith("shared:")
                        ? SharedData.path(location.substring("shared:".length()))
                        : new ClassPathResource(location).getFile().toPath();
                try (var stream = Files.lines(path, StandardCharsets.UTF_8)) {
                    return stream.limit(lines).toList();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every sample with 60 seeds: 1 to 12 mutations of its rows each. */
    static Stream<Arguments> damagedRows() {
        return everySampleWithSeeds(60, 20261129L);
    }

    private static Stream<Arguments> everySampleWithSeeds(int seeds, long firstSeed) {
        return Arrays.stream(Sample.values())
                .flatMap(sample -> IntStream.range(0, seeds).mapToObj(seed -> Arguments.of(sample, firstSeed + seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("damagedRows")
    void mutatedRowsAreLoadedOrReportedNeverCrash(Sample sample, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = sample.read();
        List<String> damaged =
                RowMutator.apply(lines, RowMutator.random(random, lines.size(), 1 + random.nextInt(12)), false);
        byte[] bytes = (String.join("\n", damaged) + "\n").getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            bytes = RowMutator.withInvalidUtf8(bytes, damaged.get(0).length() + 1 + random.nextInt(1 << 16));
        }
        check(sample, bytes);
    }

    /** Every sample with 15 seeds: up to three mutations of the header line. */
    static Stream<Arguments> damagedHeaders() {
        return everySampleWithSeeds(15, 20261130L);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("damagedHeaders")
    void aDamagedHeaderIsRefusedNamingTheFileOrStillRead(Sample sample, long seed) throws IOException {
        List<RowMutator.Mutation> onHeader = RowMutator.random(new Random(seed), 2, 3).stream()
                .map(m -> new RowMutator.Mutation(m.kind(), 0, m.position(), m.payload()))
                .toList();
        List<String> damaged = RowMutator.apply(sample.read(), onHeader, true);
        check(sample, (String.join("\n", damaged) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code content} as a file of {@code sample}'s format and checks what the reader did with it. */
    private static void check(Sample sample, byte[] content) throws IOException {
        String name =
                "fuzzed-" + sample.name().toLowerCase() + (sample.format == SourceFormat.TWARC2 ? ".jsonl" : ".csv");
        Path dir = Files.createTempDirectory("coordscope-fuzz");
        Path file = dir.resolve(name);
        try {
            Files.write(file, content);
            long physicalLines = 1;
            for (byte b : content) {
                physicalLines += b == '\n' ? 1 : 0;
            }
            CollectingSink sink = new CollectingSink();
            try {
                sample.format.reader(sample.mapping).read(List.of(ImportFile.of(file)), sink);
            } catch (ImportException refused) {
                assertThat(refused.getMessage()).as("a refusal names the file").contains(name);
                filesRefused.incrementAndGet();
                return;
            }
            for (BadRow bad : sink.badRows) {
                assertThat(bad.file()).as("bad row %s", bad).contains(name);
                assertThat(bad.line()).as("bad row %s", bad).isBetween(1L, physicalLines + 1);
                assertThat(bad.reason()).as("bad row %s", bad).isNotBlank();
            }
            for (PostRecord post : sink.posts) {
                assertThat(post.id()).as("post id").isNotBlank();
                assertThat(post.author()).as("author of %s", post.id()).isNotNull();
                assertThat(post.author().id()).as("author id of %s", post.id()).isNotBlank();
                assertThat(post.createdAt()).as("time of %s", post.id()).isNotNull();
            }
            postsLoaded.addAndGet(sink.posts.size());
            rowsReported.addAndGet(sink.badRows.size());
            for (AccountRecord account : sink.accounts) {
                assertThat(account.id()).as("account id").isNotBlank();
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}

package org.coordscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.coordscope.generate.TelegramWorldGenerator;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportReport;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.SourceFormat;
import org.coordscope.ingest.write.BulkImporter;
import org.springframework.util.FileSystemUtils;

/**
 * The Telegram import benchmark (not a test): generates a Telegram world (Desktop full export, 20 messages per
 * channel, one planted ring per 1,000 channels; reused when already there) and imports it on the bulk path into a
 * new store, in this JVM, timing read + Neo4j's batch importer (the index build at the store's first open apart, as
 * in docs/performance.md). Options (system properties): {@code bench.messages} (1,000,000), {@code bench.seed} (1),
 * {@code bench.work} (target/bench). Prints one table row for docs/performance.md.
 */
public final class TelegramImportBenchmark {

    private TelegramImportBenchmark() {}

    public static void main(String[] args) throws IOException {
        long messages = Long.getLong("bench.messages", 1_000_000L);
        long seed = Long.getLong("bench.seed", 1L);
        Path work = Path.of(System.getProperty("bench.work", "target/bench"));
        int accounts = (int) Math.max(WorldSpec.MIN_ACCOUNTS, messages / WorldSpec.DEFAULT_TWEETS_PER_ACCOUNT);
        WorldSpec spec = WorldSpec.builder(accounts, Math.max(1, accounts / 1000), seed)
                .tweets(messages)
                .build();
        Path world = work.resolve("telegram-" + messages + "-" + seed);
        Path done = world.resolve(".complete");
        long t0 = System.nanoTime();
        if (!Files.exists(done)) {
            FileSystemUtils.deleteRecursively(world);
            new TelegramWorldGenerator(spec).write(world, WorldGenerator.Progress.NONE);
            Files.writeString(done, "");
            System.out.printf(
                    Locale.ROOT, "generated %,d messages in %.1f s%n", messages, (System.nanoTime() - t0) / 1e9);
        }
        Path result = world.resolve(TelegramWorldGenerator.RESULT);
        Path home = work.resolve("store-telegram-" + messages + "-" + seed);
        FileSystemUtils.deleteRecursively(home);
        ImportRequest request = new ImportRequest(
                "telegram",
                SourceFormat.TELEGRAM,
                null,
                List.of(ImportFile.of(result)),
                1000,
                work.resolve("telegram-errors.csv"));
        long t1 = System.nanoTime();
        ImportReport report = BulkImporter.importFiles(request, home, ImportProgress.NONE);
        double seconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "| telegram bulk import | %,d messages (%,d MB result.json, %,d channels) | %.1f s | **%,.0f messages/s** |"
                        + " %,d bad rows, %,d service messages | %d cores, heap %,d MB |%n",
                report.posts(),
                Files.size(result) >> 20,
                accounts,
                seconds,
                report.posts() / seconds,
                report.badRows(),
                report.serviceMessages(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        FileSystemUtils.deleteRecursively(home);
    }
}

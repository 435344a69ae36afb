package org.coordscope.ingest.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.coordscope.detect.store.DetectionProjection;
import org.coordscope.detect.store.ProjectionBuilder;
import org.coordscope.graphdb.StoreReplacement;
import org.coordscope.ingest.BadRows;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportReport;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;
import org.coordscope.ingest.read.SourceReader;
import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.context.FixedVersionContextSupplier;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.internal.NullLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.storageengine.api.StorageEngineFactory;

/**
 * The offline bulk path for a new store: the same readers and the same {@link GraphShape} as
 * {@link ImportService}, written by Neo4j's own batch importer instead of {@code MERGE} transactions, ten times
 * faster and more. It writes a complete new Neo4j home (database and transaction logs) into a directory of its
 * own; {@code graphdb.StoreReplacement} moves that into place only once it is complete, so a kill at any moment
 * leaves the store as it was. Constraints and indexes are created when the store is next opened, as at every
 * start.
 */
public final class BulkImporter {

    /** The importer's defaults, plus the label and relationship-type lookup indexes every Neo4j store has. */
    private static final Configuration WITH_LOOKUP_INDEXES = new Configuration() {
        @Override
        public IndexConfig indexConfig() {
            return IndexConfig.create().withLabelIndex().withRelationshipTypeIndex();
        }
    };

    private BulkImporter() {}

    /**
     * Reads the request's files and writes them as a new default database under {@code home}, which must not
     * hold one yet.
     */
    public static ImportReport importFiles(ImportRequest request, Path home, ImportProgress progress)
            throws IOException {
        long started = System.nanoTime();
        SourceReader reader = request.format().reader(request.mapping());
        long totalBytes = request.files().stream().mapToLong(ImportFile::size).sum();
        Files.createDirectories(home);
        try (BulkGraph graph = new BulkGraph(home.resolve("tweets.spill"));
                GatheringSink sink = new GatheringSink(request, graph, progress, totalBytes)) {
            reader.read(request.files(), sink);
            sink.finish();
            progress.update(totalBytes, totalBytes, sink.accounts + sink.posts, sink.badRows.count());
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            String revision = UUID.randomUUID().toString();
            Input input = graph.input(
                    request.dataset(),
                    request.format().platform(),
                    Map.of("source", request.format().id(), "createdAt", now, "importedAt", now, "revision", revision));
            progress.stage(String.format(
                    "Writing %,d nodes and %,d relationships into a new store (files read in %.1f s)…",
                    graph.nodeCount(), graph.relationshipCount(), (System.nanoTime() - started) / 1e9));
            write(input, home);
            progress.stage(
                    "Keeping what detection reads of the new store, so that its first run need not read it" + " back…");
            long keeping = System.nanoTime();
            String failed = keepProjection(graph, home, request.dataset(), revision);
            progress.stage(
                    failed != null
                            ? "No projection kept (" + failed + "): the first detection reads the store."
                            : String.format(
                                    "Kept what detection reads in %.1f s.", (System.nanoTime() - keeping) / 1e9));
            Files.deleteIfExists(home.resolve("tweets.spill"));
            return sink.badRows.report(
                    sink.accounts, sink.posts, (System.nanoTime() - started) / 1_000_000, reader.serviceMessages());
        }
    }

    /**
     * Writes the dataset's detection projection into {@code home/projections}, stamped with the revision the new
     * store's dataset node carries; {@code graphdb.StoreReplacement} moves it into place with the store.
     *
     * @return null when kept, else why not
     */
    private static String keepProjection(BulkGraph graph, Path home, String dataset, String revision)
            throws IOException {
        ProjectionBuilder builder = ProjectionBuilder.everySignal();
        graph.project(builder);
        return DetectionProjection.in(home.resolve(StoreReplacement.PROJECTIONS))
                .write(dataset, revision, builder.finish(), null);
    }

    /** Runs Neo4j's batch importer (as {@code neo4j-admin database import full} does) into {@code home}. */
    private static void write(Input input, Path home) throws IOException {
        Config config = Config.newBuilder()
                .set(GraphDatabaseSettings.neo4j_home, home.toAbsolutePath())
                .build();
        StorageEngineFactory storage = StorageEngineFactory.selectStorageEngine(config);
        DatabaseLayout layout =
                storage.databaseLayout(Neo4jLayout.of(config), GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        CursorContextFactory contexts =
                new CursorContextFactory(PageCacheTracer.NULL, FixedVersionContextSupplier.EMPTY_CONTEXT_SUPPLIER);
        try (var fs = new DefaultFileSystemAbstraction();
                var scheduler = JobSchedulerFactory.createInitialisedScheduler();
                var quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)) {
            BatchImporter importer = storage.batchImporter(
                    layout,
                    fs,
                    PageCacheTracer.NULL,
                    WITH_LOOKUP_INDEXES,
                    NullLogService.getInstance(),
                    quiet,
                    false,
                    DefaultAdditionalIds.EMPTY,
                    config,
                    Monitor.NO_MONITOR,
                    scheduler,
                    Collector.STRICT,
                    TransactionLogInitializer.getLogFilesInitializer(),
                    new IndexImporterFactoryImpl(),
                    EmptyMemoryTracker.INSTANCE,
                    contexts);
            importer.doImport(input);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Neo4j's batch importer failed: " + e.getMessage(), e);
        }
    }

    /**
     * Parsing a row and gathering it into the {@link BulkGraph} cost about the same, so they run on two threads:
     * the reader's thread parses, counts and reports progress and bad rows; a {@link HandOffSink} passes the
     * records to one gathering thread that owns the graph, so they reach it in file order, as on the driver path.
     */
    private static final class GatheringSink implements RecordSink, AutoCloseable {
        private final ImportRequest request;
        private final ImportProgress progress;
        private final long totalBytes;
        private final HandOffSink gatherer;
        final BadRows badRows;
        long accounts;
        long posts;

        GatheringSink(ImportRequest request, BulkGraph graph, ImportProgress progress, long totalBytes) {
            this.request = request;
            this.progress = progress;
            this.totalBytes = totalBytes;
            this.badRows = new BadRows(request);
            this.gatherer = new HandOffSink(new Gatherer(graph), "bulk-gather");
        }

        @Override
        public void account(AccountRecord account) {
            IndexedValues.TooLarge tooLarge = IndexedValues.check(account, request.dataset());
            if (tooLarge != null) {
                badRow(IndexedValues.badRow(account, tooLarge));
                return;
            }
            accounts++;
            gatherer.account(account);
            reportProgress();
        }

        @Override
        public void post(PostRecord post) {
            IndexedValues.TooLarge tooLarge = IndexedValues.check(post, request.dataset());
            if (tooLarge != null) {
                badRow(IndexedValues.badRow(post, tooLarge));
                return;
            }
            posts++;
            gatherer.post(post);
            reportProgress();
        }

        @Override
        public void badRow(BadRow badRow) {
            badRows.add(badRow, () -> {}, "nothing was stored: a new store is written only when its import completes.");
        }

        private void reportProgress() {
            if ((accounts + posts) % 5_000 == 0) {
                long bytesRead = request.files().stream()
                        .mapToLong(f -> f.bytesRead().get())
                        .sum();
                progress.update(Math.min(bytesRead, totalBytes), totalBytes, accounts + posts, badRows.count());
            }
        }

        /** Waits for the gathering thread to take everything read; its failure, if any, is rethrown here. */
        void finish() {
            gatherer.finish();
        }

        @Override
        public void close() throws IOException {
            gatherer.close();
            badRows.close();
        }
    }

    /** Gathers records into the graph, skipping author profiles that repeat the one last gathered. */
    private static final class Gatherer implements RecordSink {
        private final BulkGraph graph;
        /** The author profile each account was last gathered with: a repeat changes nothing and is skipped. */
        private final Map<String, AccountRecord> lastProfile = new HashMap<>();

        Gatherer(BulkGraph graph) {
            this.graph = graph;
        }

        @Override
        public void account(AccountRecord account) {
            GraphShape.account(unlessRepeated(account), graph);
        }

        @Override
        public void post(PostRecord post) {
            AccountRecord author = unlessRepeated(post.author());
            GraphShape.post(author == post.author() ? post : post.withAuthor(author), graph);
        }

        @Override
        public void badRow(BadRow badRow) {
            throw new IllegalStateException("bad rows are counted on the reading thread");
        }

        /** The account, or only its id when its profile is the one it was last gathered with. */
        private AccountRecord unlessRepeated(AccountRecord account) {
            AccountRecord last = lastProfile.put(account.id(), account);
            return account.equals(last) ? AccountRecord.ofId(account.id()) : account;
        }
    }
}

package org.coordscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coordscope.graphdb.SchemaInitializer;
import org.coordscope.graphdb.StoreReplacement;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportReport;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.Imports;
import org.coordscope.ingest.SourceFormat;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.write.BulkImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import source files into a dataset. Safe to run again: nothing is duplicated.",
            "Into an empty embedded store, Neo4j's offline batch importer writes a new store aside and swaps it in"
                    + " when complete (a kill leaves the store as it was); otherwise batches go through the driver."
        })
class ImportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description =
                    "infoops (Twitter Information Operations CSV), twarc2 (API v2 JSONL), shares (CooRTweet or mapped CSV)")
    SourceFormat format;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset name (default: the first file's name)")
    String dataset;

    @Option(
            names = "--map",
            paramLabel = "MAPPING",
            description =
                    "shares only: a preset (coortweet, ira) or column mapping, e.g. account=author_id,time=publish_date,text=content")
    String mapping;

    @Option(
            names = "--max-errors",
            paramLabel = "N",
            defaultValue = "" + ImportRequest.DEFAULT_MAX_ERRORS,
            description = "Stop after more than N bad rows (default ${DEFAULT-VALUE})")
    long maxErrors;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Bad-row report (default: import-errors-DATASET.csv)")
    Path report;

    @Option(
            names = "--bulk",
            negatable = true,
            paramLabel = "",
            description = {
                "--bulk: write a new embedded store offline with Neo4j's batch importer (10x faster and more);"
                        + " the store must be empty. --no-bulk: always import through the driver.",
                "Default: bulk when the embedded store is empty, through the driver otherwise."
            })
    Boolean bulk;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files: plain, .gz or .zip")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("Cannot read " + file + ": check the path.");
            }
        }
        String name = dataset != null ? dataset : defaultDatasetName(files.get(0));
        Path reportFile = report != null ? report : Path.of("import-errors-" + name + ".csv");
        ImportRequest request = new ImportRequest(
                name, format, mapping, files.stream().map(ImportFile::of).toList(), maxErrors, reportFile);
        PrintWriter err = spec.commandLine().getErr();
        Path bulkStore;
        ImportReport result;
        try (var context = Contexts.services(store, err)) {
            Imports imports = context.getBean(Imports.class);
            if (!imports.useBulk(bulk)) {
                print(err, imports.runFromCommandLine(request, new ProgressBar(err)), "");
                return 0;
            }
            imports.checkDiskSpace(request);
            // The store stays open (and so locked) while the new one is built aside.
            bulkStore = imports.store();
            Path staging = StoreReplacement.prepareStaging(bulkStore);
            try {
                result = BulkImporter.importFiles(request, staging, new ProgressBar(err));
            } catch (Exception | Error e) {
                StoreReplacement.discardStaging(bulkStore);
                throw e;
            }
        }
        StoreReplacement.swapIn(bulkStore);
        err.println("Creating constraints and indexes…");
        long started = System.nanoTime();
        double schemaSeconds;
        try (var context = Contexts.services(store, err)) { // the schema is applied at every start
            schemaSeconds = context.getBean(SchemaInitializer.class).awaitIndexes();
            context.getBean(Imports.class).recordBulkFromCommandLine(request, result);
        }
        print(
                err,
                result,
                String.format(
                        " (bulk, into a new store; then %.1f s to open it, of which %.1f s building"
                                + " constraints and indexes)",
                        (System.nanoTime() - started) / 1e9, schemaSeconds));
        return 0;
    }

    private static void print(PrintWriter err, ImportReport result, String how) {
        err.printf(
                "Imported into dataset '%s': %,d posts, %,d account rows in %.1f s (%,.0f posts/s)%s.%n",
                result.dataset(),
                result.posts(),
                result.accounts(),
                result.millis() / 1000.0,
                result.postsPerSecond(),
                how);
        if (result.serviceMessages() > 0) {
            err.printf("%,d service messages (joins, pins, title changes) skipped.%n", result.serviceMessages());
        }
        if (result.badRows() > 0) {
            err.printf(
                    "%,d bad rows skipped; all are listed in %s. The first:%n", result.badRows(), result.reportFile());
            result.badRowSample().stream().limit(5).map(BadRow::toString).forEach(row -> err.println("  " + row));
        }
        err.flush();
    }

    static String defaultDatasetName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

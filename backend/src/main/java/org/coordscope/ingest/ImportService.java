package org.coordscope.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.coordscope.datasets.DatasetService;
import org.coordscope.detect.store.DetectionProjection;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;
import org.coordscope.ingest.read.SourceReader;
import org.coordscope.ingest.write.GraphWriter;
import org.coordscope.ingest.write.IndexedValues;
import org.coordscope.ingest.write.ProjectionTee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one import path, behind the CLI, the REST API and the demo loader: a reader per format streams canonical
 * records, which are written in batches; bad rows go to a report and never stop the good ones.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** How often, in records read, the progress is told between batches (a small file is one batch). */
    static final int PROGRESS_EVERY = 200;

    private final GraphWriter writer;
    private final DetectionProjection projection;
    private final DatasetService datasets;
    private final int batchSize;

    public ImportService(
            GraphWriter writer,
            DetectionProjection projection,
            DatasetService datasets,
            @Value("${coordscope.import.batch-size:5000}") int batchSize) {
        this.writer = writer;
        this.projection = projection;
        this.datasets = datasets;
        this.batchSize = batchSize;
    }

    /**
     * Imports the files through the driver. Into a dataset that held nothing before, the import also keeps what
     * detection reads (the dataset's projection, stamped with the revision its last batch leaves), so that the
     * first run after it does not read the posts back; into a dataset that already held data it does not (the
     * projection would have to merge with what is stored), and the first run reads the store.
     */
    public ImportReport importFiles(ImportRequest request, ImportProgress progress) throws IOException {
        long started = System.nanoTime();
        SourceReader reader = request.format().reader(request.mapping());
        long totalBytes = request.files().stream().mapToLong(ImportFile::size).sum();
        GraphWriter.Registered registered =
                writer.registerDataset(request.dataset(), request.format().id());
        String whatIsKept = registered.created()
                ? "nothing is stored: the new dataset is removed again."
                : "the good rows read so far are stored in the existing dataset; importing the fixed files again"
                        + " completes it (imports are idempotent).";
        try (ProjectionTee tee = registered.empty() && projection.enabled()
                        ? new ProjectionTee(projection.scratchFile(request.dataset()))
                        : null;
                BatchingSink sink =
                        new BatchingSink(request, progress, totalBytes, tee, registered.revision(), whatIsKept)) {
            reader.read(request.files(), sink);
            sink.flush();
            progress.update(totalBytes, totalBytes, sink.accounts + sink.posts, sink.badRows.count());
            if (tee != null) {
                String failed = projection.write(request.dataset(), sink.revision, tee.projection(), null);
                if (failed != null) {
                    log.warn("No projection of '{}' kept after its import: {}", request.dataset(), failed);
                }
            }
            return sink.badRows.report(
                    sink.accounts, sink.posts, (System.nanoTime() - started) / 1_000_000, reader.serviceMessages());
        } catch (IOException | RuntimeException e) {
            // a failed import into a new dataset leaves no dataset: nothing half-written to mistake for the data
            if (registered.created()) {
                datasets.delete(request.dataset());
            }
            throw e;
        }
    }

    private final class BatchingSink implements RecordSink, AutoCloseable {
        private final ImportRequest request;
        private final ImportProgress progress;
        private final long totalBytes;
        private final List<AccountRecord> accountBatch = new ArrayList<>();
        private final List<PostRecord> postBatch = new ArrayList<>();
        private final ProjectionTee tee;
        final BadRows badRows;
        long accounts;
        long posts;
        /** The dataset's revision after the last batch written. */
        String revision;

        private final String whatIsKept;
        private long toldAt;

        BatchingSink(
                ImportRequest request,
                ImportProgress progress,
                long totalBytes,
                ProjectionTee tee,
                String revision,
                String whatIsKept) {
            this.request = request;
            this.progress = progress;
            this.totalBytes = totalBytes;
            this.tee = tee;
            this.revision = revision;
            this.whatIsKept = whatIsKept;
            this.badRows = new BadRows(request);
        }

        @Override
        public void account(AccountRecord account) {
            IndexedValues.TooLarge tooLarge = IndexedValues.check(account, request.dataset());
            if (tooLarge != null) {
                badRow(IndexedValues.badRow(account, tooLarge));
                return;
            }
            accountBatch.add(account);
            accounts++;
            flushIfFull();
        }

        @Override
        public void post(PostRecord post) {
            IndexedValues.TooLarge tooLarge = IndexedValues.check(post, request.dataset());
            if (tooLarge != null) {
                badRow(IndexedValues.badRow(post, tooLarge));
                return;
            }
            postBatch.add(post);
            posts++;
            flushIfFull();
        }

        @Override
        public void badRow(BadRow badRow) {
            badRows.add(badRow, this::flush, whatIsKept);
        }

        private void flushIfFull() {
            if (accountBatch.size() + postBatch.size() >= batchSize) {
                flush();
            } else if (accounts + posts - toldAt >= PROGRESS_EVERY) {
                tell();
            }
        }

        /** The progress so far: bytes read of the files, records read (written or waiting in the batch). */
        private void tell() {
            toldAt = accounts + posts;
            long bytesRead =
                    request.files().stream().mapToLong(f -> f.bytesRead().get()).sum();
            progress.update(Math.min(bytesRead, totalBytes), totalBytes, accounts + posts, badRows.count());
        }

        void flush() {
            if (accountBatch.isEmpty() && postBatch.isEmpty()) {
                return;
            }
            revision = writer.write(request.dataset(), request.format().platform(), accountBatch, postBatch);
            if (tee != null) {
                tee.batch(accountBatch, postBatch);
            }
            accountBatch.clear();
            postBatch.clear();
            tell();
        }

        @Override
        public void close() throws IOException {
            badRows.close();
        }
    }
}

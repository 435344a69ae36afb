package org.coordscope.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;
import org.coordscope.ingest.read.SourceReader;
import org.coordscope.ingest.write.GraphWriter;
import org.coordscope.ingest.write.IndexedValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one import path, behind the CLI, the REST API and the demo loader: a reader per format streams canonical
 * records, which are written in batches; bad rows go to a report and never stop the good ones.
 */
@Service
public class ImportService {

    private final GraphWriter writer;
    private final int batchSize;

    public ImportService(GraphWriter writer, @Value("${coordscope.import.batch-size:5000}") int batchSize) {
        this.writer = writer;
        this.batchSize = batchSize;
    }

    public ImportReport importFiles(ImportRequest request, ImportProgress progress) throws IOException {
        long started = System.nanoTime();
        SourceReader reader = request.format().reader(request.mapping());
        long totalBytes = request.files().stream().mapToLong(ImportFile::size).sum();
        writer.registerDataset(request.dataset(), request.format().id());
        try (BatchingSink sink = new BatchingSink(request, progress, totalBytes)) {
            reader.read(request.files(), sink);
            sink.flush();
            progress.update(totalBytes, totalBytes, sink.accounts + sink.posts, sink.badRows.count());
            return sink.badRows.report(
                    sink.accounts, sink.posts, (System.nanoTime() - started) / 1_000_000, reader.serviceMessages());
        }
    }

    private final class BatchingSink implements RecordSink, AutoCloseable {
        private final ImportRequest request;
        private final ImportProgress progress;
        private final long totalBytes;
        private final List<AccountRecord> accountBatch = new ArrayList<>();
        private final List<PostRecord> postBatch = new ArrayList<>();
        final BadRows badRows;
        long accounts;
        long posts;

        BatchingSink(ImportRequest request, ImportProgress progress, long totalBytes) {
            this.request = request;
            this.progress = progress;
            this.totalBytes = totalBytes;
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
            badRows.add(badRow, this::flush, "the good rows read so far are stored.");
        }

        private void flushIfFull() {
            if (accountBatch.size() + postBatch.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (accountBatch.isEmpty() && postBatch.isEmpty()) {
                return;
            }
            writer.write(request.dataset(), request.format().platform(), accountBatch, postBatch);
            accountBatch.clear();
            postBatch.clear();
            long bytesRead =
                    request.files().stream().mapToLong(f -> f.bytesRead().get()).sum();
            progress.update(Math.min(bytesRead, totalBytes), totalBytes, accounts + posts, badRows.count());
        }

        @Override
        public void close() throws IOException {
            badRows.close();
        }
    }
}

package org.coordscope.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one import path, behind the CLI, the REST API and the demo loader: a reader per format streams canonical
 * records, which are written in batches; bad rows go to a report and never stop the good ones.
 */
@Service
public class ImportService {

    static final int BAD_ROW_SAMPLE = 100;

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
            progress.update(totalBytes, totalBytes, sink.accounts + sink.posts, sink.badRows);
            return new ImportReport(request.dataset(), sink.accounts, sink.posts, sink.badRows,
                    List.copyOf(sink.sample), sink.report == null ? null : request.reportFile(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private final class BatchingSink implements RecordSink, AutoCloseable {
        private final ImportRequest request;
        private final ImportProgress progress;
        private final long totalBytes;
        private final List<AccountRecord> accountBatch = new ArrayList<>();
        private final List<PostRecord> postBatch = new ArrayList<>();
        private final List<BadRow> sample = new ArrayList<>();
        private CSVPrinter report;
        long accounts;
        long posts;
        long badRows;

        BatchingSink(ImportRequest request, ImportProgress progress, long totalBytes) {
            this.request = request;
            this.progress = progress;
            this.totalBytes = totalBytes;
        }

        @Override
        public void account(AccountRecord account) {
            accountBatch.add(account);
            accounts++;
            flushIfFull();
        }

        @Override
        public void post(PostRecord post) {
            postBatch.add(post);
            posts++;
            flushIfFull();
        }

        @Override
        public void badRow(BadRow badRow) {
            badRows++;
            if (sample.size() < BAD_ROW_SAMPLE) {
                sample.add(badRow);
            }
            try {
                if (report == null) {
                    Files.createDirectories(request.reportFile().toAbsolutePath().getParent());
                    Writer out = Files.newBufferedWriter(request.reportFile(), StandardCharsets.UTF_8);
                    report = CSVFormat.DEFAULT.builder().setHeader("file", "line", "field", "reason").get().print(out);
                }
                report.printRecord(badRow.file(), badRow.line(), badRow.field(), badRow.reason());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the bad-row report " + request.reportFile(), e);
            }
            if (badRows > request.maxErrors()) {
                flush();
                throw new ImportException("Stopped after " + badRows + " bad rows (more than --max-errors "
                        + request.maxErrors() + "). Is --format " + request.format().id()
                        + " right for these files? The rows are listed in " + request.reportFile()
                        + "; the good rows read so far are stored.");
            }
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
            writer.write(request.dataset(), accountBatch, postBatch);
            accountBatch.clear();
            postBatch.clear();
            long bytesRead = request.files().stream().mapToLong(f -> f.bytesRead().get()).sum();
            progress.update(Math.min(bytesRead, totalBytes), totalBytes, accounts + posts, badRows);
        }

        @Override
        public void close() throws IOException {
            if (report != null) {
                report.close();
            }
        }
    }
}

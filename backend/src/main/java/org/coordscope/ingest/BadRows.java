package org.coordscope.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.web.SpreadsheetSafe;

/**
 * The bad rows of one import: every one in the report file (file, line, field, reason), the first
 * {@link #SAMPLE} kept for the summary, and a stop once there are more than {@code --max-errors}.
 */
public final class BadRows implements Closeable {

    static final int SAMPLE = 100;

    private final ImportRequest request;
    private final List<BadRow> sample = new ArrayList<>();
    private CSVPrinter report;
    private long count;

    public BadRows(ImportRequest request) {
        this.request = request;
    }

    /**
     * Records a bad row; throws {@link ImportException} once there are too many, after {@code beforeStop} ran.
     *
     * @param whatIsKept what the store holds after such a stop, for the message
     */
    public void add(BadRow badRow, Runnable beforeStop, String whatIsKept) {
        count++;
        if (sample.size() < SAMPLE) {
            sample.add(badRow);
        }
        try {
            if (report == null) {
                Files.createDirectories(request.reportFile().toAbsolutePath().getParent());
                Writer out = Files.newBufferedWriter(request.reportFile(), StandardCharsets.UTF_8);
                report = CSVFormat.DEFAULT
                        .builder()
                        .setHeader("file", "line", "field", "reason")
                        .get()
                        .print(out);
            }
            report.printRecord(
                    badRow.file(),
                    badRow.line(),
                    SpreadsheetSafe.text(badRow.field()),
                    SpreadsheetSafe.text(badRow.reason()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bad-row report " + request.reportFile(), e);
        }
        if (count > request.maxErrors()) {
            beforeStop.run();
            throw new ImportException("Stopped after " + count + " bad rows (more than --max-errors "
                    + request.maxErrors() + "). Is --format " + request.format().id()
                    + " right for these files? The rows are listed in " + request.reportFile() + "; " + whatIsKept);
        }
    }

    public long count() {
        return count;
    }

    public ImportReport report(long accounts, long posts, long millis, long serviceMessages) {
        return new ImportReport(
                request.dataset(),
                accounts,
                posts,
                count,
                List.copyOf(sample),
                report == null ? null : request.reportFile(),
                millis,
                serviceMessages);
    }

    @Override
    public void close() throws IOException {
        if (report != null) {
            report.close();
        }
    }
}

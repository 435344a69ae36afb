package org.coordscope.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * A CSV file written with Commons CSV (RFC 4180, minimal quoting, {@code \n} line ends, UTF-8). Each record is
 * formatted by {@link CSVFormat#printRecord(Appendable, Object...)} into a fresh builder and encoded on its
 * own: {@link org.apache.commons.csv.CSVPrinter} takes a lock for every value, a
 * {@link java.io.BufferedWriter} one for every run of characters, and a long-lived buffer turns UTF-16 at
 * its first emoji; avoiding the three more than halves the cost of writing.
 */
final class CsvOut implements AutoCloseable {

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final OutputStream out;

    CsvOut(Path file, List<String> header) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        print(header.toArray());
    }

    void print(Object... values) throws IOException {
        StringBuilder record = new StringBuilder(512);
        FORMAT.printRecord(record, values);
        out.write(record.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package org.coordscope.ingest.read;

import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.RecordSink;

/**
 * Streams the rows of one CSV part (RFC 4180: comma, double quotes, quoted fields may span lines) with the
 * physical line each row starts on, so a bad-row report points where an editor shows it (header = line 1).
 *
 * <p>The first record is the header; names are trimmed and a UTF-8 byte-order mark is dropped. Blank lines are
 * skipped. Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}, inside quotes too, as Commons CSV counts. A syntax error Commons CSV cannot get past (an unterminated quote) or a record longer than
 * {@link #MAX_RECORD_CHARS} ends the part with one {@link BadRow}: everything after it would be guesswork,
 * and a stray quote must not pull the rest of a multi-gigabyte file into one field in memory.
 */
final class CsvRows implements Closeable {

    /** Longer than any real tweet or profile by far; beyond it a record is an unterminated quote. */
    static final int MAX_RECORD_CHARS = 16 << 20;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            // Blank lines must come through as records: the parser's line counter is what dates each row.
            .setIgnoreEmptyLines(false)
            // "abc"x is read as abcx instead of failing the whole rest of the file.
            .setTrailingData(true)
            .get();

    /** One data row: its physical start line and its values. */
    record Row(long line, CSVRecord values) {
        int size() {
            return values.size();
        }

        String get(int index) {
            return values.get(index);
        }
    }

    private final String part;
    private final GuardedReader guarded;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> indexIgnoringCase = new HashMap<>();
    private boolean ended;

    private CsvRows(String part, Reader text) throws IOException {
        this.part = part;
        this.guarded = new GuardedReader(withoutByteOrderMark(text));
        this.parser = CSVParser.builder().setReader(guarded).setFormat(FORMAT).get();
        this.records = parser.iterator();
        List<String> names = new ArrayList<>();
        CSVRecord first = nextRecord();
        if (first != null) {
            for (String name : first) {
                names.add(name.trim());
            }
        }
        this.header = Collections.unmodifiableList(names);
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i), i);
            // A name that occurs twice ignoring case is ambiguous: -1 marks it so lookups fall back to "absent".
            indexIgnoringCase.merge(names.get(i).toLowerCase(Locale.ROOT), i, (a, b) -> -1);
        }
    }

    /**
     * Drops a UTF-8 byte-order mark (Excel writes one) before the parser sees it: otherwise it would stand before
     * the opening quote of a quoted first column name and make the quotes part of the name.
     */
    private static Reader withoutByteOrderMark(Reader text) throws IOException {
        PushbackReader in = new PushbackReader(text, 1);
        int first = in.read();
        if (first >= 0 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    /**
     * Opens a part and reads its header.
     *
     * @throws ImportException when the part has no header line at all
     */
    static CsvRows open(String part, Reader text) throws IOException {
        CsvRows rows = new CsvRows(part, text);
        if (rows.header.isEmpty()
                || rows.header.size() == 1 && rows.header.get(0).isEmpty()) {
            rows.close();
            throw new ImportException(
                    part + ": the file is empty (no header line); check that it is the file you meant");
        }
        return rows;
    }

    String part() {
        return part;
    }

    List<String> header() {
        return header;
    }

    /** The index of a column: exact name first, else the only column equal to it ignoring case; -1 if none. */
    int column(String name) {
        Integer exact = index.get(name);
        if (exact != null) {
            return exact;
        }
        Integer loose = indexIgnoringCase.get(name.trim().toLowerCase(Locale.ROOT));
        return loose == null ? -1 : loose;
    }

    /**
     * The next data row, or null at the end of the part. A row whose value count differs from the header's is
     * returned as is: the caller reports it, naming what it expected.
     */
    Row next(RecordSink sink) throws IOException {
        while (!ended) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                record = nextRecord();
            } catch (UnreadableRecord e) {
                ended = true;
                sink.badRow(new BadRow(part, line, null, e.getMessage()));
                return null;
            }
            if (record == null) {
                ended = true;
                return null;
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            return new Row(line, record);
        }
        return null;
    }

    /** The physical line count so far: after the last row, the line the part ends on. */
    long linesRead() {
        return parser.getCurrentLineNumber();
    }

    private CSVRecord nextRecord() throws IOException {
        guarded.charsSinceReset = 0;
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof RecordTooLong) {
                    throw new UnreadableRecord("a record longer than " + (MAX_RECORD_CHARS >> 20)
                            + " Mi characters, most likely an unterminated quote; the rest of this file was skipped");
                }
                if (t instanceof CSVException) {
                    throw new UnreadableRecord("CSV syntax the parser cannot get past (" + t.getMessage()
                            + "); the rest of this file was skipped");
                }
            }
            // A real I/O failure (truncated archive, disk error): not a row problem.
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Ends a part: the row that follows cannot be found. */
    private static final class UnreadableRecord extends IOException {
        UnreadableRecord(String message) {
            super(message);
        }
    }

    private static final class RecordTooLong extends IOException {
        RecordTooLong() {
            super("record too long");
        }
    }

    /**
     * Counts characters handed to the parser since the last record began and stops at
     * {@link #MAX_RECORD_CHARS}; the parser reads ahead a buffer, so the limit is approximate.
     */
    private static final class GuardedReader extends FilterReader {
        long charsSinceReset;

        GuardedReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && ++charsSinceReset > MAX_RECORD_CHARS) {
                throw new RecordTooLong();
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (charsSinceReset += n) > MAX_RECORD_CHARS) {
                throw new RecordTooLong();
            }
            return n;
        }
    }
}

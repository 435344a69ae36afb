package org.coordscope.web;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the project writes a CSV for people (suspects, audit.csv): every text cell a spreadsheet would run as a
 * formula ("CSV injection", OWASP) gets a leading single quote, ids included, so {@code =HYPERLINK(…)} is shown,
 * never evaluated. The rule: a text cell starting with {@code = + - @}, a tab, a carriage return or a single quote is
 * written with one more {@code '} in front; nothing else changes. It is reversible: {@link #original(String)} drops
 * one leading quote, giving back the exact value (an id {@code +Ab/cd==} is written {@code '+Ab/cd==}). Numbers pass
 * as they are (they carry no formula). The JSON exports are not escaped.
 */
public final class SpreadsheetSafe implements Flushable, Closeable {

    private final CSVPrinter printer;

    private SpreadsheetSafe(CSVPrinter printer) {
        this.printer = printer;
    }

    /** A CSV writer (RFC 4180 quoting, CRLF rows) over {@code out} whose first row is {@code header}. */
    public static SpreadsheetSafe csv(Appendable out, List<String> header) throws IOException {
        return new SpreadsheetSafe(CSVFormat.DEFAULT
                .builder()
                .setHeader(header.toArray(String[]::new))
                .get()
                .print(out));
    }

    /** One row; text cells are made {@linkplain #text safe}, null is an empty cell. */
    public void row(Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cells[i] instanceof CharSequence s ? text(s.toString()) : cells[i];
        }
        printer.printRecord(safe);
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }

    /** A text cell as written: one {@code '} in front when it starts with {@code = + - @ \t \r '}. */
    public static String text(String text) {
        return needsQuote(text) ? "'" + text : text;
    }

    /** What {@link #text} was given, from what it wrote: one leading {@code '} dropped when there is one. */
    public static String original(String written) {
        return written != null && written.startsWith("'") ? written.substring(1) : written;
    }

    private static boolean needsQuote(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
    }
}

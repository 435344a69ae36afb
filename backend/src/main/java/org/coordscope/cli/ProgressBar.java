package org.coordscope.cli;

import java.io.PrintWriter;
import org.coordscope.ingest.ImportProgress;

/** A one-line progress bar on stderr: percent of bytes read, records, records/s and ETA. */
final class ProgressBar implements ImportProgress {

    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final long started = System.nanoTime();
    private long lastPrint;

    ProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void update(long bytesRead, long totalBytes, long records, long badRows) {
        long now = System.nanoTime();
        boolean done = totalBytes > 0 && bytesRead >= totalBytes;
        if (!done && now - lastPrint < 200_000_000L) {
            return;
        }
        lastPrint = now;
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double fraction = totalBytes == 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = fraction <= 0 || done ? "" : " ETA " + duration(seconds / fraction - seconds);
        out.printf(
                "\r[%s%s] %3.0f%% %,d records %,.0f/s%s%s   ",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                fraction * 100,
                records,
                records / seconds,
                badRows > 0 ? String.format(", %,d bad rows", badRows) : "",
                eta);
        if (done) {
            out.println();
        }
        out.flush();
    }

    @Override
    public void stage(String description) {
        out.println(description);
        out.flush();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}

package org.coordscope.ingest;

import java.nio.file.Path;
import java.util.List;
import org.coordscope.ingest.model.BadRow;

/**
 * What an import did.
 *
 * @param badRowSample the first bad rows (at most {@link BadRows#SAMPLE}); all are in {@code reportFile}
 * @param reportFile   the full bad-row report, or null when every row was good
 * @param serviceMessages messages skipped as service messages (Telegram's joins, pins, title changes), not bad
 */
public record ImportReport(
        String dataset,
        long accounts,
        long posts,
        long badRows,
        List<BadRow> badRowSample,
        Path reportFile,
        long millis,
        long serviceMessages) {

    public double postsPerSecond() {
        return millis == 0 ? 0 : posts * 1000.0 / millis;
    }
}

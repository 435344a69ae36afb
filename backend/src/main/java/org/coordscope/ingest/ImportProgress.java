package org.coordscope.ingest;

/** Told after every written batch, and once at the end. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (bytesRead, totalBytes, records, badRows) -> { };

    void update(long bytesRead, long totalBytes, long records, long badRows);
}

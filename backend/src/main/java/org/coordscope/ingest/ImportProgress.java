package org.coordscope.ingest;

/** Told after every written batch (or every few thousand records read), and once at the end. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (bytesRead, totalBytes, records, badRows) -> {};

    void update(long bytesRead, long totalBytes, long records, long badRows);

    /** A new stage of work begins, one that reports no progress of its own (the bulk path's store writing). */
    default void stage(String description) {}
}

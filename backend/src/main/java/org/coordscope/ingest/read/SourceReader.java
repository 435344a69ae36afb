package org.coordscope.ingest.read;

import java.io.IOException;
import java.util.List;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.model.RecordSink;

/**
 * Reads the files of one source format and pushes canonical records into a sink. A reader never throws on a
 * bad row: it reports it with {@link RecordSink#badRow} and goes on. It throws {@link ImportException} for a
 * file it cannot read at all (unknown header, unreadable archive), naming the file.
 */
public interface SourceReader {

    void read(List<ImportFile> files, RecordSink sink) throws IOException;

    /** Service messages (joins, pins, title changes) skipped so far: messaging formats have them, the others none. */
    default long serviceMessages() {
        return 0;
    }
}

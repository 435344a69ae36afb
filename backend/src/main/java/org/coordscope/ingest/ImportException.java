package org.coordscope.ingest;

import org.coordscope.web.BadRequestException;

/** An import that cannot go on (a file of the wrong kind, too many bad rows); the message says what to do. */
public class ImportException extends BadRequestException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}

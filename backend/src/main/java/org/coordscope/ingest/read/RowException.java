package org.coordscope.ingest.read;

import org.coordscope.ingest.model.BadRow;

/**
 * Why one row cannot be loaded: thrown while a reader converts a row, caught by the same reader and turned into a
 * {@link BadRow}. Carries no stack trace, as a file may hold many bad rows and the trace says nothing a user needs.
 */
final class RowException extends Exception {

    private final String field;

    RowException(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    /** The column (or JSON path) at fault, or null when the row as a whole is. */
    String field() {
        return field;
    }

    BadRow toBadRow(String file, long line) {
        return new BadRow(file, line, field, getMessage());
    }
}

package org.coordscope.ingest.model;

/** A row that could not be loaded, with enough to find and fix it: file, line, field and why. */
public record BadRow(String file, long line, String field, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + (field == null ? "" : " [" + field + "]") + ": " + reason;
    }
}

package org.coordscope.ingest;

/** Placeholder until the readers land. */
public enum SourceFormat {
    infoops, twarc2, shares;

    public SourceReader reader(String mapSpec) {
        throw new UnsupportedOperationException("reader for " + name());
    }

    public String description() {
        return name();
    }
}

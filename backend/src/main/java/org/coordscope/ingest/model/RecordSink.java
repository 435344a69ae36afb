package org.coordscope.ingest.model;

import org.coordscope.ingest.read.SourceReader;

/** Where a {@link SourceReader} pushes what it reads. Calls come from the reading thread, in file order. */
public interface RecordSink {

    /** An account described on its own (a users file). */
    void account(AccountRecord account);

    /** A post; its author's profile fields, when present, travel in {@link PostRecord#author()}. */
    void post(PostRecord post);

    /** A row that was skipped; reading goes on. */
    void badRow(BadRow badRow);
}

package org.coordscope.graphdb;

import java.nio.file.Path;

/** The store directory is held by another process, most likely a running CoordScope server. */
public class StoreInUseException extends RuntimeException {

    public StoreInUseException(Path store, Throwable cause) {
        super(
                "The store " + store + " is in use by another process (a running CoordScope server?). "
                        + "Stop that server first, or point this command at another store with --store DIR, "
                        + "or at the running database with NEO4J_URI.",
                cause);
    }
}

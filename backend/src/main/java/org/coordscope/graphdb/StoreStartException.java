package org.coordscope.graphdb;

import java.nio.file.Path;

/**
 * The embedded server cannot start for a reason the user can fix. The message says what is wrong and what to do;
 * the CLI prints it, and {@code serve} prints it instead of a stack trace ({@link StoreStartFailureAnalyzer}).
 */
public class StoreStartException extends RuntimeException {

    private final String problem;
    private final String action;

    private StoreStartException(String problem, String action, Throwable cause) {
        super(problem + " " + action, cause);
        this.problem = problem;
        this.action = action;
    }

    /** The store directory is held by another process, most likely a running CoordScope server. */
    static StoreStartException inUse(Path store, Throwable cause) {
        return new StoreStartException(
                "The store " + store + " is in use by another process (a running CoordScope server?).",
                "Stop that server first, or point this command at another store with --store DIR, "
                        + "or at the running database with NEO4J_URI.",
                cause);
    }

    /** The Bolt port is taken, most likely by another CoordScope or Neo4j server. */
    static StoreStartException boltPortInUse(int port, Throwable cause) {
        return new StoreStartException(
                "Bolt port " + port + " is in use by another program (another CoordScope or Neo4j server?).",
                "Stop the other server, or start with --coordscope.neo4j.bolt-port=PORT (0 picks a free one).",
                cause);
    }

    /** Too little free space on the store's disk for Neo4j to open the store. */
    static StoreStartException diskSpace(Path store, long freeBytes, long neededBytes, Throwable cause) {
        return new StoreStartException(
                "Only " + megabytes(freeBytes) + " is free on the disk that holds the store " + store
                        + "; Neo4j needs about " + megabytes(neededBytes) + " there to open a store (it sets aside a "
                        + megabytes(EmbeddedNeo4j.TRANSACTION_LOG) + " transaction log for each of its two"
                        + " databases).",
                "Free space on that disk (df -h " + store + "), or use a store on another disk with --store DIR.",
                cause);
    }

    /** The graph database did not start, for a reason Neo4j's log holds. */
    static StoreStartException notStarted(Path store, Throwable cause) {
        return new StoreStartException(
                "The graph database in " + store + " did not start.",
                "Its reason is in " + store.resolve("logs").resolve("debug.log") + "; check it, and the free space on"
                        + " that disk.",
                cause);
    }

    String problem() {
        return problem;
    }

    String action() {
        return action;
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }
}

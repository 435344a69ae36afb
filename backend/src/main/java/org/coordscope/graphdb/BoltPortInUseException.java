package org.coordscope.graphdb;

/** The embedded server's Bolt port is taken, most likely by another CoordScope or Neo4j server. */
public class BoltPortInUseException extends RuntimeException {

    public BoltPortInUseException(int port, Throwable cause) {
        super(
                "Bolt port " + port + " is in use by another program (another CoordScope or Neo4j server?). "
                        + "Start with --coordscope.neo4j.bolt-port=PORT (0 picks a free one).",
                cause);
    }
}

package org.coordscope.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --store DIR}, taken by every verb that touches the graph. */
public class StoreOptions {

    @Option(names = "--store", paramLabel = "DIR",
            description = "Directory of the embedded Neo4j store (default: ./data). Ignored when NEO4J_URI is set.")
    Path store;

    /** Spring properties carrying these options. */
    String[] properties() {
        return store == null ? new String[0]
                : new String[] {"coordscope.neo4j.store=" + store.toAbsolutePath().normalize()};
    }
}

package org.coordscope.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --store DIR}, taken by every verb that touches the graph. */
public class StoreOptions {

    /** application.properties' {@code coordscope.neo4j.store}. */
    private static final Path DEFAULT_STORE = Path.of("data");

    @Option(
            names = "--store",
            paramLabel = "DIR",
            description = "Directory of the embedded Neo4j store (default: ./data). Ignored when NEO4J_URI is set.")
    Path store;

    /** Spring properties carrying these options. */
    String[] properties() {
        return store == null
                ? new String[0]
                : new String[] {
                    "coordscope.neo4j.store=" + store.toAbsolutePath().normalize()
                };
    }

    /** What a verb says while the store opens. */
    String opening() {
        String uri = System.getenv("NEO4J_URI");
        if (uri != null && !uri.isBlank()) {
            return "Connecting to Neo4j at " + uri + " …";
        }
        return "Opening the store "
                + (store != null ? store : DEFAULT_STORE).toAbsolutePath().normalize() + " …";
    }
}

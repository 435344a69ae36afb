package org.coordscope.graphdb;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the graph lives. With no {@code uri}, an embedded Neo4j is started on {@code store}, its Bolt
 * connector on localhost:{@code boltPort} (0 = a free port); with a {@code uri}
 * ({@code bolt://}, {@code neo4j://}, {@code neo4j+s://}), that server is used and nothing is embedded.
 */
@ConfigurationProperties("coordscope.neo4j")
public record Neo4jSettings(String uri, String username, String password, Path store, int boltPort, String pageCache) {

    public Neo4jSettings {
        store = (store == null ? Path.of("data") : store).toAbsolutePath().normalize();
    }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}

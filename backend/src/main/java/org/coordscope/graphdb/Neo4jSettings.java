package org.coordscope.graphdb;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the graph lives. With no {@code uri}, an embedded Neo4j is started on {@code store}, its Bolt
 * connector on localhost:{@code boltPort} (0 = a free port); with a {@code uri}
 * ({@code bolt://}, {@code neo4j://}, {@code neo4j+s://}), that server is used and nothing is embedded.
 * {@code transactionMemoryMax} caps what one transaction of the embedded server may hold (Neo4j's
 * {@code db.memory.transaction.max}): a size such as {@code 512m}; blank means half the JVM's maximum heap, {@code 0}
 * no cap. A query over the cap is stopped with an error instead of taking the server's memory.
 * {@code maxRetryTime}: how long the driver retries a transaction that failed for a passing reason (a lock, a server
 * not reachable), 30 s by default as in the driver; while the database is down, a request waits that long before it
 * answers 503.
 */
@ConfigurationProperties("coordscope.neo4j")
public record Neo4jSettings(
        String uri,
        String username,
        String password,
        Path store,
        int boltPort,
        String pageCache,
        String transactionMemoryMax,
        Duration maxRetryTime) {

    public Neo4jSettings {
        store = (store == null ? Path.of("data") : store).toAbsolutePath().normalize();
        maxRetryTime = maxRetryTime == null ? Duration.ofSeconds(30) : maxRetryTime;
    }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}

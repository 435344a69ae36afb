package org.coordscope.graphdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema.cypher} (constraints and indexes, all {@code IF NOT EXISTS}) before anything reads or
 * writes. Only the statements whose constraint or index name the store lacks are sent: on a store that has them all
 * (every start but the first) that is one query instead of one round trip and schema transaction per statement, which
 * took seconds of every verb's start-up. {@code IF NOT EXISTS} is by name too, so the outcome is the same.
 */
@Component
public class SchemaInitializer {

    static final String SCHEMA = "cypher/schema.cypher";

    private static final Pattern NAMED =
            Pattern.compile("CREATE\\s+(?:\\w+\\s+)?(?:CONSTRAINT|INDEX)\\s+(\\w+)\\s+IF\\s+NOT\\s+EXISTS\\b");

    private final Driver driver;
    /** How long applying the schema statements took at this start. */
    private final long appliedNanos;

    public SchemaInitializer(Driver driver) throws IOException {
        this.driver = driver;
        driver.verifyConnectivity();
        long started = System.nanoTime();
        try (var session = driver.session()) {
            Set<String> existing = new HashSet<>();
            for (String show : List.of("SHOW INDEXES YIELD name", "SHOW CONSTRAINTS YIELD name")) {
                existing.addAll(session.run(show).list(r -> r.get("name").asString()));
            }
            for (String statement : statements()) {
                if (!existing.contains(name(statement))) {
                    session.run(statement).consume();
                }
            }
        }
        appliedNanos = System.nanoTime() - started;
    }

    /**
     * Waits until every index is online (a new bulk-imported store builds them at its first start).
     *
     * @return the seconds spent on the schema at this start: creating constraints (which build their indexes
     *         before they return) and indexes, and this wait
     */
    public double awaitIndexes() {
        long started = System.nanoTime();
        try (var session = driver.session()) {
            session.run("CALL db.awaitIndexes(3600)").consume();
        }
        return (appliedNanos + System.nanoTime() - started) / 1e9;
    }

    /** The constraint or index a statement creates ({@code CREATE [kind] CONSTRAINT|INDEX name IF NOT EXISTS …}). */
    static String name(String statement) {
        Matcher m = NAMED.matcher(statement);
        if (!m.lookingAt()) {
            throw new IllegalStateException(SCHEMA + ": every statement must name what it creates: " + statement);
        }
        return m.group(1);
    }

    static List<String> statements() throws IOException {
        try (InputStream in = new ClassPathResource(SCHEMA).getInputStream()) {
            String withoutComments = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(withoutComments.split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }
}

package org.coordscope.graphdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Applies {@code cypher/schema.cypher} (constraints and indexes, all {@code IF NOT EXISTS}) before anything reads or writes. */
@Component
public class SchemaInitializer {

    static final String SCHEMA = "cypher/schema.cypher";

    private final Driver driver;
    /** How long applying the schema statements took at this start. */
    private final long appliedNanos;

    public SchemaInitializer(Driver driver) throws IOException {
        this.driver = driver;
        driver.verifyConnectivity();
        long started = System.nanoTime();
        try (var session = driver.session()) {
            for (String statement : statements()) {
                session.run(statement).consume();
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

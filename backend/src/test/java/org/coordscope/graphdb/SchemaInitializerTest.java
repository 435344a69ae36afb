package org.coordscope.graphdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

class SchemaInitializerTest {

    @TempDir
    Path store;

    @Test
    void everyStatementIsNamedAndWhatAStoreLacksIsCreatedAgain() throws Exception {
        List<String> names = SchemaInitializer.statements().stream()
                .map(SchemaInitializer::name)
                .toList();
        assertThat(names).doesNotHaveDuplicates().contains("dataset_name", "account_names", "audit_entry_at");

        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(store, 0, "32m", "");
                Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken())) {
            new SchemaInitializer(driver).awaitIndexes();
            assertThat(schemaNames(driver)).containsAll(names);

            try (var session = driver.session()) {
                session.run("DROP CONSTRAINT tweet_id").consume();
                session.run("DROP INDEX account_names").consume();
            }
            assertThat(schemaNames(driver)).doesNotContain("tweet_id", "account_names");

            new SchemaInitializer(driver).awaitIndexes();
            assertThat(schemaNames(driver)).containsAll(names);
        }
    }

    @Test
    void aStatementThatNamesNothingIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SchemaInitializer.name("CREATE INDEX FOR (a:Account) ON (a.lang)"))
                .hasMessageContaining("must name what it creates");
    }

    private static List<String> schemaNames(Driver driver) {
        try (var session = driver.session()) {
            List<String> all = new java.util.ArrayList<>(session.run("SHOW INDEXES YIELD name")
                    .list(r -> r.get("name").asString()));
            all.addAll(session.run("SHOW CONSTRAINTS YIELD name")
                    .list(r -> r.get("name").asString()));
            return all;
        }
    }
}

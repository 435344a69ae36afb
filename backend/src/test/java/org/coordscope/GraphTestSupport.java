package org.coordscope;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/** Wipes the database before each test and offers one-line count queries through the driver. */
public abstract class GraphTestSupport {

    @Autowired
    protected Driver driver;

    @BeforeEach
    void wipe() {
        wipe(driver);
    }

    /** Removes everything but the server's users. */
    public static void wipe(Driver driver) {
        try (var session = driver.session()) {
            // the server's users stay: ApiTestSupport signs in as the admin the first start created
            session.run("MATCH (n) WHERE NOT n:User CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
    }

    protected long count(String cypher) {
        return count(cypher, Map.of());
    }

    protected long count(String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(
                    tx -> tx.run(cypher, params).single().get(0).asLong());
        }
    }
}

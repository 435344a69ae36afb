package org.coordscope.graphdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.SecurityException;

/**
 * Issue 19, finding 1: a local user reached the embedded Bolt port with no password and wrote an admin {@code :User}.
 * Bolt now refuses a connection without the store's password.
 */
class EmbeddedNeo4jAuthTest {

    @TempDir
    Path temp;

    @Test
    void boltRefusesNoPasswordAndAWrongOneAndAcceptsTheStoresPassword() {
        Path store = temp.resolve("store");
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(store, 0, "32m", "")) {
            assertRefused(server.boltUri(), AuthTokens.none());
            assertRefused(server.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, "neo4j"));
            assertRefused(
                    server.boltUri(),
                    AuthTokens.basic(EmbeddedNeo4j.USER, "wrong-" + BoltPassword.readOrCreate(store)));
            assertThat(countNodes(server.boltUri(), server.authToken())).isZero();
        }
    }

    @Test
    void thePasswordFileAndTheStoreAreReadableByTheOwnerOnly() throws Exception {
        Path store = temp.resolve("store");
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(store, 0, "32m", "")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.resolve(BoltPassword.FILE))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store)))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aStoreReopenedKeepsItsPasswordAndOneWithoutAPasswordFileGetsANewOne() {
        Path store = temp.resolve("store");
        String first;
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(store, 0, "32m", "")) {
            first = BoltPassword.readOrCreate(store);
            try (Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken())) {
                driver.executableQuery("CREATE (:Probe)").execute();
            }
        }
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(store, 0, "32m", "")) {
            assertThat(BoltPassword.readOrCreate(store)).isEqualTo(first);
            assertThat(countNodes(server.boltUri(), server.authToken())).isEqualTo(1);
        }
        // a store from before Bolt had a password, or whose file was deleted: a new password is made and set
        assertThat(store.resolve(BoltPassword.FILE).toFile().delete()).isTrue();
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(store, 0, "32m", "")) {
            String second = BoltPassword.readOrCreate(store);
            assertThat(second).isNotEqualTo(first);
            assertRefused(server.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, first));
            assertThat(countNodes(server.boltUri(), server.authToken())).isEqualTo(1);
        }
    }

    private static long countNodes(String uri, AuthToken auth) {
        try (Driver driver = GraphDatabase.driver(uri, auth)) {
            return driver.executableQuery("MATCH (n) RETURN count(n) AS n")
                    .execute()
                    .records()
                    .get(0)
                    .get("n")
                    .asLong();
        }
    }

    private static void assertRefused(String uri, AuthToken auth) {
        try (Driver driver = GraphDatabase.driver(uri, auth)) {
            assertThatThrownBy(driver::verifyConnectivity)
                    .isInstanceOfAny(AuthenticationException.class, SecurityException.class);
        }
    }
}

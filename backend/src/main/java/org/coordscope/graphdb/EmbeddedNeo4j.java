package org.coordscope.graphdb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j Community server started in this process, reachable only over Bolt on localhost. The features
 * talk to it through the driver exactly as to an external server; nothing else uses this class.
 *
 * <p>Bolt asks for a password, because any local user can reach a localhost port: the user {@value #USER} gets the
 * password kept in {@link BoltPassword}'s file inside the store (created on the first start, also for a store made
 * before this file existed), and the store's directory is made readable by its owner only.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /**
     * What Neo4j sets aside for each database's transaction log ({@code db.tx_log.rotation.size}, preallocated): a
     * new store's two databases (system and neo4j) need twice this free, or the second does not start.
     */
    static final long TRANSACTION_LOG = GraphDatabaseSettings.logical_log_rotation_threshold.defaultValue();

    /** The free space a new store needs: both transaction logs and a margin for the store files. */
    public static final long NEW_STORE_SPACE = 2 * TRANSACTION_LOG + (64L << 20);

    /** Neo4j Community's one user; its password is replaced by the generated one on every start. */
    static final String USER = "neo4j";

    private final DatabaseManagementService dbms;
    private final int boltPort;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService dbms, int boltPort, String password) {
        this.dbms = dbms;
        this.boltPort = boltPort;
        this.password = password;
    }

    /**
     * Starts a server on {@code store}; {@code boltPort} 0 picks a free port; {@code transactionMemoryMax} as in
     * {@link Neo4jSettings}. {@code LOAD CSV} may not read local files (the query runners also refuse it).
     */
    public static EmbeddedNeo4j start(Path store, int boltPort, String pageCache, String transactionMemoryMax) {
        int port = boltPort > 0 ? boltPort : freePort();
        log.info("Starting embedded Neo4j on {} (Bolt localhost:{})", store, port);
        if (!Files.isDirectory(store.resolve("data"))) {
            long free = freeSpace(store);
            if (free < NEW_STORE_SPACE) {
                // before anything is written: a store Neo4j could only half create would not start later either
                throw StoreStartException.diskSpace(store, free, NEW_STORE_SPACE, null);
            }
        }
        String password = BoltPassword.readOrCreate(store);
        StoreReplacement.recover(store);
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(store)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Bolt's event loops otherwise wait 5 s each for a quiet period before stopping (about 10 s added to
                // every verb and test context); the clients are our own driver, closed before the server stops.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                // An investigator's store is nobody else's business: Neo4j's anonymous usage report stays off.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // The store-file listing and settings dump written to logs/debug.log on every start took seconds of
                // each verb's start-up; Neo4j's own errors and warnings are still logged there.
                .setConfig(GraphDatabaseInternalSettings.dump_diagnostics, false)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, transactionMemory(transactionMemoryMax));
        if (pageCache != null && !pageCache.isBlank()) {
            builder.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache));
        }
        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            if (heldByAnotherProcess(e)) {
                throw StoreStartException.inUse(store, e);
            }
            if (causedBy(e, "Address already in use")) {
                throw StoreStartException.boltPortInUse(port, e);
            }
            throw e;
        }
        try {
            setPassword(dbms, password);
            // Neo4j starts a database that fails (a full disk, say) as unavailable instead of failing the start
            if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(10_000)) {
                throw new IllegalStateException("database " + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                        + " is not available after its start");
            }
        } catch (RuntimeException e) {
            dbms.shutdown();
            long free = freeSpace(store);
            throw free < NEW_STORE_SPACE
                    ? StoreStartException.diskSpace(store, free, NEW_STORE_SPACE, e)
                    : StoreStartException.notStarted(store, e);
        }
        return new EmbeddedNeo4j(dbms, port, password);
    }

    /**
     * Gives {@value #USER} the store's password. Run on every start, because a new store (and a bulk import's, which
     * replaces the system database too) holds Neo4j's default password; the embedded API needs no login for it.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (RuntimeException e) {
            if (!causedBy(e, "Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    /** The usable space on the disk that holds {@code store} (or would hold it: its nearest existing ancestor). */
    public static long freeSpace(Path store) {
        Path existing = store.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null
                    ? Long.MAX_VALUE
                    : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: let Neo4j try
        }
    }

    /** The per-transaction memory cap in bytes: the given size, or half the maximum heap when blank; 0 = none. */
    static long transactionMemory(String setting) {
        if (setting == null || setting.isBlank()) {
            return Runtime.getRuntime().maxMemory() / 2;
        }
        try {
            return ByteUnit.parse(setting.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "coordscope.neo4j.transaction-memory-max must be a size such as 512m or"
                            + " 2g (0 for no cap); got '" + setting + "'",
                    e);
        }
    }

    public String boltUri() {
        return "bolt://localhost:" + boltPort;
    }

    /** What a driver signs in with. */
    public AuthToken authToken() {
        return AuthTokens.basic(USER, password);
    }

    @Override
    public void close() {
        log.info("Stopping embedded Neo4j");
        dbms.shutdown();
    }

    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")) {
                return true;
            }
        }
        return causedBy(e, "locked by another process");
    }

    private static boolean causedBy(Throwable e, String messagePart) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(messagePart)) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for Neo4j's Bolt connector", e);
        }
    }
}

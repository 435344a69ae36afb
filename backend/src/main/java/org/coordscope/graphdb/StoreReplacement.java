package org.coordscope.graphdb;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neo4j.commandline.dbms.CannotWriteException;
import org.neo4j.commandline.dbms.LockChecker;
import org.neo4j.io.layout.Neo4jLayout;

/**
 * Replaces an embedded store's contents with a store built aside (the bulk import's), so that a kill at any
 * moment leaves either the old store or the new one, never a mix.
 *
 * <p>The new Neo4j home is built in {@code STORE/bulk-import}; nothing in {@code STORE/data} is touched until it is
 * complete. Then, holding Neo4j's own store lock, {@code data} is renamed to {@code data.replaced} and the new
 * {@code data} renamed into its place (both renames are atomic on one file system); {@code data.replaced} is
 * deleted last. A kill between the two renames leaves {@code data.replaced} alone, which {@link #recover} (run
 * before every start) renames back, so the old store comes back as it was. Detection's projections written with
 * the new store ({@code STORE/bulk-import/projections}) replace the old ones once the new store is in place.
 */
public final class StoreReplacement {

    static final String DATA = "data";
    static final String REPLACED = "data.replaced";
    static final String STAGING = "bulk-import";
    /** Detection's projections ({@code detect.store.DetectionProjection}), beside {@code data}. */
    public static final String PROJECTIONS = "projections";

    private StoreReplacement() {}

    /** An empty directory to build the new Neo4j home in; what a killed import left there is deleted first. */
    public static Path prepareStaging(Path store) {
        Path staging = store.resolve(STAGING);
        deleteRecursively(staging);
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + staging, e);
        }
        return staging;
    }

    /** Deletes what {@link #prepareStaging} made, after a failed import. */
    public static void discardStaging(Path store) {
        deleteRecursively(store.resolve(STAGING));
    }

    /**
     * Moves the staged store into place. The store must not be open in any process (this takes its lock, and
     * stops with {@link StoreStartException#inUse} if another process holds it).
     */
    public static void swapIn(Path store) {
        Path staged = store.resolve(STAGING).resolve(DATA);
        if (!Files.isDirectory(staged)) {
            throw new IllegalStateException("No staged store in " + staged);
        }
        Path data = store.resolve(DATA);
        Path replaced = store.resolve(REPLACED);
        try (Closeable lock = lock(store)) {
            recover(store);
            if (Files.exists(data)) {
                Files.move(data, replaced, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staged, data, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the new store into " + data, e);
        }
        // The old store's projections describe datasets that are gone. A kill before the move below leaves them
        // (or none): stamped with other revisions, they are never used, and the first run reads the store.
        Path projections = store.resolve(PROJECTIONS);
        deleteRecursively(projections);
        Path stagedProjections = store.resolve(STAGING).resolve(PROJECTIONS);
        if (Files.isDirectory(stagedProjections)) {
            try {
                Files.move(stagedProjections, projections, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot move the new store's projections into " + projections, e);
            }
        }
        deleteRecursively(replaced);
        deleteRecursively(store.resolve(STAGING));
    }

    /** Finishes or undoes a replacement that a kill interrupted; nothing to do in the normal case. */
    public static void recover(Path store) {
        Path data = store.resolve(DATA);
        Path replaced = store.resolve(REPLACED);
        if (!Files.exists(replaced)) {
            return;
        }
        if (Files.exists(data)) {
            deleteRecursively(replaced); // the new store is in place; only the old one's deletion was cut short
        } else {
            try {
                Files.move(replaced, data, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot restore " + data + " from " + replaced, e);
            }
        }
    }

    private static Closeable lock(Path store) throws IOException {
        if (!Files.exists(store.resolve(DATA))) {
            return () -> {};
        }
        try {
            return LockChecker.checkDbmsLock(Neo4jLayout.of(store));
        } catch (CannotWriteException e) {
            throw new IllegalArgumentException("Cannot write to the store " + store + ": check its permissions.", e);
        } catch (RuntimeException e) {
            throw StoreStartException.inUse(store, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}

package org.coordscope.graphdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded server's Bolt password, in {@code STORE/bolt-password} (mode 0600; the store directory 0700, so
 * nothing in it is readable by other local users). Outside {@code STORE/data}, so a bulk import's swap keeps it; the
 * server, the CLI and the tests opening the same store read the same file.
 */
final class BoltPassword {

    static final String FILE = "bolt-password";

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private BoltPassword() {}

    /** The store's password; a new random one (256 bits) is written first if there is none. */
    static String readOrCreate(Path store) {
        Path file = store.resolve(FILE);
        try {
            Files.createDirectories(store);
            restrictToOwner(store, OWNER_DIRECTORY);
            if (!Files.exists(file)) {
                create(file);
            }
            restrictToOwner(file, OWNER_FILE);
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(
                        file + " is empty: delete it and a new password is made on the next" + " start.");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the Bolt password file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            if (isPosix(file.getParent())) {
                // created 0600, so it is never readable by others, not even for a moment
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raceWithAnotherStart) {
            return;
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    private static void restrictToOwner(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (isPosix(path) && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}

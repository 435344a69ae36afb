package org.coordscope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real small disk for the disk-space tests: a tmpfs of the given size mounted on a new directory, unmounted on
 * close. Mounting needs root (CI runs as root); {@link #mount} answers null elsewhere, for the test to be skipped.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** A tmpfs of {@code size} (e.g. {@code 300m}) on {@code dir}, or null when this user may not mount one. */
    public static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return null;
        }
        Files.createDirectories(dir);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                .redirectErrorStream(true)
                .start();
        return mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0 ? new SmallDisk(dir) : null;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", dir.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
}

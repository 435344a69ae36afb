package org.coordscope;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data sets in ../shared/data (read-only), found through COORDSCOPE_SHARED_DATA, which Maven sets. */
public final class SharedData {

    private SharedData() {}

    public static Path path(String relative) {
        String root = System.getenv("COORDSCOPE_SHARED_DATA");
        Path base = root != null ? Path.of(root) : Path.of("..", "..", "shared", "data");
        Path file = base.resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new IllegalStateException("Real data file missing: " + file
                    + " (the repository expects ../shared/data beside it; set COORDSCOPE_SHARED_DATA otherwise)");
        }
        return file;
    }
}

package org.coordscope.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.coordscope.ingest.ImportFile;

/** Where fixtures and the shared real data are, and small archive makers. */
public final class TestFiles {

    private TestFiles() {}

    public static Path fixture(String name) {
        try {
            return Paths.get(TestFiles.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("no fixture " + name, e);
        }
    }

    /** The read-only real data ({@code ../shared/data}); surefire sets COORDSCOPE_SHARED_DATA. */
    public static Path sharedData(String relative) {
        String root = System.getenv("COORDSCOPE_SHARED_DATA");
        if (root == null || root.isBlank()) {
            throw new AssertionError("COORDSCOPE_SHARED_DATA is not set; run the tests through Maven, or set it to"
                    + " the shared data folder");
        }
        Path path = Paths.get(root, relative);
        if (!Files.isReadable(path)) {
            throw new AssertionError("real data file missing: " + path);
        }
        return path;
    }

    public static Path gzip(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source);
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            in.transferTo(out);
        }
        return target;
    }

    /** A zip of (entry name, content) pairs, in order. */
    public static Path zip(Path target, String... namesAndContents) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return target;
    }

    /** An import file named by its file name, as an upload is, so parts read {@code name.csv}, {@code a.zip!b.csv}. */
    public static ImportFile file(Path path) {
        return new ImportFile(path, path.getFileName().toString(), new java.util.concurrent.atomic.AtomicLong());
    }
}

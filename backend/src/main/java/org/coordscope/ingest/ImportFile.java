package org.coordscope.ingest;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One input file as given on the command line or uploaded: plain, {@code .gz}, or {@code .zip} (each entry read
 * in turn). Counts the raw bytes consumed into a shared counter, so progress and ETA come from file sizes.
 *
 * @param path        where it is
 * @param displayName the name used in messages and bad-row reports (the upload's original name, or the path)
 * @param bytesRead   raw bytes consumed so far, shared by all files of one import
 */
public record ImportFile(Path path, String displayName, AtomicLong bytesRead) {

    /** Handles one text part of a file. */
    @FunctionalInterface
    public interface PartHandler {
        /**
         * @param partName the file's display name, or {@code file.zip!entry.csv} for a zip entry
         * @param text     the part's text, UTF-8 (malformed bytes replaced, never fatal)
         */
        void accept(String partName, Reader text) throws IOException;
    }

    public static ImportFile of(Path path) {
        return of(path, path.toString());
    }

    /** A file known to users by another name, e.g. an upload by its original file name. */
    public static ImportFile of(Path path, String displayName) {
        return new ImportFile(path, displayName, new AtomicLong());
    }

    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Opens each text part in turn: the file itself, the content of a {@code .gz}, or every entry of a {@code .zip}. */
    public void forEachPart(PartHandler handler) throws IOException {
        String lower = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        // FileInputStream, not Files.newInputStream: a channel's available() asks for its position, which a named pipe
        // (bash's <(unzip -p …), a held test import) answers with "Illegal seek".
        try (InputStream raw =
                new CountingStream(new BufferedInputStream(new FileInputStream(path.toFile()), 1 << 16), bytesRead)) {
            if (lower.endsWith(".gz")) {
                handler.accept(displayName, utf8(new GZIPInputStream(raw, 1 << 16)));
            } else if (lower.endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8);
                boolean any = false;
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/")) {
                        continue;
                    }
                    any = true;
                    handler.accept(displayName + "!" + entry.getName(), utf8(new NonClosingStream(zip)));
                }
                if (!any) {
                    throw new ImportException(displayName + ": the zip archive holds no file");
                }
            } else {
                handler.accept(displayName, utf8(raw));
            }
        } catch (java.util.zip.ZipException e) {
            throw new ImportException(displayName + ": not a readable archive (" + e.getMessage() + ")", e);
        }
    }

    private static Reader utf8(InputStream in) {
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong counter;

        CountingStream(InputStream in, AtomicLong counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                counter.addAndGet(n);
            }
            return n;
        }
    }

    /** A zip entry's stream: a reader closing it must not close the whole archive. */
    private static final class NonClosingStream extends FilterInputStream {
        NonClosingStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}

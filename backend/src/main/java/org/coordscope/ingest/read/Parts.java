package org.coordscope.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;

/**
 * Part access beyond {@link ImportFile#forEachPart}'s one streaming pass, for readers that must look at every
 * part before reading any (the Information Operations reader reads users files before tweets files).
 */
final class Parts {

    private Parts() {}

    static boolean isZip(ImportFile file) {
        return file.path()
                .getFileName()
                .toString()
                .toLowerCase(java.util.Locale.ROOT)
                .endsWith(".zip");
    }

    /**
     * A view of the file whose reads do not count towards the import's progress: for looking at a file that will
     * be read (and counted) again.
     */
    static ImportFile uncounted(ImportFile file) {
        return new ImportFile(file.path(), file.displayName(), new AtomicLong());
    }

    /**
     * Visits the wanted entries of a zip by random access, so unwanted entries are not decompressed. Entry names
     * follow {@link ImportFile#forEachPart}: {@code display.zip!entry}, directories and {@code __MACOSX/} skipped.
     */
    static void forEachZipEntry(ImportFile file, Predicate<String> wanted, ImportFile.PartHandler handler)
            throws IOException {
        try (ZipFile zip = new ZipFile(file.path().toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                String part = file.displayName() + "!" + entry.getName();
                if (!wanted.test(part)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    handler.accept(part, utf8(in));
                }
            }
        } catch (ZipException e) {
            throw new ImportException(file.displayName() + ": not a readable archive (" + e.getMessage() + ")", e);
        }
    }

    /** UTF-8 with malformed bytes replaced, as {@link ImportFile} decodes. */
    static Reader utf8(InputStream in) {
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** The part's name without the directories of the file it is in: {@code x.zip!dir/a.csv}, {@code a.csv}. */
    static String fileName(String part) {
        int bang = part.indexOf('!');
        String outer = bang < 0 ? part : part.substring(0, bang);
        int slash = Math.max(outer.lastIndexOf('/'), outer.lastIndexOf('\\'));
        return part.substring(slash + 1);
    }
}

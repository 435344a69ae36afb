package org.coordscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.coordscope.web.UnsupportedMediaException;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an import upload may be: CSV, TSV, text or JSON Lines by name ({@code .csv .tsv .txt .json .jsonl .ndjson}),
 * plain or {@code .gz}, or a {@code .zip} of them; declared as text, JSON, CSV, gzip, zip or an unspecific binary
 * type (browsers send {@code application/octet-stream} or {@code application/vnd.ms-excel} for such files); and its
 * first bytes must agree: a {@code .gz} starts with gzip's magic number, a {@code .zip} with a zip header, a plain
 * file holds no NUL byte in its first 8 KiB. Anything else is refused with the file's name and what is accepted.
 */
final class UploadCheck {

    static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson");

    private static final List<String> TYPES = List.of(
            "text/",
            "application/json",
            "application/x-ndjson",
            "application/jsonl",
            "application/x-jsonlines",
            "application/csv",
            "application/gzip",
            "application/x-gzip",
            "application/zip",
            "application/x-zip-compressed",
            "application/octet-stream",
            "application/vnd.ms-excel");

    private static final String ACCEPTED = "CSV, TSV or JSON Lines files (.csv, .tsv, .txt, .json, .jsonl, .ndjson),"
            + " plain, gzipped (.gz) or in a .zip";

    private UploadCheck() {}

    /** Refuses {@code file} (an {@link UnsupportedMediaException}) unless it is a source file this app reads. */
    static void check(MultipartFile file) throws IOException {
        String name = String.valueOf(file.getOriginalFilename());
        String lower = name.toLowerCase(Locale.ROOT);
        String type = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && TYPES.stream().noneMatch(type::startsWith)) {
            throw refuse(name, "it was sent as " + type);
        }
        boolean zip = lower.endsWith(".zip");
        boolean gzip = lower.endsWith(".gz");
        String plain = gzip ? lower.substring(0, lower.length() - 3) : lower;
        if (!zip && EXTENSIONS.stream().noneMatch(plain::endsWith)) {
            throw refuse(name, "its name does not end in one of " + String.join(" ", EXTENSIONS) + " (or .gz, .zip)");
        }
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = file.getInputStream()) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (zip && !(n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)) {
            throw refuse(name, "it is named .zip but is not a zip archive");
        }
        if (gzip && !(n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b)) {
            throw refuse(name, "it is named .gz but is not gzip-compressed");
        }
        if (!zip && !gzip) {
            for (int i = 0; i < n; i++) {
                if (head[i] == 0) {
                    throw refuse(name, "it holds binary data (a NUL byte at offset " + i + "), not text");
                }
            }
        }
    }

    private static UnsupportedMediaException refuse(String name, String why) {
        return new UnsupportedMediaException("Cannot import '" + name + "': " + why + ". Upload " + ACCEPTED + ".");
    }
}

package org.coordscope.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coordscope.ingest.read.ColumnMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import wizard's first steps: a file's header and first rows before it is imported (so the columns can be
 * mapped from dropdowns), and the mapping keys and presets the shares format takes. Nothing is stored.
 */
@RestController
@RequestMapping("/api/imports")
class ImportPreviewController {

    /** Rows shown after the header. */
    static final int ROWS = 5;
    /** At most this much of the file is read (uncompressed). */
    static final int MAX_CHARS = 256 * 1024;

    /**
     * A file's beginning: {@code kind} csv, tsv or jsonl; {@code header} the first row's cells (for JSON Lines the
     * first object's top-level keys); {@code rows} the next ones (JSON Lines: each line as it is).
     */
    record Preview(String file, String kind, List<String> header, List<List<String>> rows) {}

    /** A mapping key for the dropdowns: its spelling, whether it names one column, many or is an option, and help. */
    record MappingKey(String key, String arity, String help) {}

    record MappingHelp(List<MappingKey> keys, List<ColumnMapping.Preset> presets) {}

    @GetMapping("/mapping")
    MappingHelp mapping() {
        return new MappingHelp(
                Arrays.stream(ColumnMapping.Key.values())
                        .map(k -> new MappingKey(k.spelling(), k.arity().name().toLowerCase(Locale.ROOT), k.help()))
                        .toList(),
                ColumnMapping.presets());
    }

    @PostMapping(path = "/preview", consumes = "multipart/form-data")
    Preview preview(@RequestParam("file") MultipartFile file) throws IOException {
        UploadCheck.check(file);
        String name = String.valueOf(file.getOriginalFilename());
        try (InputStream raw = file.getInputStream()) {
            Unpacked unpacked = unpacked(raw, name);
            String text = head(unpacked.in());
            String lower = unpacked.name().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".jsonl")
                    || lower.endsWith(".ndjson")
                    || lower.endsWith(".json")
                    || text.stripLeading().startsWith("{")) {
                return jsonLines(name, text);
            }
            boolean tsv = lower.endsWith(".tsv")
                    || (!text.isEmpty() && firstLine(text).contains("\t"));
            return csv(name, text, tsv);
        }
    }

    /** The bytes to read and the name of the file they are (inside an archive: the entry's), to tell CSV from JSON. */
    private record Unpacked(InputStream in, String name) {}

    private static Unpacked unpacked(InputStream raw, String name) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            return new Unpacked(new GZIPInputStream(raw), lower.substring(0, lower.length() - 3));
        }
        if (lower.endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8);
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    return new Unpacked(zip, e.getName());
                }
            }
            throw new IllegalArgumentException("The zip file " + name + " holds no file to preview.");
        }
        return new Unpacked(raw, name);
    }

    /** The first {@link #MAX_CHARS} characters, cut at the last whole line. */
    private static String head(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        char[] buffer = new char[MAX_CHARS];
        int n = 0;
        for (int r; n < MAX_CHARS && (r = reader.read(buffer, n, MAX_CHARS - n)) > 0; ) {
            n += r;
        }
        String text = new String(buffer, 0, n);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int lastLine = text.lastIndexOf('\n');
        return n == MAX_CHARS && lastLine > 0 ? text.substring(0, lastLine + 1) : text;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static Preview csv(String name, String text, boolean tsv) throws IOException {
        CSVFormat format = (tsv ? CSVFormat.TDF : CSVFormat.DEFAULT)
                .builder()
                .setIgnoreEmptyLines(true)
                .get();
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord r : parser) {
                if (header.isEmpty()) {
                    header = r.toList();
                } else if (rows.size() < ROWS) {
                    rows.add(r.toList());
                } else {
                    break;
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            if (header.isEmpty()) {
                throw new IllegalArgumentException("The beginning of " + name + " is not readable as "
                        + (tsv ? "TSV" : "CSV") + ": " + e.getMessage());
            }
            // a quoted cell cut by the preview's limit: the rows read so far are shown
        }
        if (header.isEmpty()) {
            throw new IllegalArgumentException("The file " + name + " is empty: nothing to preview.");
        }
        return new Preview(name, tsv ? "tsv" : "csv", header, rows);
    }

    private static Preview jsonLines(String name, String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(ROWS).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("The file " + name + " is empty: nothing to preview.");
        }
        List<String> keys = new ArrayList<>();
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
            node.fieldNames().forEachRemaining(keys::add);
        } catch (IOException e) {
            // a pretty-printed JSON file (a Telegram export): no keys per line, the lines are shown as they are
        }
        return new Preview(
                name,
                "jsonl",
                keys,
                lines.stream()
                        .map(l -> List.of(l.length() > 500 ? l.substring(0, 500) + "…" : l))
                        .toList());
    }
}

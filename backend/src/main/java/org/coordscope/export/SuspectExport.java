package org.coordscope.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.web.SpreadsheetSafe;

/**
 * Writes suspects as CSV or JSON: {@code account_id} (exactly as in the source), {@code screen_name},
 * {@code cluster_id}, {@code score}, {@code reasons} (the account's and its cluster's, joined by " | " in CSV, a
 * list in JSON), {@code mark} and {@code mark_note} (the investigator's triage, empty when unmarked). The CSV is
 * written through {@link SpreadsheetSafe}: a cell a spreadsheet would run as a formula, id or not, gets a reversible
 * leading single quote; the JSON holds the values exactly. The CLI's {@code export suspects} and
 * {@code GET /api/exports/suspects} both write through here.
 */
public final class SuspectExport {

    public static final List<String> COLUMNS =
            List.of("account_id", "screen_name", "cluster_id", "score", "reasons", "mark", "mark_note");

    private SuspectExport() {}

    /** Checks a format name: csv or json. */
    public static String format(String format) {
        String f = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json")) {
            throw new IllegalArgumentException("format must be csv or json, not '" + format + "'");
        }
        return f;
    }

    public static void write(List<DetectionStore.Suspect> suspects, String format, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String f = format(format);
        try (OutputStream o = Files.newOutputStream(out)) {
            write(suspects, f, o);
        }
    }

    /** Writes to {@code out}, leaving it open. */
    public static void write(List<DetectionStore.Suspect> suspects, String format, OutputStream out)
            throws IOException {
        if (format(format).equals("csv")) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            SpreadsheetSafe p = SpreadsheetSafe.csv(w, COLUMNS);
            for (DetectionStore.Suspect s : suspects) {
                p.row(
                        s.accountId(),
                        s.screenName(),
                        s.clusterId(),
                        String.format(Locale.ROOT, "%.3f", s.score()),
                        String.join(" | ", reasons(s)),
                        s.mark(),
                        s.markNote());
            }
            p.flush();
        } else {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, suspects.stream().map(SuspectExport::row).toList());
        }
    }

    private static Map<String, Object> row(DetectionStore.Suspect s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_id", s.accountId());
        m.put("screen_name", s.screenName());
        m.put("cluster_id", s.clusterId());
        m.put("score", Math.round(s.score() * 1000) / 1000.0);
        m.put("strength", Math.round(s.strength() * 1000) / 1000.0);
        m.put("reasons", reasons(s));
        m.put("mark", s.mark());
        m.put("mark_note", s.markNote());
        return m;
    }

    static List<String> reasons(DetectionStore.Suspect s) {
        List<String> all = new ArrayList<>(s.reasons());
        s.clusterReasons().forEach(r -> all.add("cluster: " + r));
        return all;
    }
}

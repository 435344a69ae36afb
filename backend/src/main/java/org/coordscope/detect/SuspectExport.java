package org.coordscope.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a run's suspects as CSV or JSON: {@code account_id} (exactly as in the source), {@code screen_name},
 * {@code cluster_id}, {@code score}, {@code reasons} (the account's and its cluster's, joined by " | " in CSV, a
 * list in JSON). Free-text CSV cells that a spreadsheet would run as a formula (starting with {@code = + - @},
 * tab or carriage return) are prefixed with a single quote; ids are never altered.
 */
public final class SuspectExport {

    public static final List<String> COLUMNS = List.of("account_id", "screen_name", "cluster_id", "score", "reasons");

    private SuspectExport() {
    }

    public static void write(List<DetectionStore.Suspect> suspects, String format, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> csv(suspects, out);
            case "json" -> json(suspects, out);
            default -> throw new IllegalArgumentException("--format must be csv or json, not '" + format + "'");
        }
    }

    private static void csv(List<DetectionStore.Suspect> suspects, Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(w)) {
            for (DetectionStore.Suspect s : suspects) {
                p.printRecord(s.accountId(), neutralise(s.screenName()), s.clusterId(),
                        String.format(Locale.ROOT, "%.3f", s.score()), neutralise(String.join(" | ", reasons(s))));
            }
        }
    }

    private static void json(List<DetectionStore.Suspect> suspects, Path out) throws IOException {
        List<Map<String, Object>> rows = suspects.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account_id", s.accountId());
            m.put("screen_name", s.screenName());
            m.put("cluster_id", s.clusterId());
            m.put("score", Math.round(s.score() * 1000) / 1000.0);
            m.put("strength", Math.round(s.strength() * 1000) / 1000.0);
            m.put("reasons", reasons(s));
            return m;
        }).toList();
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), rows);
    }

    static List<String> reasons(DetectionStore.Suspect s) {
        List<String> all = new java.util.ArrayList<>(s.reasons());
        s.clusterReasons().forEach(r -> all.add("cluster: " + r));
        return all;
    }

    /** A free-text cell a spreadsheet would evaluate gets a leading quote. */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}

package org.coordscope.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.web.SpreadsheetSafe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuspectExportTest {

    @TempDir
    Path dir;

    @Test
    void everyFormulaCellIdsIncludedIsNeutralisedReversiblyAndTheJsonKeepsValuesExact() throws Exception {
        List<DetectionStore.Suspect> suspects = List.of(
                new DetectionStore.Suspect(
                        "+Lq3gV0dXx=",
                        "=cmd|' /C calc'!A0",
                        "@SUM(1+1)",
                        0.8123,
                        0.9,
                        0.8,
                        List.of("7 accounts"),
                        List.of("=HYPERLINK(\"http://x\")", "empty profile"),
                        "confirmed",
                        "-see ticket 7"),
                new DetectionStore.Suspect(
                        "\t=1+1", "'quoted", "run/1", 0.5, 0.5, 0.5, List.of(), List.of("\r=2+2"), null, "plain"));
        Path csv = dir.resolve("s.csv");
        SuspectExport.write(suspects, "csv", csv);
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(SuspectExport.COLUMNS);
            // a shares import's ids (issue 19): '+', '@' and a tab before '=' would run in a spreadsheet
            assertThat(rows.get(0).get("account_id")).isEqualTo("'+Lq3gV0dXx=");
            assertThat(rows.get(0).get("cluster_id")).isEqualTo("'@SUM(1+1)");
            assertThat(rows.get(1).get("account_id")).isEqualTo("'\t=1+1");
            assertThat(rows.get(1).get("screen_name")).isEqualTo("''quoted");
            assertThat(rows.get(1).get("reasons")).isEqualTo("'\r=2+2");
            assertThat(rows.get(1).get("cluster_id")).isEqualTo("run/1");
            assertThat(rows.get(1).get("mark_note")).isEqualTo("plain");
            // reversible: machines get the exact values back
            assertThat(rows)
                    .extracting(r -> SpreadsheetSafe.original(r.get("account_id")))
                    .containsExactly("+Lq3gV0dXx=", "\t=1+1");
            assertThat(SpreadsheetSafe.original(rows.get(1).get("screen_name"))).isEqualTo("'quoted");
            assertThat(rows.get(0).get("screen_name")).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(rows.get(0).get("reasons"))
                    .startsWith("'=HYPERLINK")
                    .contains("| empty profile | cluster: 7 accounts");
            assertThat(rows.get(0).get("score")).isEqualTo("0.812");
            assertThat(rows.get(0).get("mark")).isEqualTo("confirmed");
            assertThat(rows.get(0).get("mark_note")).isEqualTo("'-see ticket 7");
        }
        Path json = dir.resolve("s.json");
        SuspectExport.write(suspects, "json", json);
        assertThat(Files.readString(json))
                .contains("\"account_id\" : \"+Lq3gV0dXx=\"", "\"=HYPERLINK", "\"cluster_id\" : \"@SUM(1+1)\"");
    }
}

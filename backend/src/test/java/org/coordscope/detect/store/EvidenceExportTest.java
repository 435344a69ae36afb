package org.coordscope.detect.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coordscope.BotShares;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.detect.DetectionRequest;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** One flagged account's evidence: its co-actors, the shared tweets, both times and both source lines. */
@GraphTest
class EvidenceExportTest extends GraphTestSupport {

    @Autowired
    ImportService importService;

    @Autowired
    DetectionService detection;

    @Autowired
    EvidenceExport export;

    @TempDir
    Path temp;

    @Test
    void evidenceNamesTheSharedTweetsTimesAndSourceLines() throws Exception {
        Path file = temp.resolve("bots.csv");
        Files.write(file, BotShares.lines());
        importService.importFiles(
                new ImportRequest(
                        "b",
                        SourceFormat.SHARES,
                        "coortweet",
                        List.of(ImportFile.of(file)),
                        10,
                        temp.resolve("errors.csv")),
                ImportProgress.NONE);
        DetectionResult r = detection.run(DetectionRequest.of("b"), DetectionProgress.NONE);
        assertThat(r.suspects()).isEqualTo(4);

        Path out = temp.resolve("evidence.json");
        export.write(r.runId(), "+bot0", out);
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertThat(doc.get("account").get("id").asText()).isEqualTo("+bot0");
        assertThat(doc.get("cluster").get("size").asInt()).isEqualTo(4);
        assertThat(doc.get("membership").get("score").asDouble()).isGreaterThanOrEqualTo(0.5);
        JsonNode coActors = doc.get("coActors");
        assertThat(coActors).hasSize(3);
        JsonNode bot1 = null;
        for (JsonNode c : coActors) {
            if (c.get("id").asText().equals("+bot1")) {
                bot1 = c;
            }
        }
        assertThat(bot1).isNotNull();
        assertThat(bot1.get("support").asInt()).isEqualTo(10);
        JsonNode first = bot1.get("evidence").get(0);
        assertThat(first.get("signal").asText()).isEqualTo("co-retweet");
        assertThat(first.get("object").asText()).matches("orig[0-9]");
        int o = Integer.parseInt(first.get("object").asText().substring(4));
        // bot0 retweeted orig o at 1600000000 + o*3600 s, bot1 five seconds later; lines 2 + 4o and 3 + 4o
        assertThat(first.get("time").asText())
                .isEqualTo(java.time.Instant.ofEpochSecond(1_600_000_000L + o * 3600)
                        .toString());
        assertThat(first.get("coActorTime").asText())
                .isEqualTo(java.time.Instant.ofEpochSecond(1_600_000_005L + o * 3600)
                        .toString());
        assertThat(first.get("sources").get(0).asText()).endsWith("bots.csv:" + (2 + 4 * o));
        assertThat(first.get("coActorSources").get(0).asText()).endsWith("bots.csv:" + (3 + 4 * o));
    }
}

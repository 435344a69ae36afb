package org.coordscope.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.generate.GroupKind;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The project's seed case (issue 14): two armies push one Persian hashtag each in bursts of varied original posts,
 * while hundreds of organic accounts storm their own protest hashtags for hours. On the embedded Neo4j, through the
 * detection service with the co-hashtag signal alone (what {@code detect --signals co-hashtag} runs), the armies are
 * found and no storm account, nor any other organic account, is a suspect.
 */
@GraphTest
class CampaignHashtagTest extends GraphTestSupport {

    @Autowired
    ImportService importService;

    @Autowired
    DetectionService detection;

    @Autowired
    DetectionStore store;

    @TempDir
    Path dir;

    @Test
    void coHashtagFindsTheCampaignAndNoneOfTheStorm() throws IOException {
        WorldSpec spec = WorldSpec.builder(1_500, 2, 14)
                .kinds(GroupKind.CAMPAIGN)
                .groupSizes(12, 60)
                .hashtagStorms(3)
                .build();
        new WorldGenerator(spec).write(dir);
        importService.importFiles(
                new ImportRequest(
                        "campaign",
                        SourceFormat.INFOOPS,
                        null,
                        List.of(ImportFile.of(dir.resolve("users.csv")), ImportFile.of(dir.resolve("tweets.csv"))),
                        100,
                        dir.resolve("errors.csv")),
                ImportProgress.NONE);
        DetectionRequest request = new DetectionRequest(
                "campaign", DetectionRequest.shorthand(List.of("co-hashtag"), null, null), null, null, null, null);
        DetectionResult result = detection.run(request, DetectionProgress.NONE);

        Map<String, String> kinds = WorldAccuracy.kinds(dir.resolve("truth.csv"));
        Set<String> campaign = new HashSet<>();
        Set<String> storm = new HashSet<>();
        kinds.forEach((id, k) -> {
            if (k.equals("campaign")) {
                campaign.add(id);
            } else if (k.equals("hashtag-storm")) {
                storm.add(id);
            }
        });
        Set<String> flagged = new HashSet<>();
        store.suspects(result.runId(), DetectionService.defaultThreshold()).forEach(s -> flagged.add(s.accountId()));
        long found = flagged.stream().filter(campaign::contains).count();
        System.out.printf(
                "CAMPAIGN co-hashtag: %d campaign accounts, %d found; %d storm accounts, %d flagged; %d flagged in all,"
                        + " %d edges, %d clusters%n",
                campaign.size(),
                found,
                storm.size(),
                flagged.stream().filter(storm::contains).count(),
                flagged.size(),
                result.edges(),
                result.clusters());
        assertThat(storm).hasSizeGreaterThan(200);
        assertThat(flagged).as("storm accounts flagged").doesNotContainAnyElementsOf(storm);
        assertThat(campaign).containsAll(flagged);
        assertThat((double) found / campaign.size()).as("campaign recall").isGreaterThanOrEqualTo(0.9);
    }
}

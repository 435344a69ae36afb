package org.coordscope.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coordscope.datasets.DatasetService;
import org.coordscope.detect.DetectionRequest;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportReport;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.coordscope.ingest.SourceFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * {@code serve} on an empty store loads a small generated world as dataset {@value #DATASET} and runs detection
 * on it with the default settings, so the first page has something to show. The other verbs and the tests turn this off ({@code coordscope.demo.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "coordscope.demo.enabled", havingValue = "true")
class DemoWorldLoader implements ApplicationRunner {

    static final String DATASET = "demo";
    /** Small enough to load in seconds, large enough to hold several groups among organic crowds. */
    static final WorldSpec DEMO = WorldSpec.builder(800, 8, 2026).tweets(16_000).build();

    private static final Logger log = LoggerFactory.getLogger(DemoWorldLoader.class);

    private final DatasetService datasets;
    private final ImportService importService;
    private final DetectionService detection;

    DemoWorldLoader(DatasetService datasets, ImportService importService, DetectionService detection) {
        this.datasets = datasets;
        this.importService = importService;
        this.detection = detection;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!datasets.list().isEmpty()) {
            return;
        }
        Path dir = Files.createTempDirectory("coordscope-demo-");
        try {
            log.info(
                    "Empty store: loading the demo world ({} accounts, {} groups, {} tweets) as dataset '{}'",
                    DEMO.accounts(),
                    DEMO.groups(),
                    DEMO.tweets(),
                    DATASET);
            new WorldGenerator(DEMO).write(dir);
            ImportReport report = importService.importFiles(
                    new ImportRequest(
                            DATASET,
                            SourceFormat.INFOOPS,
                            null,
                            List.of(
                                    ImportFile.of(dir.resolve(WorldGenerator.USERS)),
                                    ImportFile.of(dir.resolve(WorldGenerator.TWEETS))),
                            0,
                            dir.resolve("errors.csv")),
                    ImportProgress.NONE);
            log.info("Demo world loaded: {} posts in {} ms; detecting coordination", report.posts(), report.millis());
            DetectionResult result = detection.run(DetectionRequest.of(DATASET), DetectionProgress.NONE);
            log.info(
                    "Demo world detected: {} clusters, {} suspects (run {})",
                    result.clusters(),
                    result.suspects(),
                    result.runId());
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }
}

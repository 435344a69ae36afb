package org.coordscope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.DetectionRequest;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.generate.WorldGenerator;
import org.coordscope.generate.WorldSpec;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.ImportProgress;
import org.coordscope.ingest.ImportRequest;
import org.coordscope.ingest.ImportService;
import org.neo4j.driver.Driver;
import org.springframework.web.util.UriUtils;

/**
 * One generated world (800 accounts, 4 planted groups, seed 7, half the small accounts with the archive's
 * hashed ids such as {@code +Ab/cd==}), imported as dataset {@value #DATASET} and detected once, shared by every
 * {@link ApiTest} class. Prepared on first use and again only if a test removed it.
 */
public record ExploreWorld(String run, Path dir, Map<String, String> truth) {

    public static final String DATASET = "world";
    public static final int ACCOUNTS = 800;

    private static ExploreWorld prepared;

    public static synchronized ExploreWorld get(Driver driver, ImportService imports, DetectionService detection) {
        if (prepared != null && stillThere(driver, prepared.run())) {
            return prepared;
        }
        long t0 = System.nanoTime();
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "explore-world");
            new WorldGenerator(WorldSpec.builder(ACCOUNTS, 4, 7).build()).write(dir);
            long generated = System.nanoTime();
            try (var session = driver.session()) {
                // the server's users stay: ApiTestSupport signs in as the admin the first start created
                session.run("MATCH (n) WHERE NOT n:User CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                        .consume();
            }
            imports.importFiles(
                    new ImportRequest(
                            DATASET,
                            org.coordscope.ingest.SourceFormat.INFOOPS,
                            null,
                            List.of(
                                    ImportFile.of(dir.resolve(WorldGenerator.USERS)),
                                    ImportFile.of(dir.resolve(WorldGenerator.TWEETS))),
                            100,
                            dir.resolve("errors.csv")),
                    ImportProgress.NONE);
            long imported = System.nanoTime();
            DetectionResult result = detection.run(DetectionRequest.of(DATASET), DetectionProgress.NONE);
            Map<String, String> truth = new java.util.HashMap<>();
            List<String> lines = Files.readAllLines(dir.resolve(WorldGenerator.TRUTH), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                int comma = line.lastIndexOf(',');
                truth.put(line.substring(0, comma), line.substring(comma + 1));
            }
            System.out.printf(
                    "EXPLORE WORLD generated in %d ms, imported in %d ms, detected in %d ms%n",
                    (generated - t0) / 1_000_000,
                    (imported - generated) / 1_000_000,
                    (System.nanoTime() - imported) / 1_000_000);
            prepared = new ExploreWorld(result.runId(), dir, Map.copyOf(truth));
            return prepared;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean stillThere(Driver driver, String run) {
        try (var session = driver.session()) {
            return session.executeRead(tx ->
                    tx.run("MATCH (r:DetectionRun {id: $run, status: 'DONE'}) RETURN count(r)", Map.of("run", run))
                                    .single()
                                    .get(0)
                                    .asLong()
                            == 1);
        }
    }

    /** A path with each segment encoded as the browser's encodeURIComponent does ({@code /} becomes %2F). */
    public static URI path(String template, Object... segments) {
        Object[] encoded = new Object[segments.length];
        for (int i = 0; i < segments.length; i++) {
            encoded[i] = UriUtils.encode(String.valueOf(segments[i]), StandardCharsets.UTF_8);
        }
        return URI.create(String.format(template.replace("{}", "%s"), encoded));
    }

    /** A query-parameter value, encoded likewise. */
    public static String q(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}

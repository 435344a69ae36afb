package org.coordscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.coordscope.ApiTest;
import org.coordscope.ExploreWorld;
import org.coordscope.TestUsers;
import org.coordscope.detect.DetectionService;
import org.coordscope.explore.PersianEdgeFixture;
import org.coordscope.ingest.ImportService;
import org.coordscope.security.UserService;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The UI end to end: the real backend (embedded Neo4j, the shared generated {@link ExploreWorld} imported
 * and detected) serving the built front end, driven by {@code frontend/e2e/e2e.mjs} through playwright-core in
 * Debian's headless Chromium, signed in through the login page as the admin; every page is checked to be no wider
 * than a 1,280 and a 1,440 px window, and a small Persian cluster ({@link PersianEdgeFixture}) for text direction
 * and evidence cards. The script's lines are streamed
 * into this test's output; its screenshots
 * land in {@code frontend/target/e2e-screenshots}.
 */
@ApiTest
class BrowserEndToEndTest {

    private static final Path FRONTEND =
            Path.of("..", "frontend").toAbsolutePath().normalize();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    ImportService imports;

    @Autowired
    DetectionService detection;

    @Autowired
    UserService users;

    @Test
    void anInvestigatorWalksFromClustersToAnExportInChromium() throws Exception {
        assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                .as("Debian's chromium (apt-get install chromium; .ci/run installs it)")
                .isExecutable();
        assertThat(FRONTEND.resolve("node_modules/playwright-core"))
                .as("playwright-core in frontend/node_modules (mvn builds the frontend module first: npm ci)")
                .isDirectory();

        ExploreWorld.get(driver, imports, detection);
        // a cluster with Persian posts, names and reasons: the script checks their direction and the '#' side
        PersianEdgeFixture.remove(driver);
        PersianEdgeFixture.create(driver);
        // B as a Telegram channel (issue 15): its post carries the platform and opens on t.me, A's on Twitter
        try (var session = driver.session()) {
            session.run(
                            """
                    MATCH (b:Account {id: $b, dataset: $dataset})-[:POSTED]->(t:Tweet {text: $text})
                    SET b.platform = 'telegram', t.platform = 'telegram', t.id = 'channel' + $b + '/77'
                    """,
                            Map.of(
                                    "b",
                                    PersianEdgeFixture.B,
                                    "dataset",
                                    PersianEdgeFixture.DATASET,
                                    "text",
                                    PersianEdgeFixture.TEXT_B))
                    .consume();
        }
        if (users.list().stream().noneMatch(u -> u.username().equals(TestUsers.INVESTIGATOR))) {
            users.add(TestUsers.INVESTIGATOR, TestUsers.INVESTIGATOR_PASSWORD, List.of("investigator"));
        }

        ProcessBuilder script = new ProcessBuilder("node", "e2e/e2e.mjs")
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        script.environment().put("BASE_URL", "http://localhost:" + port);
        script.environment().put("E2E_USER", TestUsers.ADMIN);
        script.environment().put("E2E_PASSWORD", TestUsers.ADMIN_PASSWORD);
        script.environment().put("E2E_INVESTIGATOR", TestUsers.INVESTIGATOR);
        script.environment().put("E2E_INVESTIGATOR_PASSWORD", TestUsers.INVESTIGATOR_PASSWORD);
        script.environment()
                .put(
                        "E2E_SCREENSHOTS",
                        FRONTEND.resolve("target/e2e-screenshots").toString());
        Process node = script.start();
        // a hung browser must not hang the build: the script's own timeouts are shorter than this
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!node.waitFor(10, TimeUnit.MINUTES)) {
                            node.descendants().forEach(ProcessHandle::destroyForcibly);
                            node.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "e2e-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println(line);
                lines.add(line);
            }
        }
        watchdog.interrupt();
        PersianEdgeFixture.remove(driver);
        assertThat(node.waitFor(10, TimeUnit.SECONDS))
                .as("the e2e script ended")
                .isTrue();
        assertThat(node.exitValue()).as(String.join("\n", lines)).isZero();
        try (var shots = Files.list(FRONTEND.resolve("target/e2e-screenshots"))) {
            assertThat(shots.filter(f -> f.toString().endsWith(".png")).count())
                    .as("screenshots")
                    .isGreaterThanOrEqualTo(10);
        }
    }
}

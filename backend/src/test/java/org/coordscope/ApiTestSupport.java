package org.coordscope;

import org.coordscope.detect.DetectionService;
import org.coordscope.ingest.ImportService;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** An {@link ApiTest} with the shared {@link ExploreWorld} ready before each test, and an HTTP client. */
@ApiTest
public abstract class ApiTestSupport {

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected Driver driver;

    @Autowired
    protected ImportService imports;

    @Autowired
    protected DetectionService detection;

    protected ExploreWorld world;

    @BeforeEach
    void prepareWorld() {
        world = ExploreWorld.get(driver, imports, detection);
    }
}

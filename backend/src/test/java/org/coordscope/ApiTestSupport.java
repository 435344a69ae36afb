package org.coordscope;

import org.coordscope.detect.DetectionService;
import org.coordscope.ingest.ImportService;
import org.coordscope.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * An {@link ApiTest} with the shared {@link ExploreWorld} ready before each test, and HTTP clients: {@link #http}
 * signed in as the admin (so it may call every endpoint), {@link #anonymous} without credentials, and
 * {@link #investigator()}.
 */
@ApiTest
public abstract class ApiTestSupport {

    /** Signed in as the admin ({@link TestUsers#ADMIN}) with HTTP Basic. */
    protected TestRestTemplate http;

    /** No credentials at all. */
    protected TestRestTemplate anonymous;

    @Autowired
    protected UserService users;

    @Autowired
    protected Driver driver;

    @Autowired
    protected ImportService imports;

    @Autowired
    protected DetectionService detection;

    protected ExploreWorld world;

    @Autowired
    void clients(TestRestTemplate server) {
        anonymous = server;
        http = TestUsers.admin(server);
    }

    /** Signed in as an investigator ({@link TestUsers#INVESTIGATOR}), added on first use. */
    protected TestRestTemplate investigator() {
        return TestUsers.investigator(anonymous, users);
    }

    @BeforeEach
    void prepareWorld() {
        world = ExploreWorld.get(driver, imports, detection);
    }
}

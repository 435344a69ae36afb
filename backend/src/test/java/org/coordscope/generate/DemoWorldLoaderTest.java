package org.coordscope.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.coordscope.datasets.DatasetService;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The first start on an empty store: the demo world is loaded and detected before anyone asks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "coordscope.demo.enabled=true")
@ActiveProfiles("test")
class DemoWorldLoaderTest {

    @Autowired
    DatasetService datasets;

    @Autowired
    Driver driver;

    @Test
    void anEmptyStoreGetsTheDemoWorldWithADetectionRun() {
        assertThat(datasets.find(DemoWorldLoader.DATASET))
                .hasValueSatisfying(
                        demo -> assertThat(demo.counts().tweets()).isEqualTo(DemoWorldLoader.DEMO.tweets()));
        try (var session = driver.session()) {
            var run = session.run(
                            "MATCH (r:DetectionRun {dataset: $d}) RETURN r.clusters AS clusters, r.suspects AS suspects",
                            Map.of("d", DemoWorldLoader.DATASET))
                    .single();
            assertThat(run.get("clusters").asInt()).isPositive();
            assertThat(run.get("suspects").asInt()).isPositive();
        }
    }
}

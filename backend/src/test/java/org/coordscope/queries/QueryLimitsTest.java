package org.coordscope.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runaway queries: a cartesian product is stopped by the timeout, a query that would hold too much memory by the
 * transaction memory limit (set low here, in a context of its own, closed afterwards), and the next query answers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "coordscope.neo4j.transaction-memory-max=32m")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QueryLimitsTest {

    @Autowired
    Driver driver;

    @Test
    void aCartesianProductIsStoppedWithinTheTimeoutAndTheNextQueryAnswers() {
        Duration timeout = Duration.ofSeconds(2);
        QueryService runner = new QueryService(driver, timeout, 100);
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.runCypher(
                        "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS pairs",
                        Map.of(),
                        100))
                .isInstanceOf(QueryService.QueryRefusedException.class)
                .hasMessageContaining("ran longer than 2 s and was stopped");
        long millis = (System.nanoTime() - started) / 1_000_000;
        // stopped near the timeout (with room for a busy machine), not after the 10^10 rows
        assertThat(millis).isLessThan(timeout.toMillis() + 10_000);
        assertThat(runner.runCypher("RETURN 42 AS answer", Map.of(), 100).rows())
                .containsExactly(java.util.List.of(42L));
    }

    @Test
    void aQueryOverTheTransactionMemoryLimitIsStoppedAndTheNextQueryAnswers() {
        QueryService runner = new QueryService(driver, Duration.ofSeconds(60), 100);
        assertThatThrownBy(() ->
                        runner.runCypher("UNWIND range(1, 50000000) AS x RETURN size(collect(x)) AS n", Map.of(), 100))
                .isInstanceOf(QueryService.QueryRefusedException.class)
                .hasMessageContaining("more memory than one transaction may hold");
        assertThat(runner.runCypher("UNWIND range(1, 1000) AS x RETURN size(collect(x)) AS n", Map.of(), 100)
                        .rows())
                .containsExactly(java.util.List.of(1000L));
    }
}

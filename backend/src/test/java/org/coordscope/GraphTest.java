package org.coordscope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the real embedded Neo4j: its own store under target/, Bolt on a free port, no demo data.
 * Every class with these same properties shares one application context, so one server serves them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "coordscope.neo4j.store=target/test-stores/${random.uuid}",
        "coordscope.neo4j.bolt-port=0",
        "coordscope.neo4j.page-cache=64m",
        "coordscope.demo.enabled=false",
        "spring.main.banner-mode=off",
        "logging.level.root=WARN"})
public @interface GraphTest {
}

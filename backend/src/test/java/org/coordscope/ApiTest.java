package org.coordscope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An HTTP test of the investigator API against the real embedded Neo4j holding one shared {@link ExploreWorld}.
 * Every class with this annotation shares one application context (so one server, one store and one world);
 * the marker property keeps that context apart from the tests that wipe their store before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "coordscope.test.context=explore-world")
@ActiveProfiles("test")
public @interface ApiTest {}

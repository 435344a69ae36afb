package org.coordscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.coordscope.CoordScopeApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application's services for a verb: without the web server, quietly, demo data off. */
final class Contexts {

    private Contexts() {}

    /**
     * The services on the store {@code store} names. Opening a store takes seconds (Neo4j starts in this process), so
     * it is said on {@code err} first: a verb shows what it is doing from its first second.
     */
    static ConfigurableApplicationContext services(StoreOptions store, PrintWriter err) {
        err.println(store.opening());
        err.flush();
        List<String> properties = new ArrayList<>(List.of(
                "coordscope.demo.enabled=false",
                // Nothing outside this process connects to a verb's embedded server: any free port will do.
                "coordscope.neo4j.bolt-port=0",
                "logging.level.root=WARN",
                "logging.level.org.springframework.boot.SpringApplication=OFF"));
        properties.addAll(List.of(store.properties()));
        // As command-line arguments, so they outrank application.properties.
        return new SpringApplicationBuilder(CoordScopeApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }
}

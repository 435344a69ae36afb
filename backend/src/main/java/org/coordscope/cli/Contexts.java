package org.coordscope.cli;

import java.util.ArrayList;
import java.util.List;
import org.coordscope.CoordScopeApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application's services for a verb: without the web server, quietly, demo data off. */
final class Contexts {

    private Contexts() {
    }

    static ConfigurableApplicationContext services(StoreOptions store) {
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

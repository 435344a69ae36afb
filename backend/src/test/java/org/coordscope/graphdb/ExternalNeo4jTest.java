package org.coordscope.graphdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.coordscope.CoordScopeApplication;
import org.coordscope.datasets.DatasetService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** With a URI configured the application starts no server of its own and works through that one. */
class ExternalNeo4jTest {

    @TempDir
    Path temp;

    @Test
    void aConfiguredUriIsUsedInsteadOfAnEmbeddedServer() {
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(temp.resolve("server"), 0, "32m", "");
                var context = new SpringApplicationBuilder(CoordScopeApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--coordscope.neo4j.uri=" + server.boltUri(),
                                "--coordscope.neo4j.username=" + EmbeddedNeo4j.USER,
                                "--coordscope.neo4j.password=" + BoltPassword.readOrCreate(temp.resolve("server")),
                                "--coordscope.neo4j.store=" + temp.resolve("never-created"),
                                "--coordscope.demo.enabled=false",
                                "--spring.main.banner-mode=off",
                                "--logging.level.root=WARN")) {
            assertThat(context.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable())
                    .isNull();
            assertThat(temp.resolve("never-created")).doesNotExist();
            assertThat(context.getBean(DatasetService.class).counts(null).accounts())
                    .isZero();
        }
    }
}

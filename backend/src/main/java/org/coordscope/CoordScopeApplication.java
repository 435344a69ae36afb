package org.coordscope;

import org.coordscope.cli.CoordScopeCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** One executable jar: {@code serve} (the default), {@code import}, {@code stats}, {@code datasets}, {@code generate}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoordScopeApplication {

    public static void main(String[] args) {
        int exitCode = CoordScopeCli.execute(args);
        if (exitCode != CoordScopeCli.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}

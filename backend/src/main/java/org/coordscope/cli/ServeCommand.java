package org.coordscope.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coordscope.CoordScopeApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Start the web UI and REST API (the default verb). Spring options such as --server.port=9090 pass through.")
class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(springArguments);
        for (String property : store.properties()) {
            args.add("--" + property);
        }
        SpringApplication.run(CoordScopeApplication.class, args.toArray(String[]::new));
        return CoordScopeCli.KEEP_RUNNING;
    }
}

package org.coordscope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs a verb in this JVM exactly as {@code main} does (the same command line, its own Spring context on the store),
 * with stdout and stderr captured: the tests' way to run a verb, a child JVM ({@link CliProcess}) being kept for what
 * only a process shows (a kill, a store held by another process).
 */
final class InProcessCli {

    private InProcessCli() {}

    static CliProcess.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CoordScopeCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliProcess.Result(exitCode, out.toString(), err.toString());
    }
}

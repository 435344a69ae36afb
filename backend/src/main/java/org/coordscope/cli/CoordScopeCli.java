package org.coordscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: parses the verb and its options, then hands over to the verb. */
@Command(
        name = "coordscope",
        mixinStandardHelpOptions = true,
        version = "CoordScope 0.1.0",
        description = "Find and explore coordinated account networks in a Neo4j graph.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            StatsCommand.class,
            DatasetsCommand.class,
            GenerateCommand.class,
            DetectCommand.class,
            RunsCommand.class,
            ExportCommand.class,
            UsersCommand.class
        })
public class CoordScopeCli implements Runnable {

    /** Exit code meaning "a server is running: do not exit". */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Override
    public void run() {
        // never reached: execute() defaults to serve
    }

    public static int execute(String... args) {
        String[] effective = defaultsToServe(args) ? prepend("serve", args) : args;
        return commandLine().execute(effective);
    }

    /** The command line with its error handling, for {@link #execute} and for tests that capture its output. */
    static CommandLine commandLine() {
        return new CommandLine(new CoordScopeCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(CoordScopeCli::reportFailure);
    }

    /** No verb (or only Spring-style {@code --key=value} options) means {@code serve}. */
    private static boolean defaultsToServe(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        return first.startsWith("--") && first.contains("=") || first.equals("--store");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** A failure is one clear line on stderr saying what to do, never a stack trace. */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("error: " + UserErrors.message(e));
        err.flush();
        return 1;
    }
}

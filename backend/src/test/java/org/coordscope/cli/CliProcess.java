package org.coordscope.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coordscope.CoordScopeApplication;

/** Runs the real command line in its own JVM (as a user would run the jar), so it can be killed for real. */
final class CliProcess {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private CliProcess() {
    }

    static Process start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.base/java.io=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                CoordScopeApplication.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        return new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile())
                .start();
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Process process = start(workDir, args);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("CLI did not finish in 10 minutes: " + String.join(" ", args));
        }
        return new Result(process.exitValue(), read(workDir.resolve("stdout.txt")), read(workDir.resolve("stderr.txt")));
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}

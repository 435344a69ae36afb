package org.coordscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesTheWorldAndReportsOnStderrOnly() throws Exception {
        Path target = dir.resolve("world");
        int code = run("--accounts", "300", "--groups", "2", "--seed", "5", "--out", target.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("tweets.csv", "users.csv", "truth.csv", "6,000 tweets", "rows/s");
        assertThat(Files.lines(target.resolve("tweets.csv")).count()).isGreaterThanOrEqualTo(6_001);
        assertThat(Files.readAllLines(target.resolve("truth.csv"))).hasSize(301);
    }

    @Test
    void explainsImpossibleInput() {
        int code = run("--accounts", "500", "--groups", "40", "--seed", "1", "--out", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("raise --accounts to at least 640", "lower --groups");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void requiresTheOptions() {
        assertThat(run("--accounts", "500")).isEqualTo(2);
        assertThat(err.toString()).contains("--groups", "--seed", "--out");
    }
}

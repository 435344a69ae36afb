package org.coordscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code users} on a local store, in this JVM, without signing in: add, list, disable, reset. Each verb opens the
 * store (an embedded Neo4j start), so the test keeps to one call per verb; enable is disable's other branch.
 */
class UsersCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CoordScopeCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "users";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--store";
        all[args.length + 2] = dir.resolve("store").toString();
        return cli.execute(all);
    }

    private int runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void addListDisableEnableAndResetOnALocalStore() {
        assertThat(run("add", "alice", "--role", "investigator"))
                .as(err.toString())
                .isZero();
        Matcher generated = Pattern.compile("Generated password: (\\S+)").matcher(out.toString());
        assertThat(generated.find()).as(out.toString()).isTrue();
        assertThat(generated.group(1)).hasSizeGreaterThanOrEqualTo(20);
        assertThat(out.toString()).contains("Added user 'alice' (investigator)");

        assertThat(runWithStdin("a-chosen-password\n", "add", "bob", "--role", "admin", "--password-stdin"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("Added user 'bob' (admin)")
                .containsOnlyOnce("Generated password")
                .doesNotContain("a-chosen-password");

        assertThat(run("disable", "alice")).as(err.toString()).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("list")).as(err.toString()).isZero();
        assertThat(out.toString().lines())
                .anySatisfy(l -> assertThat(l).matches("alice +investigator +no +\\S+"))
                .anySatisfy(l -> assertThat(l).matches("bob +admin +yes +\\S+"));

        out.getBuffer().setLength(0);
        assertThat(run("reset", "alice")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Reset the password of user 'alice'", "Generated password: ");

        // mistakes are one line on stderr, naming what is wrong
        assertThat(run("add", "alice", "--role", "investigator")).isEqualTo(1);
        assertThat(run("add", "carol", "--role", "boss")).isEqualTo(1);
        assertThat(err.toString())
                .contains("username: 'alice' is taken", "roles: 'boss'")
                .doesNotContain("\tat ");
    }
}

package org.coordscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.coordscope.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing, in separate JVMs: an import killed with SIGKILL midway, run again, ends with exactly the
 * counts of a clean import; a second process on a held store stops with a message, not a stack trace.
 */
class ImportKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void killedImportRunAgainGivesTheCountsOfACleanImport() throws Exception {
        String file = SharedData.path("coortweet/german_elections.csv").toString();
        String mapping = "account=account_id,post=post_id,url=url_id,hashtag=hashtag_id,domain=domain_id,image=phash_id,time=timestamp";
        Path killedStore = temp.resolve("killed-store");
        String[] importArgs = {"import", "--format", "shares", "--map", mapping, "--dataset", "de",
                "--store", killedStore.toString(), file};

        Process victim = CliProcess.start(temp.resolve("run1"), importArgs);
        waitForProgress(temp.resolve("run1/stderr.txt"), victim);

        CliProcess.Result blocked = CliProcess.run(temp.resolve("blocked"), "stats", "--store", killedStore.toString());
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.stderr()).contains("in use by another process").doesNotContain("\tat ");

        victim.destroyForcibly(); // SIGKILL
        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Map<String, Object> afterKill = stats(temp.resolve("after-kill"), killedStore);
        CliProcess.Result rerun = CliProcess.run(temp.resolve("run2"), importArgs);
        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        Map<String, Object> finished = stats(temp.resolve("finished"), killedStore);

        Path cleanStore = temp.resolve("clean-store");
        CliProcess.Result clean = CliProcess.run(temp.resolve("clean"), "import", "--format", "shares", "--map", mapping,
                "--dataset", "de", "--store", cleanStore.toString(), file);
        assertThat(clean.exitCode()).as(clean.stderr()).isZero();
        Map<String, Object> expected = stats(temp.resolve("clean-stats"), cleanStore);

        assertThat(((Number) afterKill.get("tweets")).longValue())
                .as("the kill came midway").isPositive().isLessThan(((Number) expected.get("tweets")).longValue());
        assertThat(finished).isEqualTo(expected);
        assertThat(((Number) expected.get("accounts")).longValue()).isEqualTo(58_317);
    }

    private static Map<String, Object> stats(Path workDir, Path store) throws Exception {
        CliProcess.Result result = CliProcess.run(workDir, "stats", "--store", store.toString(), "--dataset", "de");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = JSON.readValue(result.stdout(), Map.class);
        return stats;
    }

    /** Waits until the import has written some batches (its progress line shows records). */
    private static void waitForProgress(Path stderr, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String text = CliProcess.read(stderr);
            if (text.matches("(?s).*\\] +[0-9]+% [1-9][0-9,]* records.*")) {
                return;
            }
            assertThat(process.isAlive()).as("import ended before it could be killed: " + text).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no progress within 3 minutes: " + CliProcess.read(stderr));
    }
}

package org.coordscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What a benchmark figure was measured on: cores, RAM, CPU model, load average, commit (Linux /proc). */
public final class Machine {

    private Machine() {}

    /** "2 cores, 23.4 GiB RAM, Intel(R) Xeon(R) ..., OpenJDK 17.0.15". */
    public static String describe() {
        return String.format(
                Locale.ROOT,
                "%d cores, %.1f GiB RAM, %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(),
                memTotalKib() / 1024.0 / 1024.0,
                cpuModel(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    /** The 1, 5 and 15 minute load averages, e.g. "1.23 1.11 1.56". */
    public static String loadAverage() {
        String s = read("/proc/loadavg");
        if (s.isEmpty()) {
            return "unknown";
        }
        String[] f = s.strip().split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /** The checked-out commit, with "+ uncommitted changes" when the work tree differs from it. */
    public static String commit(Path repo) {
        try {
            String head = run(repo, "git", "rev-parse", "--short=12", "HEAD");
            String dirty = run(repo, "git", "status", "--porcelain", "--untracked-files=no");
            return head + (dirty.isBlank() ? "" : " + uncommitted changes");
        } catch (IOException | InterruptedException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static String cpuModel() {
        for (String line : read("/proc/cpuinfo").split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown CPU";
    }

    static long memTotalKib() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + out);
        }
        return out;
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}

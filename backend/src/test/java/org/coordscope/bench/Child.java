package org.coordscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.coordscope.CoordScopeApplication;

/**
 * The application's CLI ({@code import}, {@code detect}, {@code serve}) in a child JVM on this JVM's class path
 * (embedded store, its Bolt connector on a free port),
 * its output in a log file, its peak resident set ({@code VmHWM}) and CPU time sampled from {@code /proc/<pid>}
 * every 100 ms while it runs (the last sample before it exits, so a peak in its final 100 ms can be missed).
 */
public final class Child implements AutoCloseable {

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private final Process process;
    private final Path log;
    private final Thread sampler;
    private volatile long peakRssKib;
    private volatile long cpuTicks;

    private Child(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.sampler = new Thread(this::sample, "rss-sampler-" + process.pid());
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts {@code java -Xmx<heap> -cp <this class path> CoordScopeApplication <args>}. */
    public static Child start(String heap, Path log, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CoordScopeApplication.class.getName());
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("NEO4J_URI"); // always the embedded store named by --store
        pb.environment().put("COORDSCOPE_NEO4J_BOLTPORT", "0"); // a free Bolt port: others may hold 7687
        pb.environment().putAll(env);
        return new Child(pb.start(), log);
    }

    private void sample() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakRssKib = Math.max(peakRssKib, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
                String s = Files.readString(stat);
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                cpuTicks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14, 15)
                Thread.sleep(100);
            } catch (IOException | RuntimeException e) {
                return; // the process exited between the check and the read
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits for the exit; fails with the log's tail when it does not end in time or ends with an error. */
    public void awaitSuccess(long timeoutMinutes) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            close();
            throw new IllegalStateException("timed out after " + timeoutMinutes + " min: " + tail());
        }
        sampler.join(1000);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit code " + process.exitValue() + ": " + tail());
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Peak resident set size in MiB (VmHWM, last sample). */
    public long peakRssMib() {
        return peakRssKib >> 10;
    }

    /** User + system CPU seconds (last sample). */
    public double cpuSeconds() {
        return cpuTicks / (double) CLOCK_TICKS;
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    String tail() throws IOException {
        String out = output();
        return out.substring(Math.max(0, out.length() - 3000));
    }

    /** SIGTERM, then SIGKILL if it has not ended within 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}

package org.coordscope.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.coordscope.CoordScopeApplication;

/**
 * Runs the real command line in its own JVM (as a user would run the jar), so it can be killed for real.
 *
 * <p>A child JVM spends most of its life starting (Spring and Neo4j load some 20,000 classes). JVM options make that
 * about 2.5 times cheaper in CPU without changing what the command does: the classes are mapped from a
 * class-data-sharing archive that the first successful {@link #run} writes as it exits
 * ({@code target/cli-classes.jsa}; {@link #writeClassArchive}), and the JIT stops at its first tier, with the serial
 * collector (the commands run here are short). The JVM archives classes from jars only, so the child's class path is
 * the test's with {@code target/classes} as a jar.
 */
final class CliProcess {

    record Result(int exitCode, String stdout, String stderr) {}

    private CliProcess() {}

    private static final Path CLASS_ARCHIVE =
            Path.of("target", "cli-classes.jsa").toAbsolutePath();
    private static String classPath;

    static Process start(Path workDir, String... args) throws IOException {
        return start(workDir, null, args);
    }

    /** {@code newArchive}: where the child writes the class archive as it exits, when there is none yet. */
    private static Process start(Path workDir, Path newArchive, String... args) throws IOException {
        String childClassPath = classPath(); // first: it removes an archive of an older jar
        String classes = Files.isRegularFile(CLASS_ARCHIVE)
                ? "-XX:SharedArchiveFile=" + CLASS_ARCHIVE
                : newArchive != null ? "-XX:ArchiveClassesAtExit=" + newArchive : "-Xshare:auto";
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                classes,
                "--add-opens",
                "java.base/java.nio=ALL-UNNAMED",
                "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens",
                "java.base/java.io=ALL-UNNAMED",
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "-cp",
                childClassPath,
                CoordScopeApplication.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile())
                .start();
    }

    /**
     * Writes the class archive, when there is none yet, with a child that runs {@code stats} on a new store in
     * {@code workDir} (Spring and Neo4j load nearly every class the other commands use). A test class whose children
     * are mostly killed calls this first: a killed child writes no archive, so without it every child would start
     * without one.
     */
    static void writeClassArchive(Path workDir) throws IOException, InterruptedException {
        classPath();
        if (!Files.isRegularFile(CLASS_ARCHIVE)) {
            Result stats =
                    run(workDir, "stats", "--store", workDir.resolve("store").toString());
            if (stats.exitCode() != 0) {
                throw new IllegalStateException("stats on a new store failed: " + stats.stderr());
            }
        }
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path newArchive = workDir.resolve("classes.jsa").toAbsolutePath();
        Process process = start(workDir, newArchive, args);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("CLI did not finish in 10 minutes: " + String.join(" ", args));
        }
        if (process.exitValue() == 0 && Files.isRegularFile(newArchive) && !Files.exists(CLASS_ARCHIVE)) {
            Path copy = Files.copy(
                    newArchive,
                    CLASS_ARCHIVE.resolveSibling(CLASS_ARCHIVE.getFileName() + ".part"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, CLASS_ARCHIVE, StandardCopyOption.ATOMIC_MOVE);
        }
        return new Result(
                process.exitValue(), read(workDir.resolve("stdout.txt")), read(workDir.resolve("stderr.txt")));
    }

    /** The test's class path with the main classes as one jar and without the test classes (the child needs none). */
    private static synchronized String classPath() throws IOException {
        if (classPath == null) {
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (!Files.isDirectory(path)) {
                    entries.add(entry);
                } else if (path.endsWith(Path.of("target", "classes"))) {
                    entries.add(
                            jar(path, path.resolveSibling("cli-classes.jar")).toString());
                    // an archive is valid only for the jar it was written with (the JVM checks its size and time)
                    Files.deleteIfExists(CLASS_ARCHIVE);
                }
            }
            classPath = String.join(File.pathSeparator, entries);
        }
        return classPath;
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        Path part = jar.resolveSibling(jar.getFileName() + ".part");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(part));
                Stream<Path> files = Files.walk(classes)) {
            // directories too: Spring's component scan looks packages up as resources
            for (Path file :
                    (Iterable<Path>) files.filter(f -> !f.equals(classes)).sorted()::iterator) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                boolean directory = Files.isDirectory(file);
                out.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        return Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}

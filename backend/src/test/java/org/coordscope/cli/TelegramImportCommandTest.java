package org.coordscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code import --format telegram} as a user runs it: a Telegram Desktop export and Telethon lines together, told
 * apart by content, into a new store (the bulk path); the report counts the skipped service messages and names each
 * bad item's file and message id; {@code stats} then counts what the importer said it stored.
 */
class TelegramImportCommandTest {

    @TempDir
    Path temp;

    @Test
    void aDesktopExportAndTelethonLinesImportFromTheCommandLine() throws Exception {
        String store = temp.resolve("store").toString();
        Path report = temp.resolve("errors.csv");
        CliProcess.Result imported = InProcessCli.run(
                "import",
                "--format",
                "telegram",
                "--dataset",
                "tg",
                "--store",
                store,
                "--report",
                report.toString(),
                fixture("single_chat_result.json"),
                fixture("full_export_result.json"),
                fixture("telethon_messages.jsonl"));
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(imported.stderr())
                .contains("bulk, into a new store", "3 service messages (joins, pins, title changes) skipped")
                .contains("3 bad rows skipped; all are listed in " + report)
                .doesNotContain("\tat ");
        assertThat(Files.readString(report))
                .contains("single_chat_result.json", "telethon_messages.jsonl", "message 16");

        CliProcess.Result stats = InProcessCli.run("stats", "--store", store, "--dataset", "tg");
        assertThat(stats.exitCode()).as(stats.stderr()).isZero();
        // the counts TelegramImportTest checks through the driver path
        assertThat(stats.stdout()).contains("\"tweets\":11", "\"accounts\":10");
    }

    private static String fixture(String name) throws Exception {
        return new ClassPathResource("fixtures/telegram/" + name).getFile().toString();
    }
}

package org.coordscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.coordscope.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import the store's disk would not hold is refused before a row is written, on the bulk path (a new store) and
 * through the driver (the store opened again after the first refusal), saying how much it needs and what to do. The
 * disk is a real 700 MB tmpfs (root only): the store's transaction logs take about 512 MB of it.
 */
class ImportDiskSpaceTest {

    @TempDir
    Path temp;

    @Test
    void anImportTooLargeForTheDiskIsRefusedOnBothPaths() throws Exception {
        SmallDisk disk = SmallDisk.mount(temp.resolve("small-disk"), "700m");
        assumeTrue(disk != null, "needs root to mount a small tmpfs");
        try (disk) {
            // 150 MB on another disk (sparse: its size is what the check reads); twice that does not fit
            Path tweets = temp.resolve("tweets.csv");
            try (RandomAccessFile file = new RandomAccessFile(tweets.toFile(), "rw")) {
                file.setLength(150L << 20);
            }
            String store = disk.dir().resolve("store").toString();
            for (String path : new String[] {"--bulk", "--no-bulk"}) {
                CliProcess.Result refused = InProcessCli.run(
                        "import",
                        path,
                        "--format",
                        "infoops",
                        "--dataset",
                        "big",
                        "--store",
                        store,
                        "--report",
                        temp.resolve("errors.csv").toString(),
                        tweets.toString());
                assertThat(refused.exitCode()).as(path).isEqualTo(1);
                assertThat(refused.stderr())
                        .as(path)
                        .contains("This import needs about", "MB is free", "Nothing was imported", "--store DIR")
                        .doesNotContain("\tat ");
            }
        }
    }
}

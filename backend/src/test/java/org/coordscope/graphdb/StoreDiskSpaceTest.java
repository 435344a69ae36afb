package org.coordscope.graphdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.coordscope.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new store on a disk with too little free space (a real 300 MB tmpfs) is refused before anything is written, with
 * a message that names the free and the needed space and what to do. Without the check Neo4j half creates the store
 * and fails with "The database is not currently available", which says nothing of the disk.
 */
class StoreDiskSpaceTest {

    @TempDir
    Path temp;

    @Test
    void aNewStoreOnANearlyFullDiskIsRefusedSayingHowMuchSpaceItNeeds() throws Exception {
        SmallDisk disk = SmallDisk.mount(temp.resolve("small-disk"), "300m");
        assumeTrue(disk != null, "needs root to mount a small tmpfs");
        try (disk) {
            Path store = disk.dir().resolve("store");
            assertThat(EmbeddedNeo4j.freeSpace(store)).isLessThan(EmbeddedNeo4j.NEW_STORE_SPACE);
            assertThatThrownBy(() -> EmbeddedNeo4j.start(store, 0, "8m", ""))
                    .isInstanceOf(StoreStartException.class)
                    .hasMessageContaining("is free on the disk that holds the store " + store)
                    .hasMessageContaining("Neo4j needs about " + (EmbeddedNeo4j.NEW_STORE_SPACE >> 20) + " MB")
                    .hasMessageContaining("df -h", "--store DIR");
            assertThat(store).as("nothing written").doesNotExist();
        }
    }
}

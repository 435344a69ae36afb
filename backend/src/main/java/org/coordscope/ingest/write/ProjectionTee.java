package org.coordscope.ingest.write;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coordscope.detect.store.ActionLoader;
import org.coordscope.detect.store.ProjectionBuilder;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.PostRecord;

/**
 * The driver path's copy of what it writes into a dataset that was empty, gathered as the bulk path gathers it
 * ({@link BulkGraph}: the same merge of nodes, properties and relationships as the driver's {@code MERGE}s), so
 * that the import can hand detection its projection without reading the store back. Batches are given in the
 * order they are written, each as {@link GraphWriter} applies it (its accounts, then its posts).
 */
public final class ProjectionTee implements Closeable {

    private final Path spillFile;
    private final BulkGraph graph;

    /** Gathers into memory and {@code spillFile} (deleted on close). */
    public ProjectionTee(Path spillFile) throws IOException {
        Files.createDirectories(spillFile.getParent());
        this.spillFile = spillFile;
        this.graph = new BulkGraph(spillFile);
    }

    /** A batch, as written. */
    public void batch(List<AccountRecord> accounts, List<PostRecord> posts) {
        accounts.forEach(account -> GraphShape.account(account, graph));
        posts.forEach(post -> GraphShape.post(post, graph));
    }

    /** What detection would read of the dataset now: every signal, near-text signed with the default options. */
    public ActionLoader.Loaded projection() throws IOException {
        ProjectionBuilder builder = ProjectionBuilder.everySignal();
        graph.project(builder);
        return builder.finish();
    }

    @Override
    public void close() throws IOException {
        graph.close();
        Files.deleteIfExists(spillFile);
    }
}

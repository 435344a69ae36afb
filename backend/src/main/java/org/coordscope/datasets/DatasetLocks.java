package org.coordscope.datasets;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coordscope.web.ConflictException;
import org.springframework.stereotype.Component;

/**
 * One writer per dataset: an import, a detection or a deletion holds its dataset until it ends; a second one asking
 * for the same dataset is refused at once (409 over HTTP) with a message naming what holds it. Reads never take a
 * lease and keep working during writes. Imports and detections of <em>other</em> datasets are not held up by this
 * (the job queues still run one import and one detection at a time). The lease is not bound to a thread: the
 * request thread takes it and the background job gives it back.
 *
 * <p>In-process only: on the embedded store one process holds the store, so this covers every writer; two processes
 * sharing an external Neo4j server are not coordinated.
 */
@Component
public class DatasetLocks {

    /** What holds a dataset. */
    public record Holder(String dataset, String kind, String id, Instant since) {}

    /** A held dataset, given back by {@link #close()} (idempotent). */
    public final class Lease implements AutoCloseable {
        private final Holder holder;

        private Lease(Holder holder) {
            this.holder = holder;
        }

        @Override
        public void close() {
            held.remove(holder.dataset(), holder);
        }
    }

    private final Map<String, Holder> held = new ConcurrentHashMap<>();

    /**
     * Takes {@code dataset} for a job of {@code kind} ("import", "detection", "deletion") with id {@code id}, or
     * refuses with a {@link ConflictException} naming the job that holds it.
     */
    public Lease acquire(String dataset, String kind, String id) {
        Holder mine = new Holder(dataset, kind, id, Instant.now());
        Holder other = held.putIfAbsent(dataset, mine);
        if (other != null) {
            throw new ConflictException("Dataset '" + dataset + "' is busy: " + article(other.kind()) + " "
                    + other.kind() + " (" + other.id() + ", started " + other.since() + ") is writing it, so "
                    + article(kind) + " " + kind + " cannot start now. Wait until it has finished"
                    + " (GET /api/imports or /api/detections shows its progress) and try again.");
        }
        return new Lease(mine);
    }

    /** What holds {@code dataset}, if anything. */
    public java.util.Optional<Holder> holder(String dataset) {
        return java.util.Optional.ofNullable(held.get(dataset));
    }

    private static String article(String kind) {
        return kind.matches("^[aeiou].*") ? "an" : "a";
    }
}

package org.coordscope.detect;

import java.util.List;
import java.util.Map;
import org.coordscope.detect.pipeline.ClusterScorer;

/**
 * A detection run as its {@code DetectionRun} node records it: written by {@link DetectionService} when the run ends,
 * read back by {@link org.coordscope.detect.store.DetectionStore} for every listing, lookup and API answer. The one
 * shape of a run's result: the CLI prints it, the REST API returns it, the job carries it. What a run has not reached
 * is null: everything after {@code startedAt} while it is {@code RUNNING}, the counts of a {@code FAILED} run.
 *
 * @param runId the run's id
 * @param dataset the dataset
 * @param status {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param startedAt when it started (ISO-8601, UTC)
 * @param error why it failed, when it did
 * @param resolutionSeconds the time resolution detected from the data (60: whole minutes)
 * @param params the recorded parameters (options by id, algorithm, quality, resolution, seed)
 * @param accounts accounts of the dataset (the vertex id space of the coordination graph)
 * @param actions actions read per signal
 * @param edges edges of the coordination graph (every pair meeting a signal's minimum support)
 * @param modularity Newman–Girvan modularity of the communities on the coordination graph
 * @param clusters communities of at least {@link ClusterScorer#MIN_CLUSTER_SIZE} accounts (stored)
 * @param suspectClusters clusters scoring at least the default threshold
 * @param suspects accounts scoring at least the default threshold
 * @param persistedEdges coordination edges stored (those between cluster members)
 * @param coActiveAccounts accounts with at least 3 co-actions (summed over their coordination edges)
 * @param coActiveClustered of those, the ones in a stored cluster: coverage is their share
 * @param millis wall time, by phase and in total ({@code total})
 * @param top the best clusters (at most ten): id, size, score, reasons
 */
public record DetectionResult(
        String runId,
        String dataset,
        String status,
        String startedAt,
        String error,
        Integer resolutionSeconds,
        Map<String, Object> params,
        Integer accounts,
        Map<String, Integer> actions,
        Integer edges,
        Double modularity,
        Integer clusters,
        Integer suspectClusters,
        Integer suspects,
        Integer persistedEdges,
        Integer coActiveAccounts,
        Integer coActiveClustered,
        Map<String, Long> millis,
        List<TopCluster> top) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** One cluster in a summary. */
    public record TopCluster(String id, int size, double score, List<String> reasons) {}

    public boolean done() {
        return DONE.equals(status);
    }
}

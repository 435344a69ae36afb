package org.coordscope.detect;

import java.util.List;
import java.util.Map;

/**
 * What a finished run found.
 *
 * @param runId the run's id (also on the {@code DetectionRun} node)
 * @param dataset the dataset
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
 * @param top the best clusters: id, size, score, reasons
 */
public record DetectionResult(
        String runId,
        String dataset,
        int resolutionSeconds,
        Map<String, Object> params,
        int accounts,
        Map<String, Integer> actions,
        int edges,
        double modularity,
        int clusters,
        int suspectClusters,
        int suspects,
        int persistedEdges,
        int coActiveAccounts,
        int coActiveClustered,
        Map<String, Long> millis,
        List<TopCluster> top) {

    /** One cluster in a summary. */
    public record TopCluster(String id, int size, double score, List<String> reasons) {}
}

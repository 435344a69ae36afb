package org.coordscope.explore;

import java.util.List;

/**
 * Accounts and the coordination edges of one run among them, as the graph view draws them.
 *
 * @param nodes      the accounts shown (capped)
 * @param edges      the run's {@code COORDINATED} edges among the shown accounts, heaviest first (capped)
 * @param truncated  true when nodes or edges were left out by a cap
 * @param totalNodes accounts before the cap
 * @param totalEdges edges among the shown accounts before the edge cap
 */
public record ClusterGraph(
        List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated, long totalNodes, long totalEdges) {

    /** An account: its cluster in the run (null when in none) and membership score and strength. */
    public record GraphNode(
            String id, String screenName, String clusterId, Double score, Double strength, boolean inCluster) {}

    /** A coordination edge; {@code firstAt}/{@code lastAt} span its evidence's action times. */
    public record GraphEdge(
            String source, String target, double weight, List<String> signals, String firstAt, String lastAt) {}
}

package org.coordscope.detect.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.coordscope.detect.community.LeidenClustering;
import org.coordscope.detect.signal.Actions;
import org.coordscope.detect.signal.CoActionGraphBuilder;
import org.coordscope.detect.signal.CoordinationGraph;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.signal.SignalKind;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The part of a detection run that needs no database, shared by the Neo4j path (the application's
 * {@code DetectionService}) and the in-memory path from source files (the tests' {@code SourceActions}, used
 * by the accuracy and performance benchmarks): actions → coordination graph → communities → scored clusters, plus the coverage figure.
 */
public final class DetectionPipeline {

    /** An account needs at least this many co-actions (summed over its edges) to count in {@link Coverage}. */
    public static final int COVERAGE_MIN_COACTIONS = 3;

    private DetectionPipeline() {}

    /** Everything a run computes before writing: the graph, its communities, the scored clusters, coverage. */
    public record Analysis(
            CoordinationGraph graph, Communities communities, List<ClusterScorer.Scored> scored, Coverage coverage) {}

    /**
     * Graph, communities and scores of the actions in {@code data} (consumed). {@code millis} gets
     * {@code graph} (with {@code graph.SIGNAL} per signal), {@code communities} and {@code scoring}.
     */
    public static Analysis analyse(
            SignalData data,
            AccountTraits traits,
            DetectionOptions options,
            PipelineSettings settings,
            Map<String, Long> millis,
            DetectionProgress progress) {
        long phase = System.nanoTime();
        progress.update(
                "graph",
                0.55,
                String.format("building the coordination graph of %,d accounts", data.accountIds.size()));
        CoordinationGraph graph = graph(data, options, millis);
        phase = lap(millis, "graph", phase);
        progress.update(
                "communities",
                0.7,
                String.format("%s on %,d edges", settings.algorithm().id(), graph.edgeCount()));
        Communities found = communities(graph, settings);
        phase = lap(millis, "communities", phase);
        progress.update("scoring", 0.8, "scoring communities");
        List<ClusterScorer.Scored> scored = new ClusterScorer(graph, data, traits, options).score(found.communities());
        Coverage coverage = coverage(graph, scored, ClusterScorer.DEFAULT_THRESHOLD);
        lap(millis, "scoring", phase);
        return new Analysis(graph, found, scored, coverage);
    }

    private static long lap(Map<String, Long> millis, String phase, long since) {
        long now = System.nanoTime();
        millis.put(phase, (now - since) / 1_000_000);
        return now;
    }

    /** Communities (sorted member arrays) and their Newman–Girvan modularity on the coordination graph. */
    public record Communities(List<int[]> communities, double modularity) {}

    /**
     * @param coActive accounts with at least {@value #COVERAGE_MIN_COACTIONS} co-actions in the graph
     * @param clustered of those, the ones in a scored cluster ({@link ClusterScorer#MIN_CLUSTER_SIZE} or more)
     * @param flagged of those, the ones scoring at least the default threshold
     */
    public record Coverage(int coActive, int clustered, int flagged) {
        double share() {
            return coActive == 0 ? 0 : (double) clustered / coActive;
        }
    }

    /**
     * Projects each signal's actions (clearing them from {@code data}) and merges them into the graph; records
     * the time of each signal's projection under {@code graph.SIGNAL} in {@code millis}. Counts the reaction
     * delays of retweets first ({@link SignalData#countReactionDelays()}), while the actions are still there.
     */
    public static CoordinationGraph graph(SignalData data, DetectionOptions options, Map<String, Long> millis) {
        data.countReactionDelays();
        CoActionGraphBuilder builder = new CoActionGraphBuilder(data.accountIds.size(), options);
        for (Map.Entry<SignalKind, Actions> en : data.actions.entrySet()) {
            long t0 = System.nanoTime();
            builder.add(en.getKey(), en.getValue());
            millis.merge("graph." + en.getKey().id(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
        }
        data.actions.clear();
        return builder.build();
    }

    /** Leiden (or JGraphT's label propagation, as the settings say) on the graph's non-isolated accounts. */
    public static Communities communities(CoordinationGraph graph, PipelineSettings settings) {
        if (graph.edgeCount() == 0) {
            return new Communities(List.of(), 0);
        }
        Graph<Integer, DefaultWeightedEdge> g = graph.toWeightedGraph();
        ClusteringAlgorithm<Integer> algorithm = settings.algorithm() == PipelineSettings.Algorithm.LABEL_PROPAGATION
                ? new LabelPropagationClustering<>(g, new Random(settings.seed()))
                : new LeidenClustering<>(
                        g,
                        settings.resolution(),
                        new Random(settings.seed()),
                        settings.quality(),
                        LeidenClustering.DEFAULT_RANDOMNESS,
                        graph.edgeCount() > PipelineSettings.LARGE_GRAPH_EDGES ? 2 : Integer.MAX_VALUE);
        List<Set<Integer>> clusters = algorithm.getClustering().getClusters();
        double modularity = new UndirectedModularityMeasurer<>(g).modularity(clusters);
        List<int[]> communities = new ArrayList<>();
        for (Set<Integer> c : clusters) {
            communities.add(c.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return new Communities(communities, modularity);
    }

    /** The share of accounts with enough co-actions to judge that the scored clusters hold. */
    public static Coverage coverage(CoordinationGraph graph, List<ClusterScorer.Scored> scored, double threshold) {
        long[] coActions = new long[graph.accountCount()];
        for (int e = 0; e < graph.edgeCount(); e++) {
            coActions[graph.source(e)] += graph.totalSupport(e);
            coActions[graph.target(e)] += graph.totalSupport(e);
        }
        byte[] state = new byte[graph.accountCount()];
        for (ClusterScorer.Scored s : scored) {
            for (int m = 0; m < s.members().length; m++) {
                state[s.members()[m]] = (byte) (s.memberScore()[m] >= threshold ? 2 : 1);
            }
        }
        int active = 0;
        int clustered = 0;
        int flagged = 0;
        for (int a = 0; a < coActions.length; a++) {
            if (coActions[a] >= COVERAGE_MIN_COACTIONS) {
                active++;
                clustered += state[a] > 0 ? 1 : 0;
                flagged += state[a] == 2 ? 1 : 0;
            }
        }
        return new Coverage(active, clustered, flagged);
    }
}

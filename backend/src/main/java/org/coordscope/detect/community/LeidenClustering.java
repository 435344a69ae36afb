package org.coordscope.detect.community;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;

/**
 * The Leiden community detection algorithm, for undirected weighted graphs.
 *
 * <p>V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing well-connected
 * communities", <i>Scientific Reports</i> 9, 5233 (2019). Leiden improves on Louvain (Blondel et al. 2008),
 * whose communities can end up badly connected or even disconnected: a vertex that holds a community
 * together may move out of it, and Louvain never looks inside a community again.
 *
 * <p>One pass of the algorithm repeats three phases, level by level:
 * <ol>
 * <li><b>Fast local moving.</b> Vertices wait in a queue, initially all of them in random order. Each is
 * moved to the neighbouring (or an empty) community that most increases the quality, if any does; when a
 * vertex moves, its neighbours outside its new community join the queue unless already in it. The phase
 * ends when the queue is empty.</li>
 * <li><b>Refinement.</b> Each community {@code S} of the moved partition is refined, starting from
 * singletons: in random order, every vertex that is well connected to the rest of {@code S} and still a
 * singleton may merge into a well-connected sub-community of {@code S} it has an edge to, chosen at random
 * with probability proportional to {@code exp(gain / theta)} among the merges of non-negative gain
 * ({@code theta}, the randomness, defaults to {@value #DEFAULT_RANDOMNESS}; staying alone is one of the
 * choices). Refined communities are therefore always connected.</li>
 * <li><b>Aggregation.</b> Each refined community becomes one vertex of an aggregate graph (edges between
 * them summed, edges inside them becoming self-loops); the aggregate starts from the moved, non-refined
 * partition, so a community may be split into several aggregate vertices that stay together.</li>
 * </ol>
 * A pass ends when local moving leaves every aggregate vertex in a community of its own; its communities
 * are then those aggregate vertices, and so each one induces a connected subgraph. Passes are repeated,
 * each starting from the last one's partition, until a pass changes nothing or {@code maxIterations}
 * passes ran. Communities never span two connected components. Should the refinement merge nothing, a
 * level aggregates on the connected parts of each community instead, so every level shrinks the graph.
 *
 * <p><b>Quality functions and resolution {@code gamma}.</b>
 * <ul>
 * <li>{@link Quality#MODULARITY}:
 * {@code Q = sum_c [ in_c / m - gamma (K_c / 2m)^2 ]}, where {@code in_c} is the weight of the edges inside
 * community {@code c} (each once, a self-loop once), {@code K_c} the sum of the weighted degrees of its
 * vertices (a self-loop adds twice its weight to its vertex's degree), and {@code m} the total edge weight.
 * {@code gamma = 1} is Newman–Girvan modularity, and then {@link #getQuality()} equals what JGraphT's
 * {@code UndirectedModularityMeasurer} reports. Larger {@code gamma} gives more and smaller communities.
 * Modularity has a resolution limit (Fortunato and Barthélemy 2007): with {@code gamma = 1}, communities
 * with less internal weight than about {@code sqrt(m / 2)} can be merged with their neighbours even when
 * they are cliques joined by a single edge.</li>
 * <li>{@link Quality#CPM}, the Constant Potts Model (Traag, Van Dooren and Nesterov 2011):
 * {@code H = sum_c [ in_c - gamma n_c (n_c - 1) / 2 ]} with {@code n_c} the number of vertices in
 * {@code c} (every vertex weighs 1). {@code gamma} is a density threshold in edge weight per pair of
 * vertices: communities are denser than {@code gamma} inside and sparser than {@code gamma} between
 * each other. It has no resolution limit, and so suits small dense groups in large graphs; its
 * {@code gamma} depends on the scale of the edge weights.</li>
 * </ul>
 * The refinement's randomness {@code theta} is in the same unit as {@code in_c}: edge weight.
 *
 * <p><b>Cost.</b> The constructor copies the graph once into compressed sparse row arrays (checking the
 * weights as it goes): {@code O(n + m)} memory for {@code n} vertices and {@code m} edges, plus a hash map
 * from vertex to index while copying. Each level costs
 * {@code O(m)} for refinement and aggregation, and local moving {@code O(m)} per round of visits; the
 * queue revisits only the neighbourhoods of moved vertices, so after the first round the work concentrates
 * where the partition still changes. The graph shrinks level by level, typically to a handful of levels,
 * and the first level dominates. There is no useful worst-case bound on the number of moves; in practice
 * a pass is near linear in {@code m}. Passes after the first start from a good partition and cost about a
 * third of the first each, but running them until nothing changes can take ten or more of them for gains
 * in the fifth decimal of modularity: on large graphs, {@code maxIterations = 2} (igraph's default) buys
 * most of the quality for a fraction of the time.
 *
 * <p>Edges of weight zero are ignored; parallel edges add up; self-loops count in the quality functions as
 * described above. The result does not depend on anything but the graph (including its vertex and edge
 * iteration order), the parameters, and the values drawn from the {@link Random}: a seeded {@code Random}
 * gives the same clustering every time.
 *
 * <p>The public shape follows the {@code LeidenClustering} of JGraphT's development line (not yet in a
 * release), so that one can replace or be checked against the other.
 *
 * @param <V> the vertex type
 * @param <E> the edge type
 */
public class LeidenClustering<V, E> implements ClusteringAlgorithm<V> {

    /** The default randomness {@code theta} of the refinement phase, as in the paper. */
    public static final double DEFAULT_RANDOMNESS = 0.01;

    /** Selects the quality function to optimise. */
    public enum Quality {
        /** Modularity with resolution {@code gamma}: has a resolution limit. */
        MODULARITY,
        /** Constant Potts Model with resolution (density threshold) {@code gamma}: no resolution limit. */
        CPM
    }

    private final List<V> vertices;
    private final CsrGraph csr;
    private final double resolution;
    private final Random rng;
    private final Quality quality;
    private final double randomness;
    private final int maxIterations;

    private Clustering<V> clustering;
    private double achievedQuality;

    /**
     * Modularity with {@code gamma = 1} and an unseeded {@link Random}.
     *
     * @param graph an undirected graph with non-negative edge weights
     * @throws IllegalArgumentException if the graph is null, not undirected, or has a negative, infinite or
     *         NaN edge weight
     */
    public LeidenClustering(Graph<V, E> graph) {
        this(graph, 1d);
    }

    /**
     * Modularity with the given resolution and an unseeded {@link Random}.
     *
     * @param graph an undirected graph with non-negative edge weights
     * @param resolution the resolution {@code gamma}, positive and finite
     * @throws IllegalArgumentException on a bad graph or resolution
     */
    public LeidenClustering(Graph<V, E> graph, double resolution) {
        this(graph, resolution, new Random(), Quality.MODULARITY);
    }

    /**
     * Leiden with the given quality function, randomness {@value #DEFAULT_RANDOMNESS}, and passes until
     * the partition no longer changes.
     *
     * @param graph an undirected graph with non-negative edge weights
     * @param resolution the resolution {@code gamma}, positive and finite
     * @param rng the source of randomness (visiting orders, refinement choices); seed it for determinism
     * @param quality the quality function to maximise
     * @throws IllegalArgumentException on a bad graph or resolution
     * @throws NullPointerException if {@code rng} or {@code quality} is null
     */
    public LeidenClustering(Graph<V, E> graph, double resolution, Random rng, Quality quality) {
        this(graph, resolution, rng, quality, DEFAULT_RANDOMNESS, Integer.MAX_VALUE);
    }

    /**
     * Leiden with every parameter.
     *
     * @param graph an undirected graph with non-negative edge weights
     * @param resolution the resolution {@code gamma}, positive and finite
     * @param rng the source of randomness (visiting orders, refinement choices); seed it for determinism
     * @param quality the quality function to maximise
     * @param randomness the refinement's {@code theta}, positive and finite, in units of edge weight:
     *        near 0 the refinement merges greedily, larger values explore more
     * @param maxIterations the most passes to run, positive; {@link Integer#MAX_VALUE} runs until a pass
     *        changes nothing
     * @throws IllegalArgumentException on a bad graph, resolution, randomness or iteration count
     * @throws NullPointerException if {@code rng} or {@code quality} is null
     */
    public LeidenClustering(
            Graph<V, E> graph, double resolution, Random rng, Quality quality, double randomness, int maxIterations) {
        if (graph == null) {
            throw new IllegalArgumentException("Graph must not be null");
        }
        if (!graph.getType().isUndirected()) {
            throw new IllegalArgumentException("Graph must be undirected");
        }
        if (!(resolution > 0d) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("Resolution must be positive and finite: " + resolution);
        }
        if (!(randomness > 0d) || Double.isInfinite(randomness)) {
            throw new IllegalArgumentException("Randomness must be positive and finite: " + randomness);
        }
        if (maxIterations <= 0) {
            throw new IllegalArgumentException("Iterations must be positive: " + maxIterations);
        }
        this.vertices = new ArrayList<>(graph.vertexSet());
        this.csr = toCsr(graph, vertices); // checks the weights as it copies them
        this.resolution = resolution;
        this.rng = Objects.requireNonNull(rng, "rng");
        this.quality = Objects.requireNonNull(quality, "quality");
        this.randomness = randomness;
        this.maxIterations = maxIterations;
    }

    /**
     * Computes the clustering on first call, and returns the same one on every later call. It is computed on
     * the copy the constructor took: later changes to the graph do not affect it.
     *
     * @return an immutable clustering: clusters in order of their first vertex in the graph's vertex order,
     *         vertices within a cluster in that order too
     */
    @Override
    public Clustering<V> getClustering() {
        if (clustering == null) {
            compute();
        }
        return clustering;
    }

    /**
     * The value of the chosen quality function for the clustering (computing it if not done yet): the
     * modularity with this instance's resolution, or the CPM value. For modularity on a graph with no edge
     * weight at all it is {@code NaN}, since modularity is then undefined.
     *
     * @return the achieved quality
     */
    public double getQuality() {
        getClustering();
        return achievedQuality;
    }

    private void compute() {
        LeidenOptimizer optimizer = LeidenOptimizer.of(csr, quality, resolution, randomness, rng, true);
        int[] membership = optimizer.run(null, maxIterations);
        int count = 0;
        for (int c : membership) {
            count = Math.max(count, c + 1);
        }
        achievedQuality = quality == Quality.MODULARITY
                ? LeidenOptimizer.modularity(csr, membership, count, resolution)
                : LeidenOptimizer.cpm(csr, membership, count, resolution);
        clustering = new ClusteringImpl<>(toClusters(vertices, membership, count));
    }

    /**
     * Copies the graph into arrays, vertex {@code vertices.get(i)} becoming {@code i}, and checks every weight.
     *
     * @throws IllegalArgumentException on a negative, infinite or NaN edge weight
     */
    static <V, E> CsrGraph toCsr(Graph<V, E> graph, List<V> vertices) {
        ToIntFunction<V> index = indexOf(vertices);
        int m = graph.edgeSet().size();
        int[] source = new int[m];
        int[] target = new int[m];
        double[] weight = new double[m];
        int i = 0;
        for (E e : graph.edgeSet()) {
            double w = graph.getEdgeWeight(e);
            if (!(w >= 0d) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("Edge weights must be non-negative and finite: " + w);
            }
            source[i] = index.applyAsInt(graph.getEdgeSource(e));
            target[i] = index.applyAsInt(graph.getEdgeTarget(e));
            weight[i] = w;
            i++;
        }
        return CsrGraph.fromEdges(vertices.size(), source, target, weight, i);
    }

    /**
     * Each vertex's position in {@code vertices}. Integer vertices (account numbers, say) go through a map of
     * primitive keys: with boxed keys the look-ups were most of the copy, each one reading two objects.
     */
    @SuppressWarnings("unchecked")
    private static <V> ToIntFunction<V> indexOf(List<V> vertices) {
        if (vertices.stream().allMatch(v -> v instanceof Integer)) {
            Int2IntOpenHashMap index = new Int2IntOpenHashMap(vertices.size());
            for (int i = 0; i < vertices.size(); i++) {
                index.put(((Integer) vertices.get(i)).intValue(), i);
            }
            return v -> index.get(((Integer) v).intValue());
        }
        Object2IntOpenHashMap<V> index = new Object2IntOpenHashMap<>(vertices.size());
        for (int i = 0; i < vertices.size(); i++) {
            index.put(vertices.get(i), i);
        }
        return index::getInt;
    }

    private static <V> List<Set<V>> toClusters(List<V> vertices, int[] membership, int count) {
        int[] size = new int[count];
        for (int c : membership) {
            size[c]++;
        }
        List<Set<V>> sets = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            sets.add(new LinkedHashSet<>((int) (size[c] / 0.75f) + 1));
        }
        for (int v = 0; v < membership.length; v++) {
            sets.get(membership[v]).add(vertices.get(v));
        }
        List<Set<V>> clusters = new ArrayList<>(count);
        for (Set<V> set : sets) {
            clusters.add(Collections.unmodifiableSet(set));
        }
        return Collections.unmodifiableList(clusters);
    }
}

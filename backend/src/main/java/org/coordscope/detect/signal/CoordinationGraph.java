package org.coordscope.detect.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The weighted, undirected account graph built by {@link CoActionGraphBuilder}: immutable, held in
 * primitive arrays. Vertices are the caller's dense account ids {@code 0 .. accountCount() - 1}; edge
 * {@code e} joins {@code source(e) < target(e)}, edges are sorted by (source, target).
 *
 * <p>Edge weight = Σ over enabled signals meeting their minimum support of Σ over the distinct shared
 * objects of {@code ln(N_s / n_o)} (see {@link CoActionGraphBuilder}). Per edge and signal the graph
 * keeps the support (distinct shared objects), the signal's share of the weight and up to
 * {@code evidencePerEdge} shared objects with both accounts' times.
 */
public final class CoordinationGraph {

    private final int accountCount;
    private final int[] source;
    private final int[] target;
    private final double[] weight;
    private final Set<SignalKind> signals;
    private final int[][] support; // [signal ordinal][edge], null when the signal was not built
    private final double[][] signalWeight;
    private final int[] evStart; // evidence of edge e: [evStart[e], evStart[e + 1])
    private final byte[] evSignal;
    private final int[] evObject;
    private final double[] evIdf;
    private final long[] evSourceTime;
    private final long[] evTargetTime;
    private final Map<SignalKind, SignalStats> stats;

    CoordinationGraph(int accountCount, int[] source, int[] target, double[] weight, int[][] support,
            double[][] signalWeight, int[] evStart, byte[] evSignal, int[] evObject, double[] evIdf,
            long[] evSourceTime, long[] evTargetTime, Map<SignalKind, SignalStats> stats) {
        this.accountCount = accountCount;
        this.source = source;
        this.target = target;
        this.weight = weight;
        this.support = support;
        this.signalWeight = signalWeight;
        this.evStart = evStart;
        this.evSignal = evSignal;
        this.evObject = evObject;
        this.evIdf = evIdf;
        this.evSourceTime = evSourceTime;
        this.evTargetTime = evTargetTime;
        EnumSet<SignalKind> present = EnumSet.noneOf(SignalKind.class);
        for (SignalKind k : SignalKind.values()) {
            if (support[k.ordinal()] != null) {
                present.add(k);
            }
        }
        this.signals = Collections.unmodifiableSet(present);
        EnumMap<SignalKind, SignalStats> st = new EnumMap<>(SignalKind.class);
        st.putAll(stats);
        this.stats = Collections.unmodifiableMap(st);
    }

    /** Number of vertices: the account id space given to the builder. */
    public int accountCount() {
        return accountCount;
    }

    public int edgeCount() {
        return source.length;
    }

    /** The smaller account id of edge {@code e}. */
    public int source(int e) {
        return source[e];
    }

    /** The larger account id of edge {@code e}. */
    public int target(int e) {
        return target[e];
    }

    /** Total weight of edge {@code e}. */
    public double weight(int e) {
        return weight[e];
    }

    /** A copy of all sources, indexed by edge. */
    public int[] sources() {
        return source.clone();
    }

    /** A copy of all targets, indexed by edge. */
    public int[] targets() {
        return target.clone();
    }

    /** A copy of all weights, indexed by edge. */
    public double[] weights() {
        return weight.clone();
    }

    /** The signals that were built into this graph (enabled and added). */
    public Set<SignalKind> signals() {
        return signals;
    }

    /** Distinct objects the pair co-acted on in {@code kind}; 0 when below the signal's minimum support. */
    public int support(int e, SignalKind kind) {
        int[] s = support[kind.ordinal()];
        return s == null ? 0 : s[e];
    }

    /** Sum of {@link #support(int, SignalKind)} over the signals. */
    public int totalSupport(int e) {
        int t = 0;
        for (int[] s : support) {
            if (s != null) {
                t += s[e];
            }
        }
        return t;
    }

    /** The part of {@link #weight(int)} that comes from {@code kind}. */
    public double weight(int e, SignalKind kind) {
        double[] w = signalWeight[kind.ordinal()];
        return w == null ? 0 : w[e];
    }

    /** Evidence of edge {@code e}: by signal, then rarest object first. At most {@code evidencePerEdge} per signal. */
    public List<Evidence> evidence(int e) {
        SignalKind[] kinds = SignalKind.values();
        List<Evidence> out = new ArrayList<>(evStart[e + 1] - evStart[e]);
        for (int x = evStart[e]; x < evStart[e + 1]; x++) {
            out.add(new Evidence(kinds[evSignal[x]], evObject[x], evIdf[x], evSourceTime[x], evTargetTime[x]));
        }
        return Collections.unmodifiableList(out);
    }

    /** Index of the edge joining {@code a} and {@code b} (either order), or -1. O(log edges). */
    public int edgeIndex(int a, int b) {
        int s = Math.min(a, b);
        int t = Math.max(a, b);
        int lo = 0;
        int hi = source.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = source[mid] != s ? Integer.compare(source[mid], s) : Integer.compare(target[mid], t);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Per-signal figures of the build. */
    public Map<SignalKind, SignalStats> stats() {
        return stats;
    }

    /**
     * A new JGraphT {@link SimpleWeightedGraph} of the accounts that have at least one edge (ascending
     * ids) and all edges with their weights, for the community algorithms. Map an edge back to its
     * evidence with {@code edgeIndex(g.getEdgeSource(x), g.getEdgeTarget(x))}. Costs roughly 150 bytes
     * per edge; algorithms written over arrays should read {@link #sources()} etc. instead.
     */
    public Graph<Integer, DefaultWeightedEdge> toWeightedGraph() {
        SimpleWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        boolean[] has = new boolean[accountCount];
        for (int e = 0; e < source.length; e++) {
            has[source[e]] = true;
            has[target[e]] = true;
        }
        for (int v = 0; v < accountCount; v++) {
            if (has[v]) {
                g.addVertex(v);
            }
        }
        for (int e = 0; e < source.length; e++) {
            DefaultWeightedEdge x = g.addEdge(source[e], target[e]);
            g.setEdgeWeight(x, weight[e]);
        }
        return g;
    }

    @Override
    public String toString() {
        return "CoordinationGraph[accounts=" + accountCount + ", edges=" + source.length + ", signals=" + signals
                + "]";
    }
}

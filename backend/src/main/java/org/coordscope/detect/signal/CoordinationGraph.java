package org.coordscope.detect.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coordscope.detect.signal.SignalProjection.SignalEdges;
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
 * keeps the support (distinct shared objects, or episodes of objects), the signal's share of the weight and up to
 * {@code evidencePerEdge} shared objects with both accounts' times. Memory: about 40 bytes per edge
 * and signal plus 16 per evidence entry.
 */
public final class CoordinationGraph {

    private final int accountCount;
    private final int[] source;
    private final int[] target;
    private final double[] weight;
    private final double[] logP;
    private final double[] logQ;
    private final double fdr;
    private final Set<SignalKind> signals;
    // per signal ordinal: the signal's own edges (null when not built) and the map from graph edge to
    // signal edge (-1: the signal does not link the pair; null array: identity)
    private final SignalEdges[] perSignal;
    private final int[][] signalIndex;
    private final Map<SignalKind, SignalStats> stats;

    CoordinationGraph(
            int accountCount,
            int[] source,
            int[] target,
            double[] weight,
            double[] logP,
            double[] logQ,
            double fdr,
            SignalEdges[] perSignal,
            int[][] signalIndex,
            Map<SignalKind, SignalStats> stats) {
        this.accountCount = accountCount;
        this.source = source;
        this.target = target;
        this.weight = weight;
        this.logP = logP;
        this.logQ = logQ;
        this.fdr = fdr;
        this.perSignal = perSignal;
        this.signalIndex = signalIndex;
        EnumSet<SignalKind> present = EnumSet.noneOf(SignalKind.class);
        for (SignalKind k : SignalKind.values()) {
            if (perSignal[k.ordinal()] != null) {
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

    /**
     * ln of edge {@code e}'s p-value ({@link Significance}): the chance that two accounts as active as these
     * share as many units by chance, the smallest over the linking signals times their number.
     */
    public double logP(int e) {
        return logP[e];
    }

    /** ln of edge {@code e}'s Benjamini–Hochberg q-value among every pair that co-acted. */
    public double logQ(int e) {
        return logQ[e];
    }

    /** Whether edge {@code e}'s q-value is at most the false discovery rate of the options. */
    public boolean validated(int e) {
        return logQ[e] <= Math.log(fdr);
    }

    /** The false discovery rate edges are validated at. */
    public double fdr() {
        return fdr;
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

    /** Index of edge {@code e} among the edges of signal {@code s}, or -1. */
    private int at(int s, int e) {
        if (perSignal[s] == null) {
            return -1;
        }
        int[] idx = signalIndex[s];
        return idx == null ? e : idx[e];
    }

    /**
     * Distinct units the pair co-acted on in {@code kind}: objects, or (object, episode) when the signal has
     * an episode gap; 0 when below the signal's minimum support.
     */
    public int support(int e, SignalKind kind) {
        checkEdge(e);
        int i = at(kind.ordinal(), e);
        return i < 0 ? 0 : perSignal[kind.ordinal()].support()[i];
    }

    /** Sum of {@link #support(int, SignalKind)} over the signals. */
    public int totalSupport(int e) {
        int t = 0;
        for (SignalKind k : signals) {
            t += support(e, k);
        }
        return t;
    }

    /** The part of {@link #weight(int)} that comes from {@code kind}. */
    public double weight(int e, SignalKind kind) {
        checkEdge(e);
        int i = at(kind.ordinal(), e);
        return i < 0 ? 0 : perSignal[kind.ordinal()].weight()[i];
    }

    /** Evidence of edge {@code e}: by signal, then rarest object first. At most {@code evidencePerEdge} per signal. */
    public List<Evidence> evidence(int e) {
        checkEdge(e);
        List<Evidence> out = new ArrayList<>();
        for (SignalKind k : signals) {
            int i = at(k.ordinal(), e);
            if (i < 0) {
                continue;
            }
            SignalEdges se = perSignal[k.ordinal()];
            for (int x = se.evStart()[i]; x < se.evStart()[i + 1]; x++) {
                int o = se.evObject()[x];
                long t = se.evTime()[x];
                out.add(new Evidence(k, o, se.idf()[o], t, t + se.evDelay()[x]));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private void checkEdge(int e) {
        if (e < 0 || e >= source.length) {
            throw new IndexOutOfBoundsException(e);
        }
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
        return "CoordinationGraph[accounts=" + accountCount + ", edges=" + source.length + ", signals=" + signals + "]";
    }
}

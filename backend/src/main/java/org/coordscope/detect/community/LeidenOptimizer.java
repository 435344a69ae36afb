package org.coordscope.detect.community;

import java.util.Arrays;
import java.util.Random;

/**
 * The Leiden algorithm over a {@link CsrGraph}: the array-level engine behind {@link LeidenClustering}.
 *
 * <p>Both quality functions are optimised in one form,
 * <pre>
 *   H(P) = sum over communities c of [ in_c - r * W_c^2 / 2 ]
 * </pre>
 * where {@code in_c} is the weight of the edges inside {@code c} (each once, self-loops included),
 * {@code W_c} the sum of the node weights in {@code c} and {@code r} a scaled resolution. CPM is node weight
 * 1 and {@code r = gamma} (the {@code W_c^2 / 2} differs from the textbook {@code n_c (n_c - 1) / 2} by
 * {@code n / 2}, a constant); modularity is node weight = strength and {@code r = gamma / 2m}, for which
 * {@code H = m * Q}. This is also the form in which node weights aggregate: a collapsed vertex weighs what
 * its members weigh.
 *
 * <p>The gain of moving node {@code v} (taken out of its community first) into community {@code C} is then
 * {@code w(v, C) - r * w_v * W_C}, the empty community scoring 0. Gains, and so the randomness
 * {@code theta} of the refinement, are in units of edge weight.
 *
 * <p>Not thread-safe; one instance runs one optimisation.
 */
final class LeidenOptimizer {

    /** A move must beat staying by this fraction of the node's own scale, to absorb rounding drift. */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private final CsrGraph graph;
    private final double[] nodeWeights;
    private final double resolution;
    private final double randomness;
    private final Random rng;
    private final boolean refine;

    /**
     * @param graph the graph
     * @param nodeWeights weight of each vertex (1 for CPM, the strength for modularity)
     * @param resolution the scaled resolution {@code r} of the class comment
     * @param randomness theta of the refinement phase, positive
     * @param rng source of the random visiting orders and of the refinement's choices
     * @param refine {@code false} skips the refinement and aggregates on the moved partition, which is the
     *        Louvain algorithm (with fast local moving); for comparisons only
     */
    LeidenOptimizer(
            CsrGraph graph, double[] nodeWeights, double resolution, double randomness, Random rng, boolean refine) {
        this.graph = graph;
        this.nodeWeights = nodeWeights;
        this.resolution = resolution;
        this.randomness = randomness;
        this.rng = rng;
        this.refine = refine;
    }

    /** The optimiser for a quality function with its textbook resolution {@code gamma}. */
    static LeidenOptimizer of(
            CsrGraph graph,
            LeidenClustering.Quality quality,
            double gamma,
            double randomness,
            Random rng,
            boolean refine) {
        double[] weights;
        double r;
        if (quality == LeidenClustering.Quality.MODULARITY) {
            weights = graph.strengths.clone();
            r = graph.totalEdgeWeight > 0d ? gamma / (2d * graph.totalEdgeWeight) : 0d;
        } else {
            weights = new double[graph.n];
            Arrays.fill(weights, 1d);
            r = gamma;
        }
        return new LeidenOptimizer(graph, weights, r, randomness, rng, refine);
    }

    /**
     * Runs Leiden passes until a pass leaves the partition unchanged or {@code maxIterations} passes ran.
     *
     * @param initial a starting partition (any community ids in {@code 0..n-1}), or {@code null} for
     *        singletons
     * @param maxIterations the most passes to run, positive
     * @return the community of each vertex, numbered {@code 0, 1, ...} in order of first vertex
     */
    int[] run(int[] initial, int maxIterations) {
        int[] partition = initial == null ? identity(graph.n) : initial.clone();
        renumber(partition);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            int[] next = pass(partition);
            boolean unchanged = Arrays.equals(next, partition);
            partition = next;
            if (unchanged) {
                break;
            }
        }
        return partition;
    }

    /**
     * One pass of the algorithm, starting on the input graph from {@code start}: local moving, refinement,
     * aggregation on the refined partition with the moved partition as the aggregate's starting point,
     * repeated until local moving leaves every aggregate vertex alone.
     */
    int[] pass(int[] start) {
        CsrGraph g = graph;
        double[] weights = nodeWeights;
        int[] community = start.clone();
        int[] membership = identity(graph.n);
        while (true) {
            int count = moveNodesFast(g, weights, community);
            if (count == g.n) {
                break;
            }
            int[] refined = new int[g.n];
            int refinedCount;
            if (refine) {
                refinedCount = refine(g, weights, community, count, refined);
                if (refinedCount == g.n) {
                    // Refinement merged nothing: fall back to the connected parts of each community, which
                    // still only ever joins vertices that are connected.
                    refinedCount = componentsWithin(g, community, refined);
                    if (refinedCount == g.n) {
                        community = refined;
                        break;
                    }
                }
            } else {
                System.arraycopy(community, 0, refined, 0, g.n);
                refinedCount = count;
            }
            CsrGraph next = g.aggregate(refined, refinedCount);
            double[] nextWeights = new double[refinedCount];
            int[] nextCommunity = new int[refinedCount];
            for (int v = 0; v < g.n; v++) {
                nextWeights[refined[v]] += weights[v];
                nextCommunity[refined[v]] = community[v];
            }
            for (int i = 0; i < membership.length; i++) {
                membership[i] = refined[membership[i]];
            }
            g = next;
            weights = nextWeights;
            community = nextCommunity;
        }
        int[] result = new int[graph.n];
        for (int i = 0; i < result.length; i++) {
            result[i] = community[membership[i]];
        }
        renumber(result);
        return result;
    }

    /**
     * Fast local moving: visits the vertices from a queue (initially all, in random order), moves each to
     * the neighbouring or empty community of largest gain when that beats staying, and queues the
     * neighbours that are left outside the vertex's new community.
     *
     * @param community in: starting community of each vertex (ids below {@code g.n}); out: the moved
     *        partition, renumbered {@code 0..count-1}
     * @return the number of communities
     */
    int moveNodesFast(CsrGraph g, double[] weights, int[] community) {
        int n = g.n;
        int[] offsets = g.offsets;
        int[] targets = g.targets;
        double[] edgeWeights = g.weights;
        double r = resolution;

        double[] communityWeight = new double[n];
        int[] communitySize = new int[n];
        double totalWeight = 0d;
        for (int v = 0; v < n; v++) {
            communityWeight[community[v]] += weights[v];
            communitySize[community[v]]++;
            totalWeight += weights[v];
        }
        int[] empty = new int[n];
        int emptyCount = 0;
        for (int c = n - 1; c >= 0; c--) {
            if (communitySize[c] == 0) {
                empty[emptyCount++] = c;
            }
        }

        int[] queue = identity(n);
        shuffle(queue, 0, n, rng);
        boolean[] queued = new boolean[n];
        Arrays.fill(queued, true);
        int head = 0;
        int queuedCount = n;

        double[] toCommunity = new double[n];
        int[] touched = new int[n];
        while (queuedCount > 0) {
            int v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            queuedCount--;
            queued[v] = false;

            int current = community[v];
            double wv = weights[v];
            int touchedCount = 0;
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                int c = community[targets[e]];
                if (toCommunity[c] == 0d) {
                    touched[touchedCount++] = c;
                }
                toCommunity[c] += edgeWeights[e];
            }
            communityWeight[current] -= wv;
            communitySize[current]--;

            double stayGain = toCommunity[current] - r * wv * communityWeight[current];
            int best = current;
            double bestGain = stayGain;
            for (int t = 0; t < touchedCount; t++) {
                int c = touched[t];
                if (c != current) {
                    double gain = toCommunity[c] - r * wv * communityWeight[c];
                    if (gain > bestGain) {
                        best = c;
                        bestGain = gain;
                    }
                }
            }
            if (communitySize[current] > 0 && bestGain < 0d) {
                best = -1; // an empty community, gain 0
                bestGain = 0d;
            }
            double tolerance = RELATIVE_TOLERANCE * (g.strengths[v] + r * wv * totalWeight);
            if (best != current && bestGain > stayGain + tolerance) {
                if (best < 0) {
                    best = empty[--emptyCount];
                }
                community[v] = best;
                communityWeight[best] += wv;
                communitySize[best]++;
                if (communitySize[current] == 0) {
                    empty[emptyCount++] = current;
                }
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int u = targets[e];
                    if (!queued[u] && community[u] != best) {
                        queued[u] = true;
                        int tail = head + queuedCount;
                        queue[tail >= n ? tail - n : tail] = u;
                        queuedCount++;
                    }
                }
            } else {
                communityWeight[current] += wv;
                communitySize[current]++;
            }
            for (int t = 0; t < touchedCount; t++) {
                toCommunity[touched[t]] = 0d;
            }
        }
        return renumber(community);
    }

    /**
     * Refinement: inside each community {@code S}, starting from singletons, visits the well-connected
     * vertices in random order and merges each one that is still a singleton into a well-connected
     * sub-community of {@code S} that it is joined to, chosen at random with probability proportional to
     * {@code exp(gain / theta)} among the choices of non-negative gain (staying alone is one of them).
     * A vertex only ever joins a sub-community it has an edge to, so every sub-community is connected.
     *
     * @param community the moved partition, ids {@code 0..communityCount-1}
     * @param refined out: the refined partition, renumbered {@code 0..k-1}
     * @return {@code k}, the number of refined communities
     */
    int refine(CsrGraph g, double[] weights, int[] community, int communityCount, int[] refined) {
        int n = g.n;
        int[] offsets = g.offsets;
        int[] targets = g.targets;
        double[] edgeWeights = g.weights;
        double r = resolution;

        int[] memberStart = new int[communityCount + 1];
        double[] communityWeight = new double[communityCount];
        for (int v = 0; v < n; v++) {
            memberStart[community[v] + 1]++;
            communityWeight[community[v]] += weights[v];
        }
        for (int c = 0; c < communityCount; c++) {
            memberStart[c + 1] += memberStart[c];
        }
        int[] members = new int[n];
        int[] fill = Arrays.copyOf(memberStart, communityCount);
        for (int v = 0; v < n; v++) {
            members[fill[community[v]]++] = v;
        }

        // Sub-communities are named by a vertex id; initially each vertex is its own.
        double[] clusterWeight = weights.clone();
        double[] clusterExternal = new double[n]; // weight from the sub-community to the rest of its S
        boolean[] nonSingleton = new boolean[n];
        for (int v = 0; v < n; v++) {
            refined[v] = v;
            int c = community[v];
            double external = 0d;
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                if (community[targets[e]] == c) {
                    external += edgeWeights[e];
                }
            }
            clusterExternal[v] = external;
        }

        double[] toCluster = new double[n];
        int[] touched = new int[n];
        int[] candidate = new int[n + 1];
        double[] candidateGain = new double[n + 1];
        for (int c = 0; c < communityCount; c++) {
            int from = memberStart[c];
            int to = memberStart[c + 1];
            if (to - from < 2) {
                continue;
            }
            shuffle(members, from, to, rng);
            double total = communityWeight[c];
            for (int i = from; i < to; i++) {
                int v = members[i];
                double wv = weights[v];
                if (nonSingleton[v] || clusterExternal[v] < r * wv * (total - wv)) {
                    continue;
                }
                int touchedCount = 0;
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int u = targets[e];
                    if (community[u] == c) {
                        int k = refined[u];
                        if (toCluster[k] == 0d) {
                            touched[touchedCount++] = k;
                        }
                        toCluster[k] += edgeWeights[e];
                    }
                }
                clusterWeight[v] = 0d; // v steps out of its singleton
                int candidates = 0;
                candidate[candidates] = v;
                candidateGain[candidates++] = 0d;
                double maxGain = 0d;
                for (int t = 0; t < touchedCount; t++) {
                    int k = touched[t];
                    double kw = clusterWeight[k];
                    double gain = toCluster[k] - r * wv * kw;
                    if (gain >= 0d && clusterExternal[k] >= r * kw * (total - kw)) {
                        candidate[candidates] = k;
                        candidateGain[candidates++] = gain;
                        maxGain = Math.max(maxGain, gain);
                    }
                }
                int chosen = candidates == 1 ? v : draw(candidate, candidateGain, candidates, maxGain);
                if (chosen != v) {
                    refined[v] = chosen;
                    clusterWeight[chosen] += wv;
                    clusterExternal[chosen] += clusterExternal[v] - 2d * toCluster[chosen];
                    clusterExternal[v] = 0d;
                    nonSingleton[chosen] = true;
                } else {
                    clusterWeight[v] = wv;
                }
                for (int t = 0; t < touchedCount; t++) {
                    toCluster[touched[t]] = 0d;
                }
            }
        }
        return renumber(refined);
    }

    /** Picks a candidate with probability proportional to {@code exp((gain - maxGain) / theta)}. */
    private int draw(int[] candidate, double[] gain, int count, double maxGain) {
        double sum = 0d;
        for (int i = 0; i < count; i++) {
            gain[i] = Math.exp((gain[i] - maxGain) / randomness);
            sum += gain[i];
        }
        double x = rng.nextDouble() * sum;
        for (int i = 0; i < count; i++) {
            x -= gain[i];
            if (x < 0d) {
                return candidate[i];
            }
        }
        for (int i = count - 1; i >= 0; i--) { // rounding left x >= 0: take the last with any mass
            if (gain[i] > 0d) {
                return candidate[i];
            }
        }
        return candidate[0];
    }

    /**
     * Splits every community into its connected parts.
     *
     * @param out the community of each vertex, renumbered {@code 0..k-1}
     * @return {@code k}
     */
    static int componentsWithin(CsrGraph g, int[] community, int[] out) {
        int[] parent = identity(g.n);
        for (int v = 0; v < g.n; v++) {
            for (int e = g.offsets[v], end = g.offsets[v + 1]; e < end; e++) {
                int u = g.targets[e];
                if (u > v && community[u] == community[v]) {
                    int a = find(parent, u);
                    int b = find(parent, v);
                    if (a != b) {
                        parent[Math.max(a, b)] = Math.min(a, b);
                    }
                }
            }
        }
        for (int v = 0; v < g.n; v++) {
            out[v] = find(parent, v);
        }
        return renumber(out);
    }

    private static int find(int[] parent, int v) {
        int root = v;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[v] != root) {
            int next = parent[v];
            parent[v] = root;
            v = next;
        }
        return root;
    }

    /**
     * Modularity with resolution {@code gamma}: {@code sum_c [ in_c / m - gamma (K_c / 2m)^2 ]}, with
     * {@code in_c} the weight inside {@code c} (self-loops once), {@code K_c} its total strength and
     * {@code m} the total edge weight; {@code NaN} for a graph without edge weight.
     */
    static double modularity(CsrGraph g, int[] community, int count, double gamma) {
        double m = g.totalEdgeWeight;
        if (!(m > 0d)) {
            return Double.NaN;
        }
        double[] inside = inside(g, community, count);
        double[] strength = new double[count];
        for (int v = 0; v < g.n; v++) {
            strength[community[v]] += g.strengths[v];
        }
        double q = 0d;
        for (int c = 0; c < count; c++) {
            double share = strength[c] / (2d * m);
            q += inside[c] / m - gamma * share * share;
        }
        return q;
    }

    /** The Constant Potts Model: {@code sum_c [ in_c - gamma n_c (n_c - 1) / 2 ]}. */
    static double cpm(CsrGraph g, int[] community, int count, double gamma) {
        double[] inside = inside(g, community, count);
        long[] size = new long[count];
        for (int v = 0; v < g.n; v++) {
            size[community[v]]++;
        }
        double h = 0d;
        for (int c = 0; c < count; c++) {
            h += inside[c] - gamma * (size[c] * (size[c] - 1) / 2d);
        }
        return h;
    }

    private static double[] inside(CsrGraph g, int[] community, int count) {
        double[] twice = new double[count];
        double[] loops = new double[count];
        for (int v = 0; v < g.n; v++) {
            int c = community[v];
            loops[c] += g.selfLoops[v];
            for (int e = g.offsets[v], end = g.offsets[v + 1]; e < end; e++) {
                if (community[g.targets[e]] == c) {
                    twice[c] += g.weights[e];
                }
            }
        }
        for (int c = 0; c < count; c++) {
            loops[c] += twice[c] / 2d;
        }
        return loops;
    }

    /**
     * Renumbers ids in place to {@code 0, 1, ...} in order of first appearance; equal partitions then have
     * equal arrays.
     *
     * @param ids non-negative ids below {@code ids.length}
     * @return the number of distinct ids
     */
    static int renumber(int[] ids) {
        int[] map = new int[ids.length];
        Arrays.fill(map, -1);
        int next = 0;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (map[id] < 0) {
                map[id] = next++;
            }
            ids[i] = map[id];
        }
        return next;
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void shuffle(int[] a, int from, int to, Random rng) {
        for (int i = to - 1; i > from; i--) {
            int j = from + rng.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

package org.coordscope.detect.community;

import java.util.Arrays;

/**
 * An undirected weighted graph over vertices {@code 0..n-1} in compressed sparse row form, the working
 * representation of {@link LeidenClustering}.
 *
 * <p>Every edge {@code {u, v}} with {@code u != v} is stored twice, once in the row of {@code u} and once in
 * the row of {@code v}; parallel edges may appear as separate entries. Self-loops are kept apart, in
 * {@link #selfLoops}, each counted once, so that a row holds only proper neighbours. Edges of weight zero
 * are dropped: they change neither modularity nor CPM, and leaving them out keeps every stored weight
 * strictly positive.
 *
 * <p>The strength (weighted degree) of a vertex counts its proper edges once and its self-loops twice, as
 * the standard definition of modularity does; the sum of all strengths is therefore twice
 * {@link #totalEdgeWeight}.
 */
final class CsrGraph {

    /** Number of vertices. */
    final int n;
    /** Row {@code v} is {@code targets[offsets[v] .. offsets[v+1])}; length {@code n + 1}. */
    final int[] offsets;
    /** Neighbour of each stored half-edge. */
    final int[] targets;
    /** Weight of each stored half-edge, strictly positive. */
    final double[] weights;
    /** Total weight of the self-loops at each vertex, each loop counted once. */
    final double[] selfLoops;
    /** Weighted degree of each vertex: proper edges once, self-loops twice. */
    final double[] strengths;
    /** Sum of all edge weights, each edge (and each self-loop) counted once; the {@code m} of modularity. */
    final double totalEdgeWeight;

    private CsrGraph(int n, int[] offsets, int[] targets, double[] weights, double[] selfLoops) {
        this.n = n;
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
        this.selfLoops = selfLoops;
        this.strengths = new double[n];
        double twiceTotal = 0d;
        for (int v = 0; v < n; v++) {
            double s = 2d * selfLoops[v];
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                s += weights[e];
            }
            strengths[v] = s;
            twiceTotal += s;
        }
        this.totalEdgeWeight = twiceTotal / 2d;
    }

    /**
     * Builds the graph from an edge list.
     *
     * @param n number of vertices
     * @param source first endpoint of each edge
     * @param target second endpoint of each edge
     * @param weight weight of each edge, finite and non-negative
     * @param edgeCount how many leading entries of the three arrays are edges
     * @return the graph
     */
    static CsrGraph fromEdges(int n, int[] source, int[] target, double[] weight, int edgeCount) {
        int[] offsets = new int[n + 1];
        double[] selfLoops = new double[n];
        for (int i = 0; i < edgeCount; i++) {
            if (weight[i] == 0d) {
                continue;
            }
            int s = source[i];
            int t = target[i];
            if (s == t) {
                selfLoops[s] += weight[i];
            } else {
                offsets[s + 1]++;
                offsets[t + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] targets = new int[offsets[n]];
        double[] weights = new double[offsets[n]];
        int[] next = Arrays.copyOf(offsets, n);
        for (int i = 0; i < edgeCount; i++) {
            double w = weight[i];
            int s = source[i];
            int t = target[i];
            if (w == 0d || s == t) {
                continue;
            }
            int es = next[s]++;
            targets[es] = t;
            weights[es] = w;
            int et = next[t]++;
            targets[et] = s;
            weights[et] = w;
        }
        return new CsrGraph(n, offsets, targets, weights, selfLoops);
    }

    /**
     * Collapses each cluster into one vertex. The edges between two clusters become one edge whose weight
     * is their sum; the edges inside a cluster, and the self-loops of its members, become one self-loop.
     * Strengths and the total edge weight are preserved.
     *
     * @param cluster cluster of each vertex, in {@code 0..clusterCount-1}, every cluster non-empty
     * @param clusterCount number of clusters
     * @return the aggregate graph, whose vertex {@code c} stands for cluster {@code c}
     */
    CsrGraph aggregate(int[] cluster, int clusterCount) {
        int k = clusterCount;
        int[] memberStart = new int[k + 1];
        for (int v = 0; v < n; v++) {
            memberStart[cluster[v] + 1]++;
        }
        for (int c = 0; c < k; c++) {
            memberStart[c + 1] += memberStart[c];
        }
        int[] members = new int[n];
        int[] fill = Arrays.copyOf(memberStart, k);
        for (int v = 0; v < n; v++) {
            members[fill[cluster[v]]++] = v;
        }

        int[] newOffsets = new int[k + 1];
        int[] newTargets = new int[targets.length];
        double[] newWeights = new double[targets.length];
        double[] newSelfLoops = new double[k];
        double[] acc = new double[k];
        int[] touched = new int[k];
        int size = 0;
        for (int c = 0; c < k; c++) {
            int touchedCount = 0;
            double loops = 0d;
            double insideTwice = 0d;
            for (int i = memberStart[c], iEnd = memberStart[c + 1]; i < iEnd; i++) {
                int v = members[i];
                loops += selfLoops[v];
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int d = cluster[targets[e]];
                    double w = weights[e];
                    if (d == c) {
                        insideTwice += w;
                    } else {
                        if (acc[d] == 0d) {
                            touched[touchedCount++] = d;
                        }
                        acc[d] += w;
                    }
                }
            }
            newSelfLoops[c] = loops + insideTwice / 2d;
            for (int t = 0; t < touchedCount; t++) {
                int d = touched[t];
                newTargets[size] = d;
                newWeights[size] = acc[d];
                size++;
                acc[d] = 0d;
            }
            newOffsets[c + 1] = size;
        }
        return new CsrGraph(
                k, newOffsets, Arrays.copyOf(newTargets, size), Arrays.copyOf(newWeights, size), newSelfLoops);
    }
}

package org.coordscope.detect.pipeline;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import org.coordscope.detect.signal.CoordinationGraph;
import org.coordscope.detect.signal.Evidence;
import org.coordscope.detect.signal.SignalKind;

/**
 * The totals of a cluster's internal edges: in all, per signal and per member (arrays parallel to
 * {@code members}). Object counts come from the edges' evidence, which keeps the rarest objects of each edge,
 * so they are lower bounds.
 */
final class ClusterEvidence {

    final int[] members;
    final int internalEdges;
    /** Co-actions summed over the internal edges (each edge's distinct shared objects, all signals). */
    final long support;

    /** Of {@link #support}, the co-actions on validated edges ({@link CoordinationGraph#validated}). */
    final long validatedSupport;

    final int validatedEdges;
    final double[] inWeight;
    final long[] inSupport;
    /** Per member, its co-actions with other members on validated edges. */
    final long[] inValidated;

    final int[] inDegree;
    final int[] maxSupport;
    /** Per member, the smallest ln p-value of its edges inside the cluster (0 when it has none). */
    final double[] bestLogP;
    /** Per member, its (signal, object) keys in the evidence: {@code signal ordinal << 32 | object}. */
    final List<LongOpenHashSet> memberObjects = new ArrayList<>();
    /** Per signal ordinal. */
    final long[] supportBySignal = new long[SignalKind.values().length];

    final int[] edgesBySignal = new int[SignalKind.values().length];
    final List<LongArrayList> gaps = new ArrayList<>();
    final List<IntOpenHashSet> objects = new ArrayList<>();
    final List<Int2ObjectOpenHashMap<SharedObject>> shared = new ArrayList<>();

    /** Members and times seen acting on one object in a cluster's evidence. */
    static final class SharedObject {
        final IntOpenHashSet members = new IntOpenHashSet();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        void add(int member, long time) {
            members.add(member);
            first = Math.min(first, time);
            last = Math.max(last, time);
        }
    }

    /** Totals of {@code edges}, all between {@code members} (accounts of {@code graph}). */
    ClusterEvidence(CoordinationGraph graph, int[] members, IntList edges) {
        this.members = members;
        int n = members.length;
        internalEdges = edges.size();
        Int2IntOpenHashMap pos = new Int2IntOpenHashMap(n);
        for (int i = 0; i < n; i++) {
            pos.put(members[i], i);
        }
        inWeight = new double[n];
        inSupport = new long[n];
        inValidated = new long[n];
        inDegree = new int[n];
        maxSupport = new int[n];
        bestLogP = new double[n];
        for (int k = 0; k < SignalKind.values().length; k++) {
            gaps.add(new LongArrayList());
            objects.add(new IntOpenHashSet());
            shared.add(new Int2ObjectOpenHashMap<>());
        }
        for (int i = 0; i < n; i++) {
            memberObjects.add(new LongOpenHashSet());
        }
        long total = 0;
        long valid = 0;
        int validEdges = 0;
        for (int i = 0; i < edges.size(); i++) {
            int e = edges.getInt(i);
            int s = pos.get(graph.source(e));
            int t = pos.get(graph.target(e));
            int sup = graph.totalSupport(e);
            total += sup;
            if (graph.validated(e)) {
                valid += sup;
                validEdges++;
                inValidated[s] += sup;
                inValidated[t] += sup;
            }
            inWeight[s] += graph.weight(e);
            inWeight[t] += graph.weight(e);
            inSupport[s] += sup;
            inSupport[t] += sup;
            inDegree[s]++;
            inDegree[t]++;
            maxSupport[s] = Math.max(maxSupport[s], sup);
            maxSupport[t] = Math.max(maxSupport[t], sup);
            bestLogP[s] = Math.min(bestLogP[s], graph.logP(e));
            bestLogP[t] = Math.min(bestLogP[t], graph.logP(e));
            for (SignalKind k : graph.signals()) {
                int ks = graph.support(e, k);
                if (ks > 0) {
                    supportBySignal[k.ordinal()] += ks;
                    edgesBySignal[k.ordinal()]++;
                }
            }
            for (Evidence ev : graph.evidence(e)) {
                int k = ev.signal().ordinal();
                gaps.get(k).add(ev.delaySeconds());
                objects.get(k).add(ev.object());
                long key = (long) k << 32 | ev.object();
                memberObjects.get(s).add(key);
                memberObjects.get(t).add(key);
                SharedObject so = shared.get(k).computeIfAbsent(ev.object(), x -> new SharedObject());
                so.add(s, ev.sourceTime());
                so.add(t, ev.targetTime());
            }
        }
        support = total;
        validatedSupport = valid;
        validatedEdges = validEdges;
    }

    /** The share of the cluster's co-actions that lie on validated edges (0 when it has none). */
    double validatedShare() {
        return support == 0 ? 0 : (double) validatedSupport / support;
    }

    /** The share of member {@code i}'s co-actions inside the cluster that lie on validated edges. */
    double validatedShare(int i) {
        return inSupport[i] == 0 ? 0 : (double) inValidated[i] / inSupport[i];
    }

    int size() {
        return members.length;
    }

    /** {@code n(n-1)/2}. */
    double pairs() {
        int n = members.length;
        return n * (n - 1) / 2.0;
    }

    /** Co-actions per possible pair, {@code S / P}. */
    double perPair() {
        return support / pairs();
    }

    /** Co-actions per member, {@code 2 S / n} (each co-action involves two members). */
    double perMember() {
        return 2.0 * support / members.length;
    }

    /**
     * The distinct objects member {@code i} co-acted on with other members, a lower bound: those in the
     * evidence, or its largest support on one edge if that is more (the evidence keeps the rarest objects of
     * each edge, so when every pair shares the same objects it under-counts).
     */
    int distinctObjects(int i) {
        return Math.max(memberObjects.get(i).size(), maxSupport[i]);
    }
}

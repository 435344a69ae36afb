package org.coordscope.detect.signal;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.doubles.DoubleArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.BitSet;

/**
 * Projects one signal's bipartite account × object actions onto account pairs: the sliding-window
 * core of {@link CoActionGraphBuilder}.
 *
 * <p>Pass 1 accumulates, per unordered pair, the distinct objects co-acted on (support) and the sum
 * of their IDF; pairs below the minimum support are dropped. Pass 2 rescans the windows for the
 * surviving pairs only and keeps their evidence, so that the many pairs that co-act once (most of
 * them in organic data) never pay for evidence storage. When the upper bound of pair events exceeds
 * {@code maxPairsInMemory}, pass 1 is repeated over disjoint hash partitions of the pair keys: exact
 * results, memory bounded, time multiplied by the number of partitions.
 *
 * <p>Cost: sorting O(n + objects) plus, per pass, O(Σ_o min(K, window occupancy) per action) pair
 * events (K = {@code maxPairsPerAction}), each a primitive hash-map update.
 */
final class SignalProjection {

    private final SignalKind kind;
    private final SignalOptions opt;
    private final TimeWindow window;
    private final int accountCount;
    private final int evidenceK;
    private final int maxPairsInMemory;

    private int[] acc;
    private int[] obj;
    private long[] time;
    private int resolution;
    private long windowTicks;

    // one entry per object run ("segment") of the sorted actions
    private int segCount;
    private int[] segStart;
    private double[] segIdf;
    private byte[] segFlag; // SKIP, REPEATS or 0

    private static final byte SKIP = 1;
    private static final byte REPEATS = 2;

    SignalProjection(SignalKind kind, SignalOptions opt, int resolutionSeconds, int accountCount, int evidenceK,
            int maxPairsInMemory) {
        this.kind = kind;
        this.opt = opt;
        this.window = new TimeWindow(opt.windowSeconds(), resolutionSeconds);
        this.accountCount = accountCount;
        this.evidenceK = evidenceK;
        this.maxPairsInMemory = maxPairsInMemory;
    }

    /** The pairs of one signal, sorted by key ({@code a << 32 | b}, a < b), with support, weight and evidence. */
    record SignalEdges(
            SignalKind kind,
            long[] keys,
            int[] support,
            double[] weight,
            int evidenceK,
            int[] evObject,
            double[] evIdf,
            long[] evTimeA,
            long[] evTimeB,
            SignalStats stats) {}

    SignalEdges project(Actions actions) {
        if (actions.maxAccount() >= accountCount) {
            throw new IllegalArgumentException(kind.id() + ": account id " + actions.maxAccount()
                    + " outside [0, " + accountCount + ")");
        }
        actions.sortByObjectTime();
        int n = actions.size();
        acc = actions.accountArray();
        obj = actions.objectArray();
        time = actions.timeArray();
        resolution = window.resolutionSeconds();
        windowTicks = window.windowTicks();

        int activeAccounts = Math.max(countDistinctAccounts(n), actions.activeAccounts());
        int skipped = segment(n, activeAccounts);

        long bound = pairEventBound();
        int passes = (int) Math.max(1, (bound + maxPairsInMemory - 1) / maxPairsInMemory);

        LongArrayList keys = new LongArrayList();
        IntArrayList support = new IntArrayList();
        DoubleArrayList weight = new DoubleArrayList();
        long capped = 0;
        long events = 0;
        long candidates = 0;
        for (int p = 0; p < passes; p++) {
            Accumulator a = new Accumulator(passes, p, (int) Math.min(bound / passes + 16, 1 << 20));
            scan(a);
            if (p == 0) {
                // every pass sees all events; count them once
                capped = a.capped;
                events = a.events;
            }
            candidates += a.size;
            a.collect(opt.minSupport(), keys, support, weight);
        }

        // sort survivors by key: pairs of different partitions interleave
        long[] k = keys.toLongArray();
        int[] s = support.toIntArray();
        double[] w = weight.toDoubleArray();
        int e = k.length;
        if (passes > 1) {
            int[] perm = new int[e];
            for (int i = 0; i < e; i++) {
                perm[i] = i;
            }
            LongArrays.radixSortIndirect(perm, k, false);
            long[] k2 = new long[e];
            int[] s2 = new int[e];
            double[] w2 = new double[e];
            for (int i = 0; i < e; i++) {
                k2[i] = k[perm[i]];
                s2[i] = s[perm[i]];
                w2[i] = w[perm[i]];
            }
            k = k2;
            s = s2;
            w = w2;
        }

        EvidenceCollector ev = new EvidenceCollector(k, evidenceK);
        if (evidenceK > 0 && e > 0) {
            scan(ev);
            ev.finish();
        }
        SignalStats stats = new SignalStats(kind, n, activeAccounts, segCount, skipped, capped, events,
                candidates, e, passes);
        return new SignalEdges(kind, k, s, w, evidenceK, ev.object, ev.idf, ev.timeA, ev.timeB, stats);
    }

    private int countDistinctAccounts(int n) {
        BitSet seen = new BitSet(accountCount);
        for (int i = 0; i < n; i++) {
            seen.set(acc[i]);
        }
        return seen.cardinality();
    }

    /** Splits the sorted actions into object runs, with each object's IDF; returns the objects skipped by the cap. */
    private int segment(int n, int activeAccounts) {
        IntArrayList starts = new IntArrayList();
        for (int i = 0; i < n; i++) {
            if (i == 0 || obj[i] != obj[i - 1]) {
                starts.add(i);
            }
        }
        segCount = starts.size();
        starts.add(n);
        segStart = starts.toIntArray();
        segIdf = new double[segCount];
        segFlag = new byte[segCount];
        int[] stamp = new int[accountCount];
        int skipped = 0;
        for (int s = 0; s < segCount; s++) {
            int from = segStart[s];
            int to = segStart[s + 1];
            int distinct = 0;
            for (int i = from; i < to; i++) {
                if (stamp[acc[i]] != s + 1) {
                    stamp[acc[i]] = s + 1;
                    distinct++;
                }
            }
            // idf(o) = ln(N / n_o); an object every active account touched weighs 0
            segIdf[s] = Math.log((double) activeAccounts / distinct);
            if (distinct < 2) {
                segFlag[s] = SKIP;
            } else if (opt.maxObjectAccounts() > 0 && distinct > opt.maxObjectAccounts()) {
                segFlag[s] = SKIP;
                skipped++;
            } else if (distinct < to - from) {
                segFlag[s] = REPEATS;
            }
        }
        return skipped;
    }

    private long tick(int i) {
        return resolution == 1 ? time[i] : Math.floorDiv(time[i], resolution);
    }

    /** Upper bound of pair events (self-pairs and repeats included), by a two-pointer sweep. */
    private long pairEventBound() {
        long bound = 0;
        int k = opt.maxPairsPerAction();
        for (int s = 0; s < segCount; s++) {
            if (segFlag[s] == SKIP) {
                continue;
            }
            int to = segStart[s + 1];
            int hi = segStart[s];
            for (int i = segStart[s]; i < to; i++) {
                long limit = tick(i) + windowTicks;
                if (hi <= i) {
                    hi = i + 1;
                }
                while (hi < to && tick(hi) <= limit) {
                    hi++;
                }
                bound += Math.min(k, hi - i - 1);
            }
        }
        return bound;
    }

    private abstract static class PairSink {
        long events;
        long capped;

        /** Called before the pairs of segment {@code s}. */
        abstract void begin(int s);

        /** Actions i < j of one object by different accounts, within the window. */
        abstract void pair(int s, int i, int j);
    }

    /**
     * Emits, for every action, pairs with the next {@code maxPairsPerAction} actions on the same object
     * that fall within the window. Self-pairs are dropped but use up the budget, so the budget means
     * "the K nearest later actions".
     */
    private void scan(PairSink sink) {
        int k = opt.maxPairsPerAction();
        for (int s = 0; s < segCount; s++) {
            if (segFlag[s] == SKIP) {
                continue;
            }
            sink.begin(s);
            int to = segStart[s + 1];
            for (int i = segStart[s]; i < to; i++) {
                int ai = acc[i];
                long limit = tick(i) + windowTicks;
                int j = i + 1;
                int end = (int) Math.min(to, (long) i + 1 + k);
                for (; j < end; j++) {
                    if (tick(j) > limit) {
                        break;
                    }
                    if (acc[j] != ai) {
                        sink.events++;
                        sink.pair(s, i, j);
                    }
                }
                if (j == end && end < to && tick(end) <= limit) {
                    sink.capped++;
                }
            }
        }
    }

    private static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    private static int partition(long key, int parts) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) ((h >>> 1) % parts);
    }

    /** Pass 1: support and weight per pair of one partition. */
    private final class Accumulator extends PairSink {
        final int parts;
        final int part;
        final Long2IntOpenHashMap slots;
        final LongOpenHashSet seenInObject = new LongOpenHashSet();
        int[] support;
        double[] weight;
        int size;
        boolean repeats;

        Accumulator(int parts, int part, int expected) {
            this.parts = parts;
            this.part = part;
            this.slots = new Long2IntOpenHashMap(expected);
            slots.defaultReturnValue(-1);
            support = new int[expected];
            weight = new double[expected];
        }

        @Override
        void begin(int s) {
            repeats = segFlag[s] == REPEATS;
            if (repeats) {
                int was = seenInObject.size();
                seenInObject.clear();
                if (was > 1 << 16) {
                    seenInObject.trim();
                }
            }
        }

        @Override
        void pair(int s, int i, int j) {
            long key = key(acc[i], acc[j]);
            if (parts > 1 && partition(key, parts) != part) {
                return;
            }
            // support counts distinct objects: an account acting twice on o must not count o twice
            if (repeats && !seenInObject.add(key)) {
                return;
            }
            int slot = slots.putIfAbsent(key, size);
            if (slot < 0) {
                if (size == support.length) {
                    int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, 2L * size));
                    support = IntArrays.forceCapacity(support, cap, size);
                    weight = DoubleArrays.forceCapacity(weight, cap, size);
                }
                support[size] = 1;
                weight[size] = segIdf[s];
                size++;
            } else {
                support[slot]++;
                weight[slot] += segIdf[s];
            }
        }

        void collect(int minSupport, LongArrayList keys, IntArrayList sup, DoubleArrayList w) {
            // walk the map in key order so that output is independent of hash iteration order
            long[] kept = new long[size];
            int m = 0;
            for (var it = slots.long2IntEntrySet().fastIterator(); it.hasNext(); ) {
                var en = it.next();
                if (support[en.getIntValue()] >= minSupport) {
                    kept[m++] = en.getLongKey();
                }
            }
            LongArrays.radixSort(kept, 0, m);
            for (int i = 0; i < m; i++) {
                int slot = slots.get(kept[i]);
                keys.add(kept[i]);
                sup.add(support[slot]);
                w.add(weight[slot]);
            }
        }
    }

    /** Pass 2: the rarest {@code k} shared objects of every surviving pair, with the closest times. */
    private final class EvidenceCollector extends PairSink {
        final Long2IntOpenHashMap edgeOf;
        final int k;
        final int[] object;
        final double[] idf;
        final long[] timeA;
        final long[] timeB;

        EvidenceCollector(long[] keys, int k) {
            this.k = k;
            int e = keys.length;
            edgeOf = new Long2IntOpenHashMap(k > 0 ? e : 0);
            edgeOf.defaultReturnValue(-1);
            if (k > 0) {
                for (int i = 0; i < e; i++) {
                    edgeOf.put(keys[i], i);
                }
            }
            int len = k > 0 ? Math.multiplyExact(e, k) : 0;
            object = new int[len];
            java.util.Arrays.fill(object, -1);
            idf = new double[len];
            timeA = new long[len];
            timeB = new long[len];
        }

        @Override
        void begin(int s) {}

        @Override
        void pair(int s, int i, int j) {
            int e = edgeOf.get(key(acc[i], acc[j]));
            if (e < 0) {
                return;
            }
            int o = obj[i];
            long ta = acc[i] < acc[j] ? time[i] : time[j];
            long tb = acc[i] < acc[j] ? time[j] : time[i];
            int base = e * k;
            int free = -1;
            int weakest = -1;
            for (int x = base; x < base + k; x++) {
                if (object[x] == o) {
                    if (Math.abs(ta - tb) < Math.abs(timeA[x] - timeB[x])) {
                        timeA[x] = ta;
                        timeB[x] = tb;
                    }
                    return;
                }
                if (object[x] < 0) {
                    if (free < 0) {
                        free = x;
                    }
                } else if (weakest < 0 || idf[x] < idf[weakest]) {
                    weakest = x;
                }
            }
            int at = free;
            // objects come in ascending id: replacing only on a strictly rarer object keeps the lower id on ties
            if (at < 0 && segIdf[s] > idf[weakest]) {
                at = weakest;
            }
            if (at >= 0) {
                object[at] = o;
                idf[at] = segIdf[s];
                timeA[at] = ta;
                timeB[at] = tb;
            }
        }

        /** Orders each edge's entries rarest first, then by object id. */
        void finish() {
            int e = object.length / k;
            for (int edge = 0; edge < e; edge++) {
                int base = edge * k;
                for (int x = base + 1; x < base + k && object[x] >= 0; x++) {
                    for (int y = x; y > base && before(y, y - 1); y--) {
                        swap(y, y - 1);
                    }
                }
            }
        }

        private boolean before(int x, int y) {
            return idf[x] > idf[y] || (idf[x] == idf[y] && object[x] < object[y]);
        }

        private void swap(int x, int y) {
            int o = object[x];
            object[x] = object[y];
            object[y] = o;
            double d = idf[x];
            idf[x] = idf[y];
            idf[y] = d;
            long t = timeA[x];
            timeA[x] = timeA[y];
            timeA[y] = t;
            t = timeB[x];
            timeB[x] = timeB[y];
            timeB[y] = t;
        }
    }
}

package org.coordscope.detect.signal;

import java.util.EnumMap;
import java.util.Map;
import org.coordscope.detect.signal.SignalProjection.SignalEdges;

/**
 * Builds the {@link CoordinationGraph} from the actions of one or more signals.
 *
 * <h2>Definition</h2>
 * For a signal s, accounts a ≠ b <em>co-act</em> on object o when each acted on o at times within the
 * signal's window ({@link TimeWindow}: inclusive, at the data's resolution). One account acting
 * twice on an object is not coordination with itself: self-pairs are dropped (CooRTweet's
 * {@code remove_loops}). For each unordered pair:
 * <ul>
 *   <li><b>support</b><sub>s</sub>(a, b) = number of distinct objects of s they co-acted on;</li>
 *   <li><b>weight</b><sub>s</sub>(a, b) = Σ over those objects of idf(o) = ln(N<sub>s</sub> / n<sub>o</sub>),
 *       with N<sub>s</sub> the accounts active in s (or {@link Actions#activeAccounts()} if larger) and
 *       n<sub>o</sub> the distinct accounts that acted on o at any time. A tweet retweeted by thousands
 *       adds little; one that only the pair and a few others touched adds much. This is the IDF half of
 *       the TF-IDF weighting of Pacheco et al. (ICWSM 2021), applied to the co-action projection.</li>
 * </ul>
 * A signal contributes to a pair only when support<sub>s</sub> ≥ {@code minSupport}<sub>s</sub>
 * (CooRTweet's and the QUT toolkit's repeated-co-action threshold). The edge weight is the sum of the
 * contributing signals' weights; edges below {@code minEdgeWeight}, or with no contributing signal,
 * are dropped. Evidence: per contributing signal, the {@code evidencePerEdge} shared objects with the
 * highest idf (ties: lower object id), each with the two accounts' closest times on it.
 *
 * <h2>Bounded cost on viral objects</h2>
 * Pairs are produced per object from a sliding window over its time-sorted actions, and each action
 * is paired with at most {@code maxPairsPerAction} (K) following actions, the nearest in time. An
 * object with s actions thus yields at most K·s pair events instead of s²/2, and an organic storm of
 * 100,000 retweets cannot become a clique: its accounts are joined only to their K nearest neighbours
 * in time, each such pair at the storm's small idf and with support 1 from it, which the minimum
 * support removes unless the same pair meets again elsewhere. Bots firing within seconds of each
 * other are each other's nearest neighbours, so the cap keeps exactly the co-actions that matter.
 * Objects touched by more than {@code maxObjectAccounts} accounts can also be skipped outright (off
 * by default). Candidate pairs accumulate in a primitive {@code Long2IntOpenHashMap} keyed
 * {@code a << 32 | b}; beyond {@code maxPairsInMemory} candidates the accumulation is split into
 * passes over disjoint key partitions (see {@link SignalProjection}).
 *
 * <p>Cost per signal: O(n + objects) to sort, O(P·(n + events)) to accumulate in P passes, where
 * events ≤ K·n; memory about 25 bytes per candidate pair of a pass plus about 16 bytes per action.
 * Deterministic: the result does not depend on the order actions were added in.
 *
 * <p>References: Giglietto et al. 2020, CooRnet (coordinated link sharing within a coordination
 * interval, repeated co-shares); Righetti &amp; Balluff, CooRTweet (time window, minimum
 * participation, loop removal); QUT Digital Observatory coordination-network-toolkit (co-retweet,
 * co-link, co-similar-text networks, {@code min_edge_weight}); Pacheco et al., "Uncovering Coordinated
 * Networks on Social Media: Methods and Case Studies", ICWSM 2021 (TF-IDF weighted bipartite
 * projections).
 */
public final class CoActionGraphBuilder {

    private final int accountCount;
    private final DetectionOptions options;
    private final Map<SignalKind, SignalEdges> built = new EnumMap<>(SignalKind.class);

    /**
     * @param accountCount size of the caller's dense account id space; ids must be below it
     * @param options detection options
     */
    public CoActionGraphBuilder(int accountCount, DetectionOptions options) {
        if (accountCount < 0) {
            throw new IllegalArgumentException("accountCount must be >= 0");
        }
        if (options == null) {
            throw new IllegalArgumentException("options are required");
        }
        this.accountCount = accountCount;
        this.options = options;
    }

    /**
     * Projects one signal's actions now (sorting {@code actions} in place); a disabled signal is
     * ignored. Each signal may be added once. The actions may be discarded afterwards.
     */
    public CoActionGraphBuilder add(SignalKind kind, Actions actions) {
        if (built.containsKey(kind)) {
            throw new IllegalStateException(kind.id() + " was already added");
        }
        SignalOptions opt = options.signal(kind);
        if (!opt.enabled()) {
            return this;
        }
        SignalProjection p = new SignalProjection(kind, opt, options.resolutionSeconds(), accountCount,
                options.evidencePerEdge(), options.maxPairsInMemory());
        built.put(kind, p.project(actions));
        return this;
    }

    /** Merges the signals added so far into an immutable graph. */
    public CoordinationGraph build() {
        SignalKind[] kinds = SignalKind.values();
        SignalEdges[] sig = new SignalEdges[kinds.length];
        Map<SignalKind, SignalStats> stats = new EnumMap<>(SignalKind.class);
        for (Map.Entry<SignalKind, SignalEdges> en : built.entrySet()) {
            sig[en.getKey().ordinal()] = en.getValue();
            stats.put(en.getKey(), en.getValue().stats());
        }
        // pass 1 counts, pass 2 fills: a k-way merge of the signals' sorted keys
        int edges = 0;
        int evidence = 0;
        for (int pass = 0; pass < 2; pass++) {
            Merge m = new Merge(sig, pass == 1 ? edges : 0, pass == 1 ? evidence : 0);
            edges = 0;
            evidence = 0;
            int[] pos = new int[kinds.length];
            while (true) {
                long key = Long.MAX_VALUE;
                for (int s = 0; s < kinds.length; s++) {
                    if (sig[s] != null && pos[s] < sig[s].keys().length && sig[s].keys()[pos[s]] < key) {
                        key = sig[s].keys()[pos[s]];
                    }
                }
                if (key == Long.MAX_VALUE) {
                    break;
                }
                double w = 0;
                int ev = 0;
                for (int s = 0; s < kinds.length; s++) {
                    if (sig[s] != null && pos[s] < sig[s].keys().length && sig[s].keys()[pos[s]] == key) {
                        w += sig[s].weight()[pos[s]];
                        ev += Math.min(sig[s].support()[pos[s]], sig[s].evidenceK());
                    }
                }
                boolean keep = w >= options.minEdgeWeight();
                if (keep && pass == 1) {
                    m.fill(edges, evidence, key, w, pos);
                }
                if (keep) {
                    edges++;
                    evidence += ev;
                }
                for (int s = 0; s < kinds.length; s++) {
                    if (sig[s] != null && pos[s] < sig[s].keys().length && sig[s].keys()[pos[s]] == key) {
                        pos[s]++;
                    }
                }
            }
            if (pass == 1) {
                m.evStart[edges] = evidence;
                return new CoordinationGraph(accountCount, m.source, m.target, m.weight, m.support, m.signalWeight,
                        m.evStart, m.evSignal, m.evObject, m.evIdf, m.evA, m.evB, stats);
            }
        }
        throw new AssertionError();
    }

    private static final class Merge {
        final SignalEdges[] sig;
        final int[] source;
        final int[] target;
        final double[] weight;
        final int[][] support;
        final double[][] signalWeight;
        final int[] evStart;
        final byte[] evSignal;
        final int[] evObject;
        final double[] evIdf;
        final long[] evA;
        final long[] evB;

        Merge(SignalEdges[] sig, int edges, int evidence) {
            this.sig = sig;
            source = new int[edges];
            target = new int[edges];
            weight = new double[edges];
            support = new int[sig.length][];
            signalWeight = new double[sig.length][];
            for (int s = 0; s < sig.length; s++) {
                if (sig[s] != null) {
                    support[s] = new int[edges];
                    signalWeight[s] = new double[edges];
                }
            }
            evStart = new int[edges + 1];
            evSignal = new byte[evidence];
            evObject = new int[evidence];
            evIdf = new double[evidence];
            evA = new long[evidence];
            evB = new long[evidence];
        }

        void fill(int e, int ev, long key, double w, int[] pos) {
            source[e] = (int) (key >>> 32);
            target[e] = (int) key;
            weight[e] = w;
            evStart[e] = ev;
            for (int s = 0; s < sig.length; s++) {
                SignalEdges se = sig[s];
                if (se == null || pos[s] >= se.keys().length || se.keys()[pos[s]] != key) {
                    continue;
                }
                int i = pos[s];
                support[s][e] = se.support()[i];
                signalWeight[s][e] = se.weight()[i];
                int k = se.evidenceK();
                for (int x = i * k; x < i * k + k && se.evObject()[x] >= 0; x++) {
                    evSignal[ev] = (byte) s;
                    evObject[ev] = se.evObject()[x];
                    evIdf[ev] = se.evIdf()[x];
                    evA[ev] = se.evTimeA()[x];
                    evB[ev] = se.evTimeB()[x];
                    ev++;
                }
            }
        }
    }
}

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
 * {@code remove_loops}).
 *
 * <h2>Episodes</h2>
 * When the signal has an episode gap g ({@link SignalOptions#episodeGapSeconds()}, default one hour for
 * hashtags, links, domains and near-text, off for retweets), each object's time-sorted actions are cut into
 * <em>episodes</em> wherever nobody acted on it for more than max(g, window): a burst of a campaign
 * hashtag at 09:00 and the next at 21:00 are two episodes of one object. The unit of evidence is then the
 * (object, episode): thirty bursts of the same dozen accounts on one hashtag give each pair support 30,
 * where counting distinct objects gave 1. Because the gap is at least the window, a co-action never spans
 * two episodes. The IDF stays <em>per object</em> (n<sub>o</sub> counts every account that ever used
 * it, over all its episodes): a hashtag that many different people use is weak evidence however often
 * it recurs, while a campaign's own tag, used by few accounts, keeps a high idf in each of its bursts.
 * An organic storm (hundreds of accounts on one hashtag for hours, no quiet hour) is one episode, so its
 * pairs still have support 1 from it; a popular daily hashtag recurs in many episodes but each pair of
 * its many users rarely meets within the window in more than one of them, and when it does its idf is
 * small. Tested in {@code CoActionGraphBuilderTest}.
 *
 * <h2>Support and weight</h2>
 * For each unordered pair:
 * <ul>
 *   <li><b>support</b><sub>s</sub>(a, b) = number of distinct units of s they co-acted on: objects, or
 *       (object, episode) when s has an episode gap;</li>
 *   <li><b>weight</b><sub>s</sub>(a, b) = Σ over those units of idf(o) = ln(N<sub>s</sub> / n<sub>o</sub>),
 *       with N<sub>s</sub> the accounts active in s (or {@link Actions#activeAccounts()} if larger) and
 *       n<sub>o</sub> the distinct accounts that acted on o at any time. A tweet retweeted by thousands
 *       adds little; one that only the pair and a few others touched adds much. This is the IDF half of
 *       the TF-IDF weighting of Pacheco et al. (ICWSM 2021), applied to the co-action projection.</li>
 * </ul>
 * A signal contributes to a pair only when support<sub>s</sub> ≥ {@code minSupport}<sub>s</sub>
 * (CooRTweet's and the QUT toolkit's repeated-co-action threshold). The edge weight is the sum of the
 * contributing signals' weights; edges below {@code minEdgeWeight}, or with no contributing signal,
 * are dropped. Evidence: per contributing signal, the {@code evidencePerEdge} shared units with the
 * highest idf (ties: lower object id, then earlier episode), each with the two accounts' closest times.
 *
 * <h2>Significance</h2>
 * Each edge also gets a p-value and a false-discovery-rate q-value from the null model of {@link Significance}
 * (Tumminello et al. 2011, hypergeometric on each signal's slots given both accounts' activity): how unlikely
 * its co-actions are by chance. The graph keeps every edge; scores count only the validated ones.
 *
 * <h2>Slow window</h2>
 * A signal with a slow window ({@link SignalOptions#slowWindowSeconds()}, default 30 minutes for co-retweet, co-link,
 * co-hashtag and near-text) is projected a second time at that window, with the null model's slots as long as it,
 * and tested on its own: members of a group reacting 10–30 minutes after a post, each at its own delay, meet within
 * a minute on a few of its posts but within half an hour on all of them. A pair's p-value is the smaller of its two
 * windows' times 2 (Bonferroni). A pair joins with its slow co-actions (when they are more than its fast ones) only
 * when its slow p-value times the slow projection's candidate pairs is at most {@code significance.fdr}
 * (Bonferroni, not the false discovery rate of the other edges): a rate admits more chance pairs the more true
 * ones there are, and half an hour gives many of both (over ten seeds at 1,500 and 6,000 accounts the rate flagged
 * 22 organic accounts, Bonferroni 18, none of them at 1,500; docs/detection.md). The
 * slow window's null also discounts crowded slots ({@link Significance}): within half an hour a storm gathers
 * hundreds of accounts in a few slots, and two accounts that joined the same two storms are no rare match.
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
 * by default).
 *
 * <p>Pairs are accumulated account by account in dense primitive arrays, not in a global pair map
 * (see {@link SignalProjection}): a pair below the minimum support is forgotten as soon as its
 * smaller account is done, so memory holds the actions (20 bytes each), 24 bytes per account and the
 * surviving edges, however many pairs co-act only once. Time: O(n + objects + accounts) plus
 * O(events), events ≤ 2K·n array updates. Deterministic: the result does not depend on the order
 * actions were added in.
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
        SignalProjection p =
                new SignalProjection(kind, opt, options.resolutionSeconds(), accountCount, options.evidencePerEdge());
        SignalEdges edges = p.project(actions);
        if (opt.slowWindow()) {
            SignalProjection slow = new SignalProjection(
                    kind,
                    opt.withWindowSeconds(opt.slowWindowSeconds()),
                    options.resolutionSeconds(),
                    accountCount,
                    options.evidencePerEdge(),
                    true);
            SignalEdges slowEdges = slow.project(actions);
            edges = SignalProjection.withSlowWindow(edges, slowEdges, options.fdr());
        }
        built.put(kind, edges);
        return this;
    }

    /**
     * Merges the signals added so far into an immutable graph. The signals' support, weight and
     * evidence arrays are shared with the graph, not copied; the merge adds 16 bytes per edge plus
     * 4 per edge and signal when several signals are combined.
     */
    public CoordinationGraph build() {
        SignalKind[] kinds = SignalKind.values();
        SignalEdges[] sig = new SignalEdges[kinds.length];
        Map<SignalKind, SignalStats> stats = new EnumMap<>(SignalKind.class);
        for (Map.Entry<SignalKind, SignalEdges> en : built.entrySet()) {
            sig[en.getKey().ordinal()] = en.getValue();
            stats.put(en.getKey(), en.getValue().stats());
        }
        // pass 0 counts the edges, pass 1 fills them: a k-way merge of the signals' sorted keys
        int edges = 0;
        int[] source = null;
        int[] target = null;
        double[] weight = null;
        int[][] index = new int[kinds.length][];
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                source = new int[edges];
                target = new int[edges];
                weight = new double[edges];
                for (int s = 0; s < kinds.length; s++) {
                    if (sig[s] != null) {
                        index[s] = new int[edges];
                        java.util.Arrays.fill(index[s], -1);
                    }
                }
            }
            edges = 0;
            int[] pos = new int[kinds.length];
            while (true) {
                long key = Long.MAX_VALUE;
                for (int s = 0; s < kinds.length; s++) {
                    if (sig[s] != null && pos[s] < sig[s].size() && sig[s].keys()[pos[s]] < key) {
                        key = sig[s].keys()[pos[s]];
                    }
                }
                if (key == Long.MAX_VALUE) {
                    break;
                }
                double w = 0;
                for (int s = 0; s < kinds.length; s++) {
                    if (sig[s] != null && pos[s] < sig[s].size() && sig[s].keys()[pos[s]] == key) {
                        w += sig[s].weight()[pos[s]];
                    }
                }
                boolean keep = w >= options.minEdgeWeight();
                for (int s = 0; s < kinds.length; s++) {
                    if (sig[s] != null && pos[s] < sig[s].size() && sig[s].keys()[pos[s]] == key) {
                        if (keep && pass == 1) {
                            index[s][edges] = pos[s];
                        }
                        pos[s]++;
                    }
                }
                if (keep) {
                    if (pass == 1) {
                        source[edges] = (int) (key >>> 32);
                        target[edges] = (int) key;
                        weight[edges] = w;
                    }
                    edges++;
                }
            }
        }
        // significance: the smallest p-value of the linking signals, Bonferroni over them, then BH over all pairs
        double[] logP = new double[edges];
        long tests = 0;
        for (int s = 0; s < kinds.length; s++) {
            if (sig[s] != null) {
                tests += sig[s].stats().candidatePairs();
            }
        }
        for (int e = 0; e < edges; e++) {
            double best = 0;
            int linking = 0;
            for (int s = 0; s < kinds.length; s++) {
                if (sig[s] != null) {
                    int i = index[s][e];
                    if (i >= 0) {
                        best = Math.min(best, sig[s].logP()[i]);
                        linking++;
                    }
                }
            }
            logP[e] = Math.min(0, best + Math.log(Math.max(1, linking)));
        }
        double[] logQ = Significance.logQValues(logP, tests);
        // a signal whose edges map one to one onto the graph's needs no index
        for (int s = 0; s < kinds.length; s++) {
            if (sig[s] != null && sig[s].size() == edges) {
                index[s] = null;
            }
        }
        return new CoordinationGraph(
                accountCount, source, target, weight, logP, logQ, options.fdr(), sig, index, stats);
    }
}

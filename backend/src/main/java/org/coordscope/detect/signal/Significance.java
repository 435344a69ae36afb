package org.coordscope.detect.signal;

import java.util.Arrays;

/**
 * How unlikely a pair's co-actions are by chance: the statistically validated network of Tumminello, Miccichè,
 * Lillo, Piilo and Mantegna, "Statistically Validated Networks in Bipartite Complex Systems", PLoS ONE 6(3):
 * e17994, 2011.
 *
 * <h2>The null model</h2>
 * Per signal, the dataset is a bipartite graph of accounts and <em>slots</em>: a slot is one window-long stretch
 * of time of one unit of evidence (an object, or an episode of one, see {@link CoActionGraphBuilder}), so a
 * popular tweet retweeted over three days is many slots and a burst of one hashtag a few. Account a occupies
 * N<sub>a</sub> distinct slots (its activity), the signal has N<sub>T</sub> occupied slots. If a and b chose
 * their slots at random, the number X of slots they share would follow the hypergeometric distribution
 * H(X | N<sub>T</sub>, N<sub>a</sub>, N<sub>b</sub>), and the p-value of observing their support k (distinct units
 * they co-acted on within the window) is {@code P(X >= k)}, Tumminello et al.'s eq. (1). An active pair (high
 * N<sub>a</sub>, N<sub>b</sub>) needs more co-actions to be significant than two accounts that rarely post; a
 * pair whose few actions are mostly co-actions is significant with a few.
 *
 * <p>Co-actions within the window may straddle two adjacent slots, so k can exceed the slots the pair shares;
 * the slots are a window long for that reason (so that the null's chance of meeting is of the same order as a
 * co-action's). Slots are occupied, not possible, time bins: a signal whose actions all fall in a few hours has
 * few slots, so a crowd in those hours does not look unlikely.
 *
 * <h2>Crowded slots (slow windows)</h2>
 * A slow window ({@link SignalOptions#slowWindowSeconds()}) makes slots half an hour long, and a storm puts hundreds
 * of accounts into a few of them: under the plain null two accounts with three actions, two of them in the same two
 * storms, are a one-in-a-million match, though everyone in those storms shares slots with everyone. For the slow
 * window the null draws slots in proportion to their crowd c<sub>s</sub> (distinct accounts in slot s), as in the
 * configuration-model projections of Saracco et al., "Inferring monopartite projections of bipartite networks: an
 * entropy-based approach", New J. Phys. 19, 2017: an account whose slots hold c̄ accounts on average then has
 * Σ<sub>s</sub> c<sub>s</sub> / c̄ equally likely slots to pick from (N<sub>T</sub> when every slot holds the same
 * crowd), and the pair takes the more crowded of its two accounts (conservative). The one-minute window keeps the
 * plain count: there a slot's crowd is mostly the group itself, and discounting it hid members of fast groups (F1 of
 * fast groups 0.86–0.91 instead of 0.94–1.00 on seeds 1, 2 and 8 at 1,500 accounts, docs/detection.md).
 *
 * <h2>Multiple testing</h2>
 * A pair gets the smallest p-value of the signals that link it, times the number of those signals (Bonferroni
 * over signals). Over the pairs, Benjamini–Hochberg's false discovery rate (as Tumminello et al. propose besides
 * Bonferroni) gives each edge a q-value; an edge is <em>validated</em> when its q-value is at most the
 * {@code significance.fdr} option (default {@value DetectionOptions#DEFAULT_FDR}). The number of tests m is every
 * pair that co-acted at least once ({@link SignalStats#candidatePairs()}, summed over signals); pairs below the
 * minimum support are not kept, and are taken to rank after every kept pair, which can only raise the kept
 * pairs' q-values (conservative).
 */
public final class Significance {

    private static final int TABLE = 4096;
    private static final double[] LOG_FACTORIAL = new double[TABLE];

    static {
        for (int i = 1; i < TABLE; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
        }
    }

    private Significance() {}

    /** ln(n!): a table below 4096, Stirling's series above (error below 1e-15 relative there). */
    static double logFactorial(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        if (n < TABLE) {
            return LOG_FACTORIAL[(int) n];
        }
        double x = n;
        double inv = 1 / x;
        double inv2 = inv * inv;
        return x * Math.log(x)
                - x
                + 0.5 * Math.log(2 * Math.PI * x)
                + inv / 12
                - inv * inv2 / 360
                + inv * inv2 * inv2 / 1260;
    }

    private static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /**
     * ln P(X >= k) for X hypergeometric: {@code draws} slots of a pair's second account among {@code total}, of
     * which {@code marked} are the first account's. Summed in log space from the k-th term up, so p-values of
     * 1e-300 and below keep their exponent. Arguments are clamped into the distribution's support: more marked or
     * drawn slots than the total are read as the total.
     */
    public static double logUpperTail(long total, long marked, long draws, long k) {
        if (total < 1 || marked < 0 || draws < 0) {
            throw new IllegalArgumentException("total must be >= 1, marked and draws >= 0");
        }
        long big = Math.min(marked, total);
        long small = Math.min(draws, total);
        long lo = Math.max(0, big + small - total);
        long hi = Math.min(big, small);
        if (k <= lo) {
            return 0;
        }
        if (k > hi) {
            return Double.NEGATIVE_INFINITY;
        }
        double logTerm = logChoose(big, k) + logChoose(total - big, small - k) - logChoose(total, small);
        double logSum = logTerm;
        for (long x = k; x < hi; x++) {
            // pmf(x + 1) / pmf(x)
            logTerm += Math.log((double) (big - x) * (small - x) / ((double) (x + 1) * (total - big - small + x + 1)));
            double hiPart = Math.max(logSum, logTerm);
            logSum = hiPart + Math.log1p(Math.exp(Math.min(logSum, logTerm) - hiPart));
            if (logTerm < logSum - 40) {
                break; // past the mode the terms only shrink; e^-40 of the sum changes nothing
            }
        }
        return Math.min(0, logSum);
    }

    /**
     * Benjamini–Hochberg q-values of {@code logP} (natural logs) among {@code tests} tests, the others taken to
     * have larger p-values: {@code q_(i) = min over j >= i of p_(j) m / j}, ranks by ascending p. Returns ln q,
     * at most 0.
     */
    public static double[] logQValues(double[] logP, long tests) {
        int n = logP.length;
        long m = Math.max(tests, n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(logP[x], logP[y]));
        double[] q = new double[n];
        double running = 0;
        for (int r = n - 1; r >= 0; r--) {
            int e = order[r];
            running = Math.min(running, logP[e] + Math.log((double) m / (r + 1)));
            q[e] = running;
        }
        return q;
    }
}

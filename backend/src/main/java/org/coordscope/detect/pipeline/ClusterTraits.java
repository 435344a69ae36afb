package org.coordscope.detect.pipeline;

import java.util.Arrays;

/**
 * A cluster's six give-aways, each a share of its members lifted over the dataset's share
 * ({@link ScoreFormula#lift}): one client more common than in the dataset (the members' most used one), empty
 * profiles, under {@value AccountTraits#FEW_FOLLOWERS} followers, retweet ratio, reaction delay (share of
 * retweets within {@link SignalData#QUICK_SECONDS} of the original); and, with no baseline, the share created
 * within one {@value #BURST_HOURS} h window when at least {@value ClusterScorer#MIN_CLUSTER_SIZE} are.
 */
final class ClusterTraits {

    static final int TRAITS = 6;
    static final int BURST_HOURS = 96;

    private final AccountTraits traits;
    private final SignalData data;
    final DatasetBaseline baseline;
    final int size;
    /** The most members created within {@value #BURST_HOURS} h of each other, and their first and last times. */
    final int inBurst;

    final long burstFrom;
    final long burstTo;
    /** The members' most used client (ties: the lowest index), -1 when none is known; and how many use it. */
    final int topClient;

    final int topClientCount;
    final int emptyProfiles;
    final int fewFollowers;
    final double retweetRatioSum;
    final double quickShareSum;
    /** The members' known follower counts, sorted. */
    final long[] knownFollowers;

    final double burst;
    final double client;
    final double empty;
    final double few;
    final double retweet;
    final double quick;

    ClusterTraits(int[] members, AccountTraits traits, SignalData data, DatasetBaseline baseline) {
        this.traits = traits;
        this.data = data;
        this.baseline = baseline;
        int n = members.length;
        size = n;
        long[] window = burstWindow(members, traits);
        inBurst = (int) window[0];
        burstFrom = window[1];
        burstTo = window[2];
        int[] clientCounts = new int[traits.clients.size()];
        int emptyCount = 0;
        int fewCount = 0;
        double rt = 0;
        double q = 0;
        long[] followers = new long[n];
        int known = 0;
        for (int m : members) {
            if (traits.client[m] >= 0) {
                clientCounts[traits.client[m]]++;
            }
            emptyCount += traits.emptyProfile[m] ? 1 : 0;
            fewCount += traits.fewFollowers(m) ? 1 : 0;
            rt += traits.retweetRatio(m);
            q += data.quickShare(m);
            if (traits.followers[m] >= 0) {
                followers[known++] = traits.followers[m];
            }
        }
        int top = -1;
        for (int c = 0; c < clientCounts.length; c++) {
            if (clientCounts[c] > 0 && (top < 0 || clientCounts[c] > clientCounts[top])) {
                top = c;
            }
        }
        topClient = top;
        topClientCount = top < 0 ? 0 : clientCounts[top];
        emptyProfiles = emptyCount;
        fewFollowers = fewCount;
        retweetRatioSum = rt;
        quickShareSum = q;
        knownFollowers = Arrays.copyOf(followers, known);
        Arrays.sort(knownFollowers);

        burst = hasBurst() ? (double) inBurst / n : 0;
        client = top < 0 ? 0 : ScoreFormula.lift((double) topClientCount / n, baseline.client()[top]);
        empty = ScoreFormula.lift((double) emptyCount / n, baseline.emptyProfile());
        few = ScoreFormula.lift((double) fewCount / n, baseline.fewFollowers());
        retweet = ScoreFormula.lift(rt / n, baseline.retweetRatio());
        quick = ScoreFormula.lift(q / n, baseline.quickShare());
    }

    /** {@code t}: the mean of the six lifts, in [0, 1]. */
    double mean() {
        return (burst + client + empty + few + retweet + quick) / TRAITS;
    }

    /** Whether the creation burst counts: at least {@value ClusterScorer#MIN_CLUSTER_SIZE} members in it. */
    boolean hasBurst() {
        return inBurst >= ClusterScorer.MIN_CLUSTER_SIZE;
    }

    boolean createdInBurst(int account) {
        return hasBurst() && traits.created[account] >= burstFrom && traits.created[account] <= burstTo;
    }

    /** Whether the account posts mostly with the cluster's top client, and that client is a lifted trait. */
    boolean usesTopClient(int account) {
        return topClient >= 0 && traits.client[account] == topClient && client > 0;
    }

    /**
     * {@code t_a}: the share of the six traits the account shows itself: created in the burst, the cluster's
     * top client (when lifted), empty profile, few followers, and a retweet ratio and quick share above the
     * dataset's means.
     */
    double shownBy(int a) {
        return ((createdInBurst(a) ? 1 : 0)
                        + (usesTopClient(a) ? 1 : 0)
                        + (traits.emptyProfile[a] ? 1 : 0)
                        + (traits.fewFollowers(a) ? 1 : 0)
                        + (traits.retweetRatio(a) > baseline.retweetRatio() ? 1 : 0)
                        + (data.quickShare(a) > baseline.quickShare() ? 1 : 0))
                / (double) TRAITS;
    }

    /** {count, from, to}: the most members created within {@value #BURST_HOURS} h of each other. */
    static long[] burstWindow(int[] members, AccountTraits traits) {
        long[] times = Arrays.stream(members)
                .mapToLong(m -> traits.created[m])
                .filter(t -> t != Long.MIN_VALUE)
                .sorted()
                .toArray();
        long span = BURST_HOURS * 3600L;
        long[] best = {0, 0, 0};
        int j = 0;
        for (int i = 0; i < times.length; i++) {
            while (times[i] - times[j] > span) {
                j++;
            }
            if (i - j + 1 > best[0]) {
                best = new long[] {i - j + 1, times[j], times[i]};
            }
        }
        return best;
    }
}

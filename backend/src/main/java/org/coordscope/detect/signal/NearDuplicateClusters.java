package org.coordscope.detect.signal;

/**
 * Immutable result of {@link NearDuplicateText#cluster()}: which kept text belongs to which cluster of
 * near-duplicates. Only clusters with texts of at least two accounts get an id ({@code 0 ..
 * clusterCount() - 1}, in order of their first text); other texts have cluster -1.
 */
public final class NearDuplicateClusters {

    private final int[] clusterOf;
    private final int clusterCount;
    private final int[] accounts;
    private final long[] times;
    private final int activeAccounts;

    NearDuplicateClusters(int[] clusterOf, int clusterCount, int[] accounts, long[] times, int activeAccounts) {
        this.clusterOf = clusterOf;
        this.clusterCount = clusterCount;
        this.accounts = accounts;
        this.times = times;
        this.activeAccounts = activeAccounts;
    }

    /** Kept texts (those {@link NearDuplicateText#add} gave an index). */
    public int textCount() {
        return clusterOf.length;
    }

    public int clusterCount() {
        return clusterCount;
    }

    /** Cluster of the text with index {@code index}, or -1. */
    public int clusterOf(int index) {
        return clusterOf[index];
    }

    /** Accounts that posted at least one kept text: N of the NEAR_TEXT signal's IDF. */
    public int activeAccounts() {
        return activeAccounts;
    }

    /**
     * One action (account, cluster, time) per clustered text, for
     * {@code builder.add(SignalKind.NEAR_TEXT, ...)}; {@link Actions#activeAccounts(int)} is set so the
     * IDF counts every account that posted text, not only the clustered ones.
     */
    public Actions toActions() {
        int m = 0;
        for (int c : clusterOf) {
            if (c >= 0) {
                m++;
            }
        }
        Actions a = new Actions(m);
        for (int i = 0; i < clusterOf.length; i++) {
            if (clusterOf[i] >= 0) {
                a.add(accounts[i], clusterOf[i], times[i]);
            }
        }
        return a.activeAccounts(activeAccounts);
    }
}

package org.coordscope.detect.pipeline;

/**
 * The dataset's share of each trait, against which a cluster's traits are lifted: over the accounts that
 * posted (those known only as an author or a mention do not count), 0 when none did.
 *
 * @param emptyProfile share of accounts with an empty profile
 * @param fewFollowers share with under {@value AccountTraits#FEW_FOLLOWERS} followers (unknown counts do not)
 * @param retweetRatio mean retweet ratio
 * @param quickShare mean share of retweets within {@link SignalData#QUICK_SECONDS} of the original
 * @param client per client index, the share of accounts posting mostly with it
 */
record DatasetBaseline(
        double emptyProfile, double fewFollowers, double retweetRatio, double quickShare, double[] client) {

    static DatasetBaseline of(AccountTraits traits, SignalData data, int accountCount) {
        int empty = 0;
        int few = 0;
        double rt = 0;
        double quick = 0;
        int[] clientCount = new int[traits.clients.size()];
        int active = 0;
        for (int a = 0; a < accountCount; a++) {
            if (traits.posts[a] == 0) {
                continue;
            }
            active++;
            empty += traits.emptyProfile[a] ? 1 : 0;
            few += traits.fewFollowers(a) ? 1 : 0;
            rt += traits.retweetRatio(a);
            quick += data.quickShare(a);
            if (traits.client[a] >= 0) {
                clientCount[traits.client[a]]++;
            }
        }
        double[] clientShare = new double[clientCount.length];
        for (int c = 0; c < clientCount.length; c++) {
            clientShare[c] = active == 0 ? 0 : (double) clientCount[c] / active;
        }
        return new DatasetBaseline(
                active == 0 ? 0 : (double) empty / active,
                active == 0 ? 0 : (double) few / active,
                active == 0 ? 0 : rt / active,
                active == 0 ? 0 : quick / active,
                clientShare);
    }
}

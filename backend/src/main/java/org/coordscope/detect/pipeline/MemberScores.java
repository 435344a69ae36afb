package org.coordscope.detect.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coordscope.detect.signal.SignalKind;

/**
 * Each member's strength, score and reasons, arrays parallel to the cluster's members: strength is the share
 * of its coordination weight inside the cluster; its score {@link ScoreFormula#memberScore} of its own
 * coordination (distinct objects, {@link ClusterEvidence#distinctObjects}), its own traits
 * ({@link ClusterTraits#shownBy}) and the share of its co-actions with the other members on validated edges.
 */
final class MemberScores {

    final double[] strength;
    final double[] score;
    final List<List<String>> reasons = new ArrayList<>();

    /** {@code totalWeight}: per account of the graph, the weight of all its edges. */
    MemberScores(
            ClusterEvidence ev,
            ClusterTraits t,
            double clusterScore,
            double[] totalWeight,
            AccountTraits traits,
            SignalData data) {
        int n = ev.size();
        strength = new double[n];
        score = new double[n];
        for (int i = 0; i < n; i++) {
            int a = ev.members[i];
            strength[i] = totalWeight[a] == 0 ? 0 : ev.inWeight[i] / totalWeight[a];
            // distinct shared objects, not pair-object sums, so an account that happened to meet a large
            // group's wave twice does not count 2 x 40
            score[i] = ScoreFormula.memberScore(
                    clusterScore,
                    ScoreFormula.memberCoordination(ev.distinctObjects(i)),
                    t.shownBy(a),
                    ev.validatedShare(i),
                    strength[i]);
            List<String> mr = new ArrayList<>();
            mr.add(String.format(
                    Locale.ROOT,
                    "co-acted with %d of the %d other members on %,d shared objects (at least"
                            + " %,d distinct; in the evidence: %s)",
                    ev.inDegree[i],
                    n - 1,
                    ev.inSupport[i],
                    ev.distinctObjects(i),
                    bySignal(ev, i)));
            mr.add(String.format(
                    Locale.ROOT, "%.0f%% of its coordination weight is inside the cluster", 100 * strength[i]));
            mr.add("its strongest link inside the cluster: " + chance(ev.bestLogP[i]) + ", "
                    + String.format(Locale.ROOT, "%.0f%%", 100 * ev.validatedShare(i))
                    + " of its co-actions there on links beyond chance");
            if (t.createdInBurst(a)) {
                mr.add("created " + ClusterReasons.day(traits.created[a]) + ", inside the cluster's "
                        + ClusterTraits.BURST_HOURS + " h creation burst");
            }
            if (t.usesTopClient(a)) {
                mr.add("posts mostly with client '" + traits.clients.get(t.topClient) + "', like "
                        + (t.topClientCount - 1) + " other members");
            }
            if (traits.emptyProfile[a]) {
                mr.add("empty profile");
            }
            if (traits.followers[a] >= 0) {
                mr.add(String.format(Locale.ROOT, "%,d followers", traits.followers[a]));
            }
            mr.add(String.format(
                    Locale.ROOT, "retweet ratio %.0f%% of %,d posts", 100 * traits.retweetRatio(a), traits.posts[a]));
            if (data.timedRetweets.length > a && data.timedRetweets[a] > 0) {
                mr.add(String.format(
                        Locale.ROOT,
                        "%d of %d retweets within %d min of the original",
                        data.quickRetweets[a],
                        data.timedRetweets[a],
                        SignalData.QUICK_SECONDS / 60));
            }
            reasons.add(List.copyOf(mr));
        }
    }

    /** "p = 3e-12" from a natural-log p-value, "p < 1e-300" past what a double holds. */
    static String chance(double logP) {
        double log10 = logP / Math.log(10);
        if (log10 < -300) {
            return "p < 1e-300";
        }
        return String.format(Locale.ROOT, "p = %.0e", Math.pow(10, log10)).replace("e-0", "e-");
    }

    /** "3 co-retweet, 1 near-text": member {@code i}'s distinct objects in the evidence, per signal. */
    private static String bySignal(ClusterEvidence ev, int i) {
        int[] count = new int[SignalKind.values().length];
        ev.memberObjects.get(i).forEach((long key) -> count[(int) (key >>> 32)]++);
        StringBuilder b = new StringBuilder();
        for (SignalKind k : SignalKind.values()) {
            if (count[k.ordinal()] > 0) {
                b.append(b.length() == 0 ? "" : ", ")
                        .append(count[k.ordinal()])
                        .append(' ')
                        .append(k.id());
            }
        }
        return b.toString();
    }
}

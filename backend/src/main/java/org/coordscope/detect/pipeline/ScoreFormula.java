package org.coordscope.detect.pipeline;

/**
 * The formulas of the cluster and account scores ({@link ClusterScorer} describes what they mean), in one
 * place so that tests and docs can name each.
 */
final class ScoreFormula {

    // The scales that stay say how much repetition reads as a pattern rather than a coincidence once the edges are
    // known to be beyond chance (that is the null model's part, Significance): they shape the score, they no
    // longer decide whether evidence is chance, which a hand-set volume scale did (issue 14).
    /** Co-actions per possible pair at which density reaches {@code 1 - 1/e}: two per pair, CooRTweet's repetition. */
    static final double SUPPORT_SCALE = 2.0;
    /**
     * Co-actions per member at which repetition reaches {@code 1 - 1/e}: eight, so that a member of a 10–20 minute
     * group that meets only some others inside the window still reads as repeated.
     */
    static final double MEMBER_SCALE = 8.0;
    /** Distinct objects at which a member's own coordination reaches {@code 1 - 1/e}: four, twice the minimum support. */
    static final double OBJECT_SCALE = 4.0;
    /** Weight of coordination against traits (traits get the rest): traits alone cannot reach the threshold. */
    static final double COORDINATION_WEIGHT = 0.6;

    private ScoreFormula() {}

    /**
     * The geometric mean of density ({@code 1 - exp(-perPair / 2)}) and repetition per member
     * ({@code 1 - exp(-perMember / 8)}): a group whose members each co-act dozens of times scores high even when
     * its 10–20 minute waves make only some pairs meet within the window, while a large crowd with a few chance
     * co-actions per member stays low on density.
     */
    static double coordination(double perPair, double perMember) {
        return Math.sqrt((1 - Math.exp(-perPair / SUPPORT_SCALE)) * (1 - Math.exp(-perMember / MEMBER_SCALE)));
    }

    /**
     * {@code (0.6 coordination + 0.4 traits) significant}, {@code significant} the share of the co-actions on
     * validated edges ({@link ClusterEvidence#validatedShare()}): a cluster held together by chance co-actions
     * scores 0 however dense it looks.
     */
    static double clusterScore(double coordination, double traits, double significant) {
        return (COORDINATION_WEIGHT * coordination + (1 - COORDINATION_WEIGHT) * traits) * significant;
    }

    /** A member's own coordination, {@code 1 - exp(-distinctObjects / 4)}. */
    static double memberCoordination(int distinctObjects) {
        return 1 - Math.exp(-(double) distinctObjects / OBJECT_SCALE);
    }

    /**
     * A member's own score {@code (0.6 coordination + 0.4 traits) significant sqrt(strength)}, {@code significant} the
     * share of its own co-actions in the cluster on validated edges. In a suspect cluster (score at least the
     * default threshold) that is the member's score, so that members rank by their own evidence (issue 14, item 6);
     * in any other cluster the member's score is at most the cluster's, so that own evidence cannot lift a member
     * of a cluster that is not suspect. Whether a member reaches the default threshold is the same either way: in
     * a suspect cluster {@code min(cluster, own) >= threshold} exactly when {@code own >= threshold}.
     */
    static double memberScore(
            double clusterScore, double coordination, double traits, double significant, double strength) {
        double own = (COORDINATION_WEIGHT * coordination + (1 - COORDINATION_WEIGHT) * traits)
                * significant
                * Math.sqrt(strength);
        return clusterScore >= ClusterScorer.DEFAULT_THRESHOLD ? own : Math.min(clusterScore, own);
    }

    /**
     * A trait's excess over the dataset: {@code (share - base) / (1 - base)} clamped to [0, 1]; 0 when every
     * account of the dataset shows it ({@code base >= 1}).
     */
    static double lift(double share, double base) {
        if (base >= 1) {
            return 0;
        }
        return Math.max(0, Math.min(1, (share - base) / (1 - base)));
    }
}

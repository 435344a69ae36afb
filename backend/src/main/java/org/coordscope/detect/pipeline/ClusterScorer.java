package org.coordscope.detect.pipeline;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coordscope.detect.signal.CoordinationGraph;
import org.coordscope.detect.signal.DetectionOptions;

/**
 * Scores communities of the coordination graph and explains each score with numbers an investigator can
 * check.
 *
 * <h2>Cluster score</h2>
 * Only communities of at least {@value #MIN_CLUSTER_SIZE} accounts are scored: a pair alone is too easily a
 * coincidence to defend. With {@code n} members, {@code P = n(n-1)/2} possible pairs and {@code S} the
 * co-actions summed over the community's internal edges (each edge's distinct shared objects, all signals):
 * <ul>
 *   <li><b>coordination</b> {@code c = sqrt((1 - exp(-(S / P) / 2)) (1 - exp(-(2S / n) / 8)))}
 *       ({@link ScoreFormula#coordination}): the geometric mean of density (co-actions per possible pair) and
 *       repetition per member, each saturating;</li>
 *   <li><b>traits</b> {@code t} in [0, 1]: the mean of six give-aways, each the share of members showing
 *       it in excess of the whole dataset's share, {@code max(0, (p_cluster - p_all) / (1 - p_all))}: one
 *       client more common than in the dataset, empty profiles, under {@value AccountTraits#FEW_FOLLOWERS}
 *       followers, retweet ratio, reaction delay (the share of its retweets made within
 *       {@code SignalData.QUICK_SECONDS} of the original); and the share created within one 96 h window when at least {@value #MIN_CLUSTER_SIZE} are (no
 *       baseline: a random crowd's creation dates spread over years);</li>
 *   <li><b>significant</b> {@code g} in [0, 1]: the share of those co-actions that lie on <em>validated</em>
 *       edges, whose co-actions are unlikely by chance given both accounts' activity (the hypergeometric null of
 *       Tumminello et al. 2011 with Benjamini–Hochberg's false discovery rate, {@code Significance} in
 *       {@code detect/signal}). It replaces the hand-set volume scale (24 co-actions) that dropped small groups:
 *       twelve accounts co-acting 25 times are not chance, whatever their number, and a crowd joined by chance
 *       co-actions gets 0 however dense it looks;</li>
 *   <li><b>score</b> = {@code (0.6 c + 0.4 t) g}: driven by coordination; traits raise it but cannot make
 *       it alone (traits without coordination reach 0.4). Four accounts whose every pair co-retweeted 10 tweets,
 *       nothing else known, in a dataset where that stands out: c = 0.985, score 0.59 ({@code ClusterScorerTest}).</li>
 * </ul>
 * The default suspect threshold is {@value #DEFAULT_THRESHOLD}; docs/detection.md gives the accuracy it yields
 * per kind of group on generated worlds.
 *
 * <h2>Account score</h2>
 * Per member: <b>strength</b>, the share of its edge weight that stays inside its cluster, and its own
 * {@code c_a = 1 - exp(-O_a / 4)} with {@code O_a} the distinct objects it co-acted on with other members (a
 * lower bound: those in the edges' evidence, or its largest support with one member if that is more), {@code g_a}
 * the share of its co-actions with the other members on validated edges, and {@code t_a} the share of the six
 * traits it shows itself ({@link ClusterTraits#shownBy}). Its score is
 * {@code (0.6 c_a + 0.4 t_a) g_a sqrt(strength)} in a suspect cluster (score at least {@value #DEFAULT_THRESHOLD}),
 * so that its members rank by their own evidence, and at most the cluster's score in any other
 * ({@link ScoreFormula#memberScore}): an account that touched the campaign a few times, or belongs mostly
 * elsewhere, stays below the threshold inside a suspicious cluster, and no member of a cluster below the threshold
 * reaches it.
 * The authors of what a group retweets are not members for being retweeted: edges come only from an
 * account's own actions.
 */
public final class ClusterScorer {

    public static final int MIN_CLUSTER_SIZE = 3;
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** A scored community; member arrays are parallel to {@code members}. */
    public record Scored(
            int[] members,
            double score,
            double coordination,
            double traits,
            int internalEdges,
            long internalSupport,
            List<String> reasons,
            double[] strength,
            double[] memberScore,
            List<List<String>> memberReasons) {}

    private final CoordinationGraph graph;
    private final AccountTraits traits;
    private final SignalData data;
    private final double[] totalWeight;
    private final DatasetBaseline baseline;
    private final ClusterReasons reasons;

    ClusterScorer(CoordinationGraph graph, SignalData data, AccountTraits traits, DetectionOptions options) {
        this.graph = graph;
        this.traits = traits;
        this.data = data;
        totalWeight = new double[graph.accountCount()];
        for (int e = 0; e < graph.edgeCount(); e++) {
            totalWeight[graph.source(e)] += graph.weight(e);
            totalWeight[graph.target(e)] += graph.weight(e);
        }
        baseline = DatasetBaseline.of(traits, data, graph.accountCount());
        reasons = new ClusterReasons(graph.signals(), data, traits, options);
    }

    /** Scores the communities of at least {@value #MIN_CLUSTER_SIZE} members, best first. */
    public List<Scored> score(List<int[]> communities) {
        int n = graph.accountCount();
        int[] communityOf = new int[n];
        Arrays.fill(communityOf, -1);
        for (int c = 0; c < communities.size(); c++) {
            if (communities.get(c).length >= MIN_CLUSTER_SIZE) {
                for (int v : communities.get(c)) {
                    communityOf[v] = c;
                }
            }
        }
        List<IntArrayList> internal = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            internal.add(new IntArrayList());
        }
        for (int e = 0; e < graph.edgeCount(); e++) {
            int c = communityOf[graph.source(e)];
            if (c >= 0 && c == communityOf[graph.target(e)]) {
                internal.get(c).add(e);
            }
        }
        List<Scored> out = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            if (communities.get(c).length >= MIN_CLUSTER_SIZE) {
                out.add(scoreOne(communities.get(c), internal.get(c)));
            }
        }
        out.sort((x, y) -> Double.compare(y.score(), x.score()));
        return out;
    }

    private Scored scoreOne(int[] members, IntArrayList edges) {
        ClusterEvidence evidence = new ClusterEvidence(graph, members, edges);
        ClusterTraits clusterTraits = new ClusterTraits(members, traits, data, baseline);
        double coordination = ScoreFormula.coordination(evidence.perPair(), evidence.perMember());
        double traitScore = clusterTraits.mean();
        double score = ScoreFormula.clusterScore(coordination, traitScore, evidence.validatedShare());
        MemberScores memberScores = new MemberScores(evidence, clusterTraits, score, totalWeight, traits, data);
        return new Scored(
                members,
                score,
                coordination,
                traitScore,
                evidence.internalEdges,
                evidence.support,
                reasons.explain(evidence, clusterTraits),
                memberScores.strength,
                memberScores.score,
                memberScores.reasons);
    }
}

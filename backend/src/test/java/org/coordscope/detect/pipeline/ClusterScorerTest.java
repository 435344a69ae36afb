package org.coordscope.detect.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.coordscope.detect.signal.Actions;
import org.coordscope.detect.signal.CoActionGraphBuilder;
import org.coordscope.detect.signal.CoordinationGraph;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.signal.SignalKind;
import org.junit.jupiter.api.Test;

/**
 * The scoring rule on hand-built clusters: co-retweet graphs built from actions by the real builder, traits set
 * by hand, expected values computed from the documented formulas and the inputs.
 */
class ClusterScorerTest {

    private static final double EPS = 1e-12;
    private static final DetectionOptions OPTIONS = DetectionOptions.defaults().withResolutionSeconds(1);
    private static final long T0 = 1_600_000_000L;

    /** Each group of accounts retweets {@code tweets} tweets (ids from {@code firstTweet}) 1 s apart. */
    private static Actions coRetweets(Actions actions, int[] group, int firstTweet, int tweets) {
        for (int o = firstTweet; o < firstTweet + tweets; o++) {
            for (int i = 0; i < group.length; i++) {
                actions.add(group[i], o, T0 + 10_000L * o + i);
            }
        }
        return actions;
    }

    /** A member's score from its own: its own in a suspect cluster, at most the cluster's in any other. */
    private static double member(double clusterScore, double own) {
        return clusterScore >= ClusterScorer.DEFAULT_THRESHOLD ? own : Math.min(clusterScore, own);
    }

    /** Accounts after the fixture's own, each retweeting three tweets of its own: the dataset a ring stands out in. */
    private static final int BACKGROUND = 100;

    /**
     * The co-retweet graph of {@code actions} among {@code accounts}, in a dataset with {@value #BACKGROUND} more
     * accounts retweeting alone: without them every slot of the null model would be the fixture's, and no
     * co-action could be told from chance ({@code SignificanceTest}).
     */
    private static CoordinationGraph graph(int accounts, Actions actions) {
        for (int b = 0; b < BACKGROUND; b++) {
            for (int k = 0; k < 3; k++) {
                actions.add(accounts + b, 100_000 + 3 * b + k, T0 + 1_000_000L * k + 97L * b);
            }
        }
        return new CoActionGraphBuilder(accounts + BACKGROUND, OPTIONS)
                .add(SignalKind.CO_RETWEET, actions)
                .build();
    }

    /** The scorer with {@code traits} widened to the background (whose accounts have no posts, so no baseline). */
    private static ClusterScorer scorer(CoordinationGraph g, AccountTraits traits) {
        AccountTraits all = new AccountTraits(g.accountCount());
        int n = traits.size();
        System.arraycopy(traits.created, 0, all.created, 0, n);
        System.arraycopy(traits.followers, 0, all.followers, 0, n);
        System.arraycopy(traits.emptyProfile, 0, all.emptyProfile, 0, n);
        System.arraycopy(traits.posts, 0, all.posts, 0, n);
        System.arraycopy(traits.retweets, 0, all.retweets, 0, n);
        System.arraycopy(traits.client, 0, all.client, 0, n);
        all.clients.addAll(traits.clients);
        return new ClusterScorer(g, new SignalData(), all, OPTIONS);
    }

    /** Share of the account's edge weight on edges inside the whole graph (0 when it has none). */
    private static double strength(CoordinationGraph g, int account) {
        double all = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            all += g.source(e) == account || g.target(e) == account ? g.weight(e) : 0;
        }
        return all == 0 ? 0 : 1;
    }

    /** The cluster score when every internal edge is validated (significant share 1). */
    private static double expectedScore(double perPair, double perMember, double traits) {
        double c = Math.sqrt((1 - Math.exp(-perPair / 2)) * (1 - Math.exp(-perMember / 8)));
        return 0.6 * c + 0.4 * traits;
    }

    @Test
    void tightCliqueOfFourScoresAboveThresholdWithReasonsNamingTheCounts() {
        int[] clique = {0, 1, 2, 3};
        CoordinationGraph g = graph(4, coRetweets(new Actions(), clique, 0, 10));
        ClusterScorer.Scored s =
                scorer(g, new AccountTraits(4)).score(List.of(clique)).get(0);

        long support = 6 * 10; // six pairs, ten shared tweets each
        assertThat(s.internalEdges()).isEqualTo(6);
        assertThat(s.internalSupport()).isEqualTo(support);
        assertThat(s.traits()).isZero(); // nothing known about the accounts
        assertThat(s.coordination()).isCloseTo(ScoreFormula.coordination(10, 2.0 * support / 4), within(EPS));
        assertThat(s.score())
                .isCloseTo(expectedScore(10, 2.0 * support / 4, 0), within(EPS))
                .isGreaterThan(ClusterScorer.DEFAULT_THRESHOLD);
        assertThat(s.reasons().get(0))
                .isEqualTo(
                        "4 accounts: 6 of 6 pairs coordinated (density 100%), 60 shared co-actions in all, 10.0 per pair");
        assertThat(s.reasons().get(1)).startsWith("co-retweet: 60 shared retweets within 60 s between 6 pairs");
        assertThat(s.reasons().get(2))
                .startsWith("co-retweet, top shared: retweeted tweet ")
                .contains(" by 4 members ");
        // one signal, no traits: no burst, client or followers sentence
        // nothing is known about the accounts (no profile fields): no trait is cited, not even as "0 of 4"
        assertThat(s.reasons())
                .hasSize(3)
                .noneMatch(r -> r.contains("created within")
                        || r.contains("client")
                        || r.contains("followers")
                        || r.contains("empty profiles")
                        || r.contains("retweet ratio")
                        || r.contains("within 10 min"));

        // every member: all its weight inside, 10 distinct tweets, 30 co-actions, no traits; its own score in a suspect
        // cluster, at most the cluster's in any other
        for (int m = 0; m < 4; m++) {
            // all its edges are inside (with every account retweeting every tweet, IDF weights are 0: strength 0)
            assertThat(s.strength()[m]).isCloseTo(strength(g, m), within(EPS));
            // all its co-actions on validated edges: significant share 1
            double own = 0.6 * (1 - Math.exp(-10 / 4.0)) * Math.sqrt(strength(g, m));
            assertThat(s.memberScore()[m])
                    .isCloseTo(
                            s.score() >= ClusterScorer.DEFAULT_THRESHOLD ? own : Math.min(s.score(), own), within(EPS));
            // the evidence keeps only some objects per edge: its largest edge support (10) is the lower bound
            assertThat(s.memberReasons().get(m).get(0))
                    .startsWith(
                            "co-acted with 3 of the 3 other members on 30 shared objects (at least 10 distinct; in the"
                                    + " evidence: ");
        }
    }

    @Test
    void docsExampleFourAccountsSixTweetsStaysBelowThresholdTenGoAbove() {
        int[] clique = {0, 1, 2, 3};
        ClusterScorer.Scored six = scorer(graph(4, coRetweets(new Actions(), clique, 0, 6)), new AccountTraits(4))
                .score(List.of(clique))
                .get(0);
        ClusterScorer.Scored ten = scorer(graph(4, coRetweets(new Actions(), clique, 0, 10)), new AccountTraits(4))
                .score(List.of(clique))
                .get(0);
        // beyond chance either way (validated edges); with six shared tweets each member's own evidence is short
        assertThat(six.score()).isCloseTo(0.553, within(0.001));
        assertThat(java.util.Arrays.stream(six.memberScore()).boxed().toList())
                .allSatisfy(
                        m -> assertThat(m).isCloseTo(0.466, within(0.001)).isLessThan(ClusterScorer.DEFAULT_THRESHOLD));
        assertThat(ten.score()).isCloseTo(0.591, within(0.001));
        assertThat(java.util.Arrays.stream(ten.memberScore()).boxed().toList())
                .allSatisfy(m ->
                        assertThat(m).isCloseTo(0.551, within(0.001)).isGreaterThan(ClusterScorer.DEFAULT_THRESHOLD));
    }

    @Test
    void theSameRingAmongAccountsAsBusyIsChance() {
        // ten accounts each retweeting the same ten tweets, no one else: every slot is theirs, nothing stands out
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Actions a = coRetweets(new Actions(), all, 0, 10);
        CoordinationGraph g = new CoActionGraphBuilder(10, OPTIONS)
                .add(SignalKind.CO_RETWEET, a)
                .build();
        assertThat(g.edgeCount()).isEqualTo(45);
        assertThat(g.logP(0)).isZero();
        assertThat(g.validated(0)).isFalse();
        ClusterScorer.Scored s = new ClusterScorer(g, new SignalData(), new AccountTraits(10), OPTIONS)
                .score(List.of(all))
                .get(0);
        assertThat(s.score()).isZero();
    }

    @Test
    void looseChainScoresFarBelowThreshold() {
        // a chain 0-1-2-3, each neighbour pair retweeting the same two tweets: 3 of 6 pairs, S = 6
        Actions a = new Actions();
        coRetweets(a, new int[] {0, 1}, 0, 2);
        coRetweets(a, new int[] {1, 2}, 10, 2);
        coRetweets(a, new int[] {2, 3}, 20, 2);
        int[] chain = {0, 1, 2, 3};
        ClusterScorer.Scored s =
                scorer(graph(4, a), new AccountTraits(4)).score(List.of(chain)).get(0);
        assertThat(s.internalEdges()).isEqualTo(3);
        assertThat(s.internalSupport()).isEqualTo(6);
        assertThat(s.score())
                .isCloseTo(expectedScore(6 / 6.0, 2.0 * 6 / 4, 0), within(EPS))
                .isLessThan(0.25);
        assertThat(s.reasons().get(0))
                .isEqualTo(
                        "4 accounts: 3 of 6 pairs coordinated (density 50%), 6 shared co-actions in all, 1.0 per pair");
    }

    @Test
    void pairsAreNotScoredAndClustersComeBestFirst() {
        Actions a = new Actions();
        coRetweets(a, new int[] {0, 1, 2}, 0, 3);
        coRetweets(a, new int[] {3, 4, 5, 6}, 10, 8);
        coRetweets(a, new int[] {7, 8}, 30, 20);
        List<ClusterScorer.Scored> scored = scorer(graph(9, a), new AccountTraits(9))
                .score(List.of(new int[] {0, 1, 2}, new int[] {7, 8}, new int[] {3, 4, 5, 6}));
        assertThat(scored).hasSize(2);
        assertThat(scored.get(0).members()).containsExactly(3, 4, 5, 6);
        assertThat(scored.get(1).members()).containsExactly(0, 1, 2);
        assertThat(scored.get(0).score()).isGreaterThan(scored.get(1).score());
        assertThat(ClusterScorer.MIN_CLUSTER_SIZE).isEqualTo(3);
    }

    @Test
    void traitsAreLiftedOverTheDataset() {
        // 8 active accounts; the clique 0..3 shares 10 tweets, 4..7 act alone
        int[] clique = {0, 1, 2, 3};
        AccountTraits t = new AccountTraits(8);
        t.clients.add("Publer");
        t.clients.add("Web");
        for (int a = 0; a < 8; a++) {
            t.posts[a] = 10;
            t.followers[a] = 1_000;
            t.client[a] = 1;
            t.created[a] = T0 - 1_000 * 86_400L * a; // far apart
        }
        t.emptyProfile[0] = true; // 2 of the clique, 1 outside: 3/8 of the dataset
        t.emptyProfile[1] = true;
        t.emptyProfile[5] = true;
        for (int a = 0; a < 4; a++) {
            t.client[a] = 0; // the whole clique, nobody outside: 4/8
            t.retweets[a] = 10; // retweet ratio 1 in the clique, 0 outside: mean 0.5
            t.created[a] = T0 + 3_600L * a; // all four within 96 h
        }
        t.followers[2] = 50; // one of the clique: 1/8 under 100
        SignalData data = new SignalData();
        data.timedRetweets = new int[] {4, 4, 4, 4, 0, 0, 0, 0};
        data.quickRetweets = new int[] {4, 2, 0, 0, 0, 0, 0, 0}; // clique mean 0.375, dataset mean 0.1875
        Actions actions = coRetweets(new Actions(), clique, 0, 10);
        actions.add(4, 100, T0).add(5, 101, T0).add(6, 102, T0).add(7, 103, T0);
        // no background here: the four lone retweets are enough for the ring's ten to stand out (p = 1/1001)
        CoordinationGraph g = new CoActionGraphBuilder(8, OPTIONS)
                .add(SignalKind.CO_RETWEET, actions)
                .build();
        ClusterScorer.Scored s =
                new ClusterScorer(g, data, t, OPTIONS).score(List.of(clique)).get(0);

        double burst = 4 / 4.0;
        double client = ScoreFormula.lift(4 / 4.0, 4 / 8.0);
        double empty = ScoreFormula.lift(2 / 4.0, 3 / 8.0);
        double few = ScoreFormula.lift(1 / 4.0, 1 / 8.0);
        double retweet = ScoreFormula.lift(1.0, 0.5);
        double quick = ScoreFormula.lift((1.0 + 0.5) / 4, (1.0 + 0.5) / 8);
        assertThat(client).isEqualTo(1.0);
        assertThat(empty).isCloseTo((0.5 - 0.375) / (1 - 0.375), within(EPS));
        double mean = (burst + client + empty + few + retweet + quick) / 6;
        assertThat(s.traits()).isCloseTo(mean, within(EPS));
        assertThat(s.score()).isCloseTo(expectedScore(10, 30, mean), within(EPS));
        assertThat(s.reasons())
                .contains(
                        "4 of 4 accounts created within 96 h (2020-09-13..2020-09-13)",
                        "4 of 4 post mostly with client 'Publer' (50% of all accounts do)",
                        "2 of 4 have empty profiles (38% of all accounts)",
                        "median followers 1,000; 1 of 4 under 100 (13% of all accounts)",
                        "retweet ratio 100% (all accounts: 50%)",
                        "38% of their retweets within 10 min of the original (all accounts: 19%)");

        // member 0 shows burst, client, empty, retweet ratio and quick share: 5 of 6; member 3 burst, client, ratio
        double own = 0.6 * (1 - Math.exp(-10 / 4.0));
        double volume = 1; // every co-action on a validated edge
        assertThat(s.memberScore()[0])
                .isCloseTo(member(s.score(), (own + 0.4 * 5 / 6) * volume * Math.sqrt(s.strength()[0])), within(EPS));
        assertThat(s.memberScore()[3])
                .isCloseTo(member(s.score(), (own + 0.4 * 3 / 6) * volume * Math.sqrt(s.strength()[3])), within(EPS));
        assertThat(s.memberReasons().get(0))
                .contains(
                        "empty profile",
                        "posts mostly with client 'Publer', like 3 other" + " members",
                        "4 of 4 retweets within 10 min of the original",
                        "1,000 followers");
        assertThat(s.memberReasons().get(0)).anyMatch(r -> r.endsWith("inside the cluster's 96 h creation burst"));
    }

    @Test
    void memberMostlyElsewhereRanksBelowTheCore() {
        // core 0..3 shares 10 tweets; 4 retweets 2 of them with the core and 10 others with outsider 5
        int[] core = {0, 1, 2, 3};
        Actions a = coRetweets(new Actions(), core, 0, 10);
        for (int o = 0; o < 2; o++) {
            a.add(4, o, T0 + 10_000L * o + 4);
        }
        coRetweets(a, new int[] {4, 5}, 50, 10);
        CoordinationGraph g = graph(6, a);
        ClusterScorer.Scored s = scorer(g, new AccountTraits(6))
                .score(List.of(new int[] {0, 1, 2, 3, 4}))
                .get(0);
        double inside = 0;
        double all = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            if (g.source(e) == 4 || g.target(e) == 4) {
                all += g.weight(e);
                inside += g.source(e) == 5 || g.target(e) == 5 ? 0 : g.weight(e);
            }
        }
        assertThat(s.strength()[4]).isCloseTo(inside / all, within(EPS)).isLessThan(1);
        for (int m = 0; m < 4; m++) {
            assertThat(s.memberScore()[m]).isGreaterThan(s.memberScore()[4]);
        }
        assertThat(s.memberScore()[4]).isLessThan(ClusterScorer.DEFAULT_THRESHOLD);
        assertThat(s.memberReasons().get(4).get(1))
                .isEqualTo(String.format(
                        java.util.Locale.ROOT,
                        "%.0f%% of its coordination weight is inside the" + " cluster",
                        100 * inside / all));
    }

    @Test
    void burstWindowFindsTheMostMembersWithin96Hours() {
        AccountTraits t = new AccountTraits(5);
        long h = 3_600;
        t.created[0] = 0;
        t.created[1] = 200 * h;
        t.created[2] = 250 * h;
        t.created[3] = 296 * h; // 1..3 within 96 h
        // 4 unknown
        assertThat(ClusterTraits.burstWindow(new int[] {0, 1, 2, 3, 4}, t)).containsExactly(3, 200 * h, 296 * h);
        assertThat(ClusterTraits.burstWindow(new int[] {4}, t)).containsExactly(0, 0, 0);
    }

    @Test
    void formulas() {
        assertThat(ScoreFormula.lift(0.5, 0.5)).isZero();
        assertThat(ScoreFormula.lift(0.2, 0.5)).isZero(); // rarer than in the dataset: no lift, never negative
        assertThat(ScoreFormula.lift(0.75, 0.5)).isCloseTo(0.5, within(EPS));
        assertThat(ScoreFormula.lift(1, 1)).isZero(); // everyone shows it: no give-away
        // a cluster held together by chance co-actions only scores 0, however dense
        assertThat(ScoreFormula.clusterScore(1, 1, 0)).isZero();
        assertThat(ScoreFormula.memberCoordination(4)).isCloseTo(1 - Math.exp(-1), within(EPS));
        assertThat(ScoreFormula.coordination(2, 8)).isCloseTo(1 - Math.exp(-1), within(EPS));
        // traits alone, without coordination, reach at most 0.4
        assertThat(ScoreFormula.clusterScore(0, 1, 1)).isCloseTo(0.4, within(EPS));
        assertThat(ScoreFormula.memberScore(0.3, 1, 1, 1, 1)).isEqualTo(0.3);
        assertThat(ScoreFormula.memberScore(0.9, 1, 1, 1, 0.25)).isCloseTo(0.5, within(EPS));
    }

    /**
     * Members of a suspect cluster rank by their own evidence (issue 14, item 6): five accounts retweet 12 tweets
     * within seconds, a sixth joins 3 of them; the five share one score, the sixth scores less, each by its own
     * formula, not the cluster's score.
     */
    @Test
    void membersOfASuspectClusterRankByTheirOwnEvidence() {
        int[] core = {0, 1, 2, 3, 4};
        Actions actions = coRetweets(new Actions(), core, 0, 12);
        for (int o = 0; o < 3; o++) {
            actions.add(5, o, T0 + 10_000L * o + 7);
        }
        CoordinationGraph g = graph(6, actions);
        int[] members = {0, 1, 2, 3, 4, 5};
        ClusterScorer.Scored s =
                scorer(g, new AccountTraits(6)).score(List.of(members)).get(0);
        assertThat(s.score()).isGreaterThanOrEqualTo(ClusterScorer.DEFAULT_THRESHOLD);
        double coreScore = s.memberScore()[0];
        for (int m = 1; m < 5; m++) {
            assertThat(s.memberScore()[m]).isCloseTo(coreScore, within(EPS));
        }
        assertThat(coreScore).isNotCloseTo(s.score(), within(0.01));
        assertThat(s.memberScore()[5]).isLessThan(coreScore);
        // its own formula: 3 distinct tweets, no traits, all on validated edges, all its weight inside
        double own = 0.6 * (1 - Math.exp(-3 / 4.0)) * Math.sqrt(s.strength()[5]);
        assertThat(s.memberScore()[5]).isCloseTo(own, within(EPS));
    }
}

package org.coordscope.detect.signal;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * CooRTweet's Russian co-retweet data (Kulichkina, Righetti &amp; Waldherr 2024; CooRTweet commit
 * d31a008, MIT): 35,125 retweets by 9,509 accounts. Co-retweets within 60 s (inclusive) join exactly
 * 6,206 unordered account pairs, CooRTweet's figure; the account that retweets the same tweet twice
 * within seconds must not be joined to itself.
 */
class RussianCoordTweetsTest {

    private static final String SELF_COORDINATING = "9fa51ef17278c01d13d313741eddfc0b";

    @Test
    void coRetweetWithinSixtySecondsGivesCooRTweetsPairCount() throws Exception {
        String shared = System.getenv("COORDSCOPE_SHARED_DATA");
        Path file = Path.of(shared == null ? "../../shared/data" : shared, "coortweet", "russian_coord_tweets.csv");
        assertThat(file).as("shared data (COORDSCOPE_SHARED_DATA)").exists();

        Object2IntOpenHashMap<String> accountIds = new Object2IntOpenHashMap<>();
        Object2IntOpenHashMap<String> objectIds = new Object2IntOpenHashMap<>();
        Actions actions = new Actions();
        int rows = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                int account = accountIds.computeIfAbsent(r.get("account_id"), k -> accountIds.size());
                int object = objectIds.computeIfAbsent(r.get("object_id"), k -> objectIds.size());
                actions.add(account, object, Long.parseLong(r.get("timestamp_share")));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(35_125);
        assertThat(accountIds).hasSize(9_509);

        DetectionOptions d = DetectionOptions.defaults();
        DetectionOptions o = d.withSignal(d.signal(SignalKind.CO_RETWEET)
                .withWindowSeconds(60)
                .withMinSupport(1)
                .withSlowWindowSeconds(0)); // CooRTweet's one window
        CoordinationGraph g = new CoActionGraphBuilder(accountIds.size(), o)
                .add(SignalKind.CO_RETWEET, actions)
                .build();

        assertThat(g.edgeCount()).isEqualTo(6_206);
        SignalStats st = g.stats().get(SignalKind.CO_RETWEET);
        assertThat(st.actionsCapped())
                .as("the per-action cap must not bite here")
                .isZero();
        assertThat(st.candidatePairs()).isEqualTo(6_206);

        int self = accountIds.getInt(SELF_COORDINATING);
        int selfEdges = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            assertThat(g.source(e)).isLessThan(g.target(e));
            if (g.source(e) == self || g.target(e) == self) {
                selfEdges++;
            }
        }
        assertThat(g.edgeIndex(self, self)).isNegative();
        // it does co-retweet with others; only the loop is gone
        assertThat(selfEdges).isPositive();

        // min_participation = 2. CooRTweet keeps an account when it took part in at least 2 coordinated shares
        // (distinct objects on which it co-acted with anyone); our min-support is stricter: a pair must co-act on
        // at least 2 distinct objects. Both, from the same actions:
        int[] participation = participation(actions, 60);
        int participants = 0;
        for (int p : participation) {
            participants += p >= 2 ? 1 : 0;
        }
        int edgesAmongParticipants = 0;
        org.jgrapht.Graph<Integer, org.jgrapht.graph.DefaultEdge> kept =
                new org.jgrapht.graph.SimpleGraph<>(org.jgrapht.graph.DefaultEdge.class);
        for (int e = 0; e < g.edgeCount(); e++) {
            if (participation[g.source(e)] >= 2 && participation[g.target(e)] >= 2) {
                edgesAmongParticipants++;
                kept.addVertex(g.source(e));
                kept.addVertex(g.target(e));
                kept.addEdge(g.source(e), g.target(e));
            }
        }
        java.util.List<java.util.Set<Integer>> groups =
                new org.jgrapht.alg.connectivity.ConnectivityInspector<>(kept).connectedSets();
        CoordinationGraph g2 = new CoActionGraphBuilder(
                        accountIds.size(),
                        o.withSignal(o.signal(SignalKind.CO_RETWEET).withMinSupport(2)))
                .add(SignalKind.CO_RETWEET, actions)
                .build();
        java.util.Set<Integer> inPairs = new java.util.HashSet<>();
        for (int e = 0; e < g2.edgeCount(); e++) {
            inPairs.add(g2.source(e));
            inPairs.add(g2.target(e));
            assertThat(participation[g2.source(e)])
                    .as("support 2 implies participation 2")
                    .isGreaterThanOrEqualTo(2);
            assertThat(participation[g2.target(e)]).isGreaterThanOrEqualTo(2);
        }
        System.out.printf(
                "RUSSIAN min_participation 2: %d accounts co-acted at all, %d on >= 2 objects; %d of the"
                        + " 6,206 pairs join two of them, in %d connected groups (largest %d); min-support 2: %d pairs of %d"
                        + " accounts%n",
                java.util.Arrays.stream(participation).filter(p -> p > 0).count(),
                participants,
                edgesAmongParticipants,
                groups.size(),
                groups.stream().mapToInt(java.util.Set::size).max().orElse(0),
                g2.edgeCount(),
                inPairs.size());
        // the groups at min-support 2: Leiden at the defaults (CPM 1.0, seed 42), communities of 3 or more
        java.util.List<Integer> sizes = new org.coordscope.detect.community.LeidenClustering<>(
                        g2.toWeightedGraph(),
                        1.0,
                        new java.util.Random(42),
                        org.coordscope.detect.community.LeidenClustering.Quality.CPM,
                        org.coordscope.detect.community.LeidenClustering.DEFAULT_RANDOMNESS,
                        Integer.MAX_VALUE)
                .getClustering().getClusters().stream()
                        .map(java.util.Set::size)
                        .filter(n -> n >= 3)
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList();
        System.out.printf("RUSSIAN min-support 2 groups: %d of 3 or more accounts, sizes %s%n", sizes.size(), sizes);
        assertThat(sizes).isNotEmpty();
        assertThat(g2.edgeCount()).isLessThanOrEqualTo(edgesAmongParticipants).isPositive();
        assertThat(g2.edgeIndex(self, self)).isNegative();

        // CooRTweet's time_delta <= time_window is inclusive: 60 s apart counts, 59 s window loses pairs
        DetectionOptions o59 = o.withSignal(o.signal(SignalKind.CO_RETWEET).withWindowSeconds(59));
        CoordinationGraph g59 = new CoActionGraphBuilder(accountIds.size(), o59)
                .add(SignalKind.CO_RETWEET, actions)
                .build();
        assertThat(g59.edgeCount()).isEqualTo(6_104);
    }

    /** Per account: distinct objects on which it acted within {@code window} s of another account (inclusive). */
    static int[] participation(Actions actions, long window) {
        actions.sortByObjectTime();
        int[] count = new int[actions.maxAccount() + 1];
        int[] lastObject = new int[count.length];
        java.util.Arrays.fill(lastObject, -1);
        int from = 0;
        for (int i = 0; i < actions.size(); i++) {
            if (i > 0 && actions.object(i) != actions.object(i - 1)) {
                from = i;
            }
            for (int j = from; j < actions.size() && actions.object(j) == actions.object(i); j++) {
                if (Math.abs(actions.time(j) - actions.time(i)) <= window && actions.account(j) != actions.account(i)) {
                    int a = actions.account(i);
                    if (lastObject[a] != actions.object(i)) {
                        lastObject[a] = actions.object(i);
                        count[a]++;
                    }
                    break;
                }
            }
        }
        return count;
    }
}

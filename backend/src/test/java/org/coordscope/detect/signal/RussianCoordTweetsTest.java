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
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                int account = accountIds.computeIfAbsent(r.get("account_id"), k -> accountIds.size());
                int object = objectIds.computeIfAbsent(r.get("object_id"), k -> objectIds.size());
                actions.add(account, object, Long.parseLong(r.get("timestamp_share")));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(35_125);
        assertThat(accountIds).hasSize(9_509);

        DetectionOptions d = DetectionOptions.defaults();
        DetectionOptions o = d.withSignal(d.signal(SignalKind.CO_RETWEET).withWindowSeconds(60).withMinSupport(1));
        CoordinationGraph g = new CoActionGraphBuilder(accountIds.size(), o)
                .add(SignalKind.CO_RETWEET, actions)
                .build();

        assertThat(g.edgeCount()).isEqualTo(6_206);
        SignalStats st = g.stats().get(SignalKind.CO_RETWEET);
        assertThat(st.actionsCapped()).as("the per-action cap must not bite here").isZero();
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

        // CooRTweet's time_delta <= time_window is inclusive: 60 s apart counts, 59 s window loses pairs
        DetectionOptions o59 = o.withSignal(o.signal(SignalKind.CO_RETWEET).withWindowSeconds(59));
        CoordinationGraph g59 = new CoActionGraphBuilder(accountIds.size(), o59)
                .add(SignalKind.CO_RETWEET, actions)
                .build();
        assertThat(g59.edgeCount()).isEqualTo(6_104);
    }
}

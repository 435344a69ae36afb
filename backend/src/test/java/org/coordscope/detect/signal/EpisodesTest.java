package org.coordscope.detect.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Episodes as evidence (issue 14): one object pushed in bursts counts once per burst. */
class EpisodesTest {

    private static final SignalKind TAG = SignalKind.CO_HASHTAG;
    private static final long HOUR = 3_600;

    private static DetectionOptions options(long window, int minSupport, long gap) {
        DetectionOptions d = DetectionOptions.defaults();
        return d.withSignal(d.signal(TAG)
                .withWindowSeconds(window)
                .withMinSupport(minSupport)
                .withEpisodeGapSeconds(gap));
    }

    private static CoordinationGraph build(int accounts, DetectionOptions o, Actions a) {
        return new CoActionGraphBuilder(accounts, o).add(TAG, a).build();
    }

    @Test
    void theDefaultsSplitTextsLinksAndTagsButNotRetweets() {
        DetectionOptions d = DetectionOptions.defaults();
        assertThat(d.signal(TAG).episodeGapSeconds())
                .isEqualTo(DetectionOptions.EPISODE_GAP)
                .isEqualTo(HOUR);
        assertThat(d.signal(SignalKind.CO_LINK).episodes()).isTrue();
        assertThat(d.signal(SignalKind.NEAR_TEXT).episodes()).isTrue();
        assertThat(d.signal(SignalKind.CO_RETWEET).episodes()).isFalse();
        assertThat(d.values()).containsEntry("co-hashtag.episode-gap", HOUR);
        assertThat(d.with("co-hashtag.episode-gap", "600").signal(TAG).episodeGapSeconds())
                .isEqualTo(600);
        assertThatThrownBy(() -> d.with("co-hashtag.episode-gap", "-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void episodesSplitAtAQuietGapLongerThanTheOption() {
        // accounts 0 and 1 use hashtag 0 together three times; the bursts are 3,600 s and 3,601 s apart
        Actions a = new Actions()
                .add(0, 0, 10_000)
                .add(1, 0, 10_010)
                .add(0, 0, 13_610)
                .add(1, 0, 13_620) // 3,600 s after 10,010: same episode
                .add(0, 0, 17_221)
                .add(1, 0, 17_230); // 3,601 s after 13,620: a new one
        CoordinationGraph g = build(2, options(300, 1, HOUR), a);
        assertThat(g.support(g.edgeIndex(0, 1), TAG)).isEqualTo(2);
        assertThat(g.stats().get(TAG).episodes()).isEqualTo(2);
        assertThat(g.evidence(g.edgeIndex(0, 1)))
                .extracting(Evidence::sourceTime)
                .containsExactly(10_000L, 17_221L);

        // without episodes the hashtag is one object: support 1
        CoordinationGraph off = build(2, options(300, 1, 0), copy(a));
        assertThat(off.support(0, TAG)).isEqualTo(1);
        assertThat(off.stats().get(TAG).episodes()).isEqualTo(1);
    }

    @Test
    void anyonesActionKeepsAnEpisodeOpenAndTheGapIsAtLeastTheWindow() {
        // a third account uses the tag every 40 minutes between the pair's two bursts: no quiet hour
        Actions a = new Actions().add(0, 0, 0).add(1, 0, 5);
        for (long t = 2_400; t < 20_000; t += 2_400) {
            a.add(2, 0, t);
        }
        a.add(0, 0, 20_000).add(1, 0, 20_005);
        assertThat(build(3, options(300, 1, HOUR), a).support(0, TAG)).isEqualTo(1);

        // a gap below the window counts as the window: the 250 s pause inside a 300 s window splits nothing
        Actions b = new Actions().add(0, 0, 0).add(1, 0, 250).add(0, 0, 500).add(1, 0, 750);
        assertThat(build(2, options(300, 1, 10), b).support(0, TAG)).isEqualTo(1);
    }

    @Test
    void repeatedBurstsOfOneHashtagBecomeEdgesAStormAndADailyHashtagDoNot() {
        Random r = new Random(14);
        int army = 12;
        int storm = 300;
        int daily = 2_000;
        int n = army + storm + daily;
        Actions a = new Actions();
        // 1. an army of 12 pushes hashtag 0 in 30 bursts, each within a minute, bursts 6 to 30 hours apart
        long t = 1_000_000;
        for (int burst = 0; burst < 30; burst++) {
            t += 6 * HOUR + r.nextInt((int) (24 * HOUR));
            for (int m = 0; m < army; m++) {
                if (r.nextDouble() < 0.9) {
                    a.add(m, 0, t + r.nextInt(60));
                }
            }
        }
        long end = t;
        // 2. an organic storm: 300 accounts on hashtag 1 within three hours, once each
        for (int m = 0; m < storm; m++) {
            a.add(army + m, 1, 2_000_000 + r.nextInt((int) (3 * HOUR)));
        }
        // 3. a popular daily hashtag 2: each day 60 of 2,000 people use it once between 08:00 and 24:00
        for (long day = 1_000_000 / 86_400; day * 86_400 < end; day++) {
            for (int u = 0; u < 60; u++) {
                a.add(army + storm + r.nextInt(daily), 2, day * 86_400 + 8 * HOUR + r.nextInt((int) (16 * HOUR)));
            }
        }
        CoordinationGraph g = build(n, options(300, 3, HOUR), a);

        int armyEdges = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            assertThat(g.target(e)).as("every edge joins two army members").isLessThan(army);
            assertThat(g.support(e, TAG)).isGreaterThanOrEqualTo(3);
            armyEdges++;
        }
        assertThat(armyEdges).as("the army is a clique").isEqualTo(army * (army - 1) / 2);
        // per-object IDF: every burst of the army's tag weighs ln(N / 12), the same in each episode
        int e = g.edgeIndex(0, 1);
        int active = g.stats().get(TAG).activeAccounts();
        assertThat(g.weight(e)).isCloseTo(g.support(e, TAG) * Math.log((double) active / army), within(1e-9));
        assertThat(g.support(e, TAG)).isGreaterThanOrEqualTo(20);

        // without episodes the campaign is a single object, and its pairs fall below the minimum support
        assertThat(build(n, options(300, 3, 0), copy(a)).edgeCount()).isZero();
    }

    private static Actions copy(Actions a) {
        Actions c = new Actions();
        for (int i = 0; i < a.size(); i++) {
            c.add(a.account(i), a.object(i), a.time(i));
        }
        return c;
    }
}

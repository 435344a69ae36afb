package org.coordscope.detect.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The null model's p-values and q-values against hand computations (Tumminello et al. 2011, eq. 1; BH 1995). */
class SignificanceTest {

    private static BigInteger choose(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }

    /** P(X >= k) exactly, with integers: sum over x of C(K, x) C(N - K, n - x) / C(N, n). */
    private static double exactUpperTail(int total, int marked, int draws, int k) {
        BigInteger num = BigInteger.ZERO;
        for (int x = k; x <= Math.min(marked, draws); x++) {
            num = num.add(choose(marked, x).multiply(choose(total - marked, draws - x)));
        }
        return new BigDecimal(num)
                .divide(new BigDecimal(choose(total, draws)), MathContext.DECIMAL128)
                .doubleValue();
    }

    @Test
    void upperTailMatchesHandComputations() {
        // N = 10 slots, a in 4, b in 5, sharing 3: (C(4,3) C(6,2) + C(4,4) C(6,1)) / C(10,5) = 66 / 252
        assertThat(Math.exp(Significance.logUpperTail(10, 4, 5, 3))).isCloseTo(66.0 / 252, within(1e-12));
        // a ring of four retweeting ten posts among twelve occupied slots: 1 / C(12,10) = 1/66
        assertThat(Math.exp(Significance.logUpperTail(12, 10, 10, 10))).isCloseTo(1.0 / 66, within(1e-12));
        // sharing nothing is certain; sharing more than either has is impossible
        assertThat(Significance.logUpperTail(10, 4, 5, 0)).isZero();
        assertThat(Significance.logUpperTail(10, 4, 5, 5)).isEqualTo(Double.NEGATIVE_INFINITY);
        // 4 + 8 slots out of 10 must share at least 2
        assertThat(Significance.logUpperTail(10, 4, 8, 2)).isZero();
    }

    @Test
    void upperTailMatchesExactSumsAtRealisticSizes() {
        int[][] cases = {{2_000, 40, 60, 12}, {20_000, 60, 40, 7}, {20_000, 30, 30, 19}, {5_000, 200, 300, 15}};
        for (int[] c : cases) {
            double exact = exactUpperTail(c[0], c[1], c[2], c[3]);
            double ours = Math.exp(Significance.logUpperTail(c[0], c[1], c[2], c[3]));
            assertThat(ours).as(java.util.Arrays.toString(c)).isCloseTo(exact, within(exact * 1e-9));
        }
        // a small group's pair (19 co-actions, 30 slots each, 20,000 slots) keeps its exponent: about 1e-50
        assertThat(Significance.logUpperTail(20_000, 30, 30, 19) / Math.log(10)).isBetween(-60.0, -40.0);
        // beyond the factorial table, Stirling's series agrees with the table's last exact sum
        assertThat(Significance.logFactorial(5_000))
                .isCloseTo(Significance.logFactorial(4_095) + logProduct(4_096, 5_000), within(1e-7));
    }

    private static double logProduct(int from, int to) {
        double s = 0;
        for (int i = from; i <= to; i++) {
            s += Math.log(i);
        }
        return s;
    }

    @Test
    void benjaminiHochbergQValues() {
        double[] p = {0.01, 0.04, 0.03, 0.2};
        double[] q = Significance.logQValues(logs(p), 4);
        // ranks 1, 3, 2, 4: p m / r = 0.04, 0.0533, 0.06, 0.2, then the running minimum from the top
        assertThat(Math.exp(q[0])).isCloseTo(0.04, within(1e-12));
        assertThat(Math.exp(q[1])).isCloseTo(0.04 * 4 / 3, within(1e-12));
        assertThat(Math.exp(q[2])).isCloseTo(0.04 * 4 / 3, within(1e-12));
        assertThat(Math.exp(q[3])).isCloseTo(0.2, within(1e-12));
        // pairs not kept count as tests ranked after these: twice the tests, twice the q-values
        assertThat(Math.exp(Significance.logQValues(logs(p), 8)[0])).isCloseTo(0.08, within(1e-12));
        // never above 1
        assertThat(Significance.logQValues(logs(new double[] {0.9}), 10)[0]).isZero();
    }

    private static double[] logs(double[] p) {
        double[] l = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            l[i] = Math.log(p[i]);
        }
        return l;
    }

    @Test
    void graphEdgesCarryTheirPValues() {
        // accounts 0 and 1 retweet the same 3 tweets within seconds; 2..21 retweet 2 tweets alone each
        Actions a = new Actions();
        long t0 = 1_600_000_000L;
        for (int o = 0; o < 3; o++) {
            a.add(0, o, t0 + 1_000L * o).add(1, o, t0 + 1_000L * o + 5);
        }
        for (int b = 2; b < 22; b++) {
            a.add(b, 100 + 2 * b, t0 + 10L * b).add(b, 101 + 2 * b, t0 + 20L * b);
        }
        DetectionOptions d = DetectionOptions.defaults();
        // one window: with the slow window the p-value is the smaller of two, times 2
        DetectionOptions options = d.withSignal(d.signal(SignalKind.CO_RETWEET).withSlowWindowSeconds(0));
        CoordinationGraph g = new CoActionGraphBuilder(22, options)
                .add(SignalKind.CO_RETWEET, a)
                .build();
        assertThat(g.edgeCount()).isEqualTo(1);
        // slots: 3 shared + 40 alone = 43; each of the pair in 3: P(X >= 3) = 1 / C(43, 3)
        assertThat(Math.exp(g.logP(0))).isCloseTo(1.0 / 12_341, within(1e-12));
        assertThat(g.validated(0)).isTrue();
    }
}

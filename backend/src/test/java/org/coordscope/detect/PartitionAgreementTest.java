package org.coordscope.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known answers: scikit-learn's documented examples and hand-computed tables. */
class PartitionAgreementTest {

    private static Map<String, String> labels(int... values) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put("item" + i, "L" + values[i]);
        }
        return m;
    }

    @Test
    void refinementOfTwoClasses() {
        // scikit-learn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) == 4/7; NMI (arithmetic) 2 ln2 / 2.5 ln2 = 0.8
        PartitionAgreement a = PartitionAgreement.of(labels(0, 0, 1, 2), labels(0, 0, 1, 1));
        assertThat(a.items()).isEqualTo(4);
        assertThat(a.ari()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(a.nmi()).isCloseTo(0.8, within(1e-12));
        assertThat(a.purity()).isEqualTo(1.0);
    }

    @Test
    void mixedClusters() {
        // clusters {0,0} {0,1} {1,1}: Σ C(n_ij,2) = 2, rows 3, columns 6, C(6,2) = 15, E = 1.2, ARI = 0.8 / 3.3
        PartitionAgreement a = PartitionAgreement.of(labels(0, 0, 1, 1, 2, 2), labels(0, 0, 0, 1, 1, 1));
        assertThat(a.ari()).isCloseTo(8.0 / 33, within(1e-12));
        assertThat(a.purity()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(a.purityOfClustersOfAtLeast(3)).isNaN();
        assertThat(a.sizeDistribution()).isEqualTo("1-2: 3");
    }

    @Test
    void independentLabellingsOfHalfAMillionItemsScoreNearZero() {
        // pair counts pass 2^31 here: the 10M-tweet benchmark once printed an ARI of 1.57 from an int overflow
        java.util.Random random = new java.util.Random(1);
        Map<String, String> clusters = new java.util.HashMap<>();
        Map<String, String> reference = new java.util.HashMap<>();
        for (int i = 0; i < 500_000; i++) {
            clusters.put("a" + i, "c" + random.nextInt(3));
            reference.put("a" + i, "r" + random.nextInt(2));
        }
        assertThat(PartitionAgreement.of(clusters, reference).ari()).isCloseTo(0, within(0.001));
    }

    @Test
    void identicalAndChanceLevelPartitions() {
        PartitionAgreement same = PartitionAgreement.of(labels(5, 5, 7, 7, 7, 9), labels(1, 1, 2, 2, 2, 3));
        assertThat(same.ari()).isCloseTo(1, within(1e-12));
        assertThat(same.nmi()).isCloseTo(1, within(1e-12));
        // every item alone: no pair agrees, ARI 0; purity is trivially 1, which is why it is never reported alone
        PartitionAgreement singletons = PartitionAgreement.of(labels(0, 1, 2, 3), labels(0, 0, 1, 1));
        assertThat(singletons.ari()).isCloseTo(0, within(1e-12));
        assertThat(singletons.purity()).isEqualTo(1.0);
    }

    @Test
    void onlyItemsLabelledInBothAreCompared() {
        Map<String, String> clusters = labels(0, 0, 1);
        clusters.put("unknown", "L0");
        PartitionAgreement a = PartitionAgreement.of(clusters, labels(3, 3, 4));
        assertThat(a.items()).isEqualTo(3);
        assertThat(a.ari()).isCloseTo(1, within(1e-12));
    }
}

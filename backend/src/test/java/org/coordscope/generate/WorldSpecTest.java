package org.coordscope.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorldSpecTest {

    @Test
    void defaults() {
        WorldSpec spec = WorldSpec.builder(10_000, 5, 1).build();
        assertThat(spec.tweets()).isEqualTo(200_000);
        assertThat(spec.days()).isEqualTo(60);
        assertThat(spec.minGroupSize()).isEqualTo(8);
        assertThat(spec.maxGroupSize()).isEqualTo(60);
        assertThat(spec.storms()).isEqualTo(8);
        assertThat(spec.fanClusters()).isEqualTo(12);
    }

    @Test
    void tooManyGroupsSaysWhatToChange() {
        assertThatThrownBy(() -> WorldSpec.builder(500, 40, 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--groups 40")
                .hasMessageContaining("raise --accounts to at least 640")
                .hasMessageContaining("lower --groups to at most 31");
    }

    @Test
    void rejectsFewerTweetsThanAccounts() {
        assertThatThrownBy(() -> WorldSpec.builder(1_000, 2, 1).tweets(999).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tweets");
    }

    @Test
    void rejectsSharesOutsideZeroToOne() {
        assertThatThrownBy(() -> WorldSpec.builder(1_000, 2, 1).fastShare(1.5).build())
                .hasMessageContaining("--fast-share");
    }
}

package org.coordscope.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnowflakeTest {

    @Test
    void idsCarryTheirMillisecondAndSortByTime() {
        long ms = 1_614_556_800_123L;
        long id = Snowflake.id(ms, 5, 0);
        assertThat(Snowflake.millis(id)).isEqualTo(ms);
        assertThat(Snowflake.id(ms + 1, 0, 0)).isGreaterThan(id);
    }

    @Test
    void moreThanFourMillionIdsInOneMillisecondStayUniqueAndInTheirMinute() {
        int bits = Snowflake.epochBits(10_000_000);
        assertThat(bits).isEqualTo(2);
        long ms = 1_614_556_859_999L; // the last millisecond of a minute
        Set<Long> ids = new HashSet<>();
        for (long counter : new long[] {7, 7 + (1L << 22), 7 + (2L << 22)}) {
            long id = Snowflake.id(ms, counter, bits);
            assertThat(ids.add(id)).isTrue();
            assertThat(Snowflake.millis(id) / 60_000).isEqualTo(ms / 60_000);
        }
    }
}

package org.coordscope.generate;

/**
 * Twitter's Snowflake ids: milliseconds since 2010-11-04 in the high bits, 22 bits below. Tweets get
 * Snowflake ids so that, as in the real archives, a tweet id carries its second (the CSV's {@code tweet_time}
 * has only the minute). The low 22 bits hold a running counter; when more than 2^22 ids are needed, the
 * counter's high part replaces the lowest {@code epochBits} bits of the millisecond, which keeps every id
 * unique and every id inside its minute (60,000 is divisible by 2^5, and at most 5 such bits are used).
 */
final class Snowflake {

    static final long TWEPOCH = 1288834974657L;
    private static final long LOW = (1L << 22) - 1;

    private Snowflake() {}

    /** Bits of the millisecond given up so that {@code count} ids stay unique. */
    static int epochBits(long count) {
        long high = (Math.max(count, 1) - 1) >>> 22;
        int bits = high == 0 ? 0 : 64 - Long.numberOfLeadingZeros(high);
        if (bits > 5) {
            throw new IllegalArgumentException("too many ids for unique Snowflake ids: " + count);
        }
        return bits;
    }

    static long id(long millis, long counter, int epochBits) {
        long mask = (1L << epochBits) - 1;
        long ms = (millis & ~mask) | ((counter >>> 22) & mask);
        return ((ms - TWEPOCH) << 22) | (counter & LOW);
    }

    /** The millisecond an id was minted (after the adjustment described above). */
    static long millis(long id) {
        return (id >> 22) + TWEPOCH;
    }
}

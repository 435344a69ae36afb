package org.coordscope.detect.signal;

/**
 * "Within {@code windowSeconds}" at a data set's time resolution.
 *
 * <p>Times are floored to the resolution {@code r} (60 for minute-resolution Info Ops archives, 1
 * otherwise) and two times are within the window when their floored values differ by at most
 * {@code ceil(W / r) * r}. Equivalently, with ticks {@code floorDiv(t, r)}:
 * {@code |tick(t1) - tick(t2)| <= ceil(W / r)}. The window is inclusive, as CooRTweet's
 * {@code time_delta <= time_window}. Examples: W = 60 at r = 60 admits the same or the adjacent
 * minute and rejects two minutes apart (a true gap of 61..119 s may hide in "adjacent minute", which
 * is the most that minute data can say); W = 60 at r = 1 admits 60 s and rejects 61 s; W = 0 admits
 * only equal ticks.
 *
 * @param windowSeconds W, at least 0
 * @param resolutionSeconds r, at least 1
 */
public record TimeWindow(long windowSeconds, int resolutionSeconds) {

    public TimeWindow {
        if (windowSeconds < 0) {
            throw new IllegalArgumentException("windowSeconds must be >= 0: " + windowSeconds);
        }
        if (resolutionSeconds < 1) {
            throw new IllegalArgumentException("resolutionSeconds must be >= 1: " + resolutionSeconds);
        }
    }

    /** The time's tick: {@code floorDiv(t, r)}. */
    public long tick(long epochSeconds) {
        return Math.floorDiv(epochSeconds, resolutionSeconds);
    }

    /** {@code ceil(W / r)}: the largest admitted tick difference. */
    public long windowTicks() {
        return (windowSeconds + resolutionSeconds - 1) / resolutionSeconds;
    }

    /** {@code ceil(W / r) * r}: the window in seconds after rounding up to the resolution. */
    public long effectiveWindowSeconds() {
        return windowTicks() * resolutionSeconds;
    }

    /** Whether two times fall within the window of each other. */
    public boolean within(long t1, long t2) {
        return Math.abs(tick(t1) - tick(t2)) <= windowTicks();
    }
}

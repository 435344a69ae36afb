package org.coordscope.bench;

import java.util.Arrays;
import java.util.Locale;

/** Count and nearest-rank percentiles of a set of latencies, in milliseconds. */
public record Latencies(int count, double p50, double p95, double p99, double max) {

    public static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(
                sorted.length,
                rank(sorted, 0.50),
                rank(sorted, 0.95),
                rank(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** "p50 / p95 / p99 / max" in ms, e.g. "4.1 / 12.0 / 30.2 / 41.0". */
    public String summary() {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", p50, p95, p99, max);
    }
}

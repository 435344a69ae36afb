package org.coordscope.generate;

import java.util.SplittableRandom;

/**
 * Distributions over a {@link SplittableRandom}. Only {@link StrictMath} is used so that a seed gives the
 * same world on every JVM and CPU.
 */
final class Rand {

    private Rand() {}

    /** Standard normal (Box–Muller). */
    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        while (u1 <= 0) {
            u1 = r.nextDouble();
        }
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** Log-normal with the given median and shape. */
    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(r));
    }

    static double exponential(SplittableRandom r, double mean) {
        return -mean * StrictMath.log(1 - r.nextDouble());
    }

    /** Log-uniform between {@code lo} and {@code hi}. */
    static double logUniform(SplittableRandom r, double lo, double hi) {
        return lo * StrictMath.exp(r.nextDouble() * StrictMath.log(hi / lo));
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Cumulative, normalised weights for {@link #index}. */
    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    /** Zipf weights {@code 1 / rank^s}, cumulative. */
    static double[] zipf(int n, double s) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 / StrictMath.pow(i + 1, s);
        }
        return cumulative(w);
    }

    /** Index drawn from cumulative weights. */
    static int index(SplittableRandom r, double[] cumulative) {
        double u = r.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static void shuffle(SplittableRandom r, int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static <T> void shuffle(SplittableRandom r, T[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    static String alnum(SplittableRandom r, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALNUM.charAt(r.nextInt(ALNUM.length()));
        }
        return new String(c);
    }

    static String digits(SplittableRandom r, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) ('0' + r.nextInt(10));
        }
        return new String(c);
    }
}

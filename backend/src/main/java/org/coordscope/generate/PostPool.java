package org.coordscope.generate;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.SplittableRandom;

/**
 * The posts that get retweeted, replied to and quoted: those of popular accounts and officials, in the
 * world or outside it. Posts by accounts outside the world never appear in {@code tweets.csv}; they are
 * known only by id and author, as in the real archives. Held as parallel arrays (about 40 bytes a post).
 */
final class PostPool {

    static final byte OFFICIAL_POST = 1;
    static final byte STORM = 2;

    final int size;
    final long[] time;
    final long[] id;
    final int[] author;
    final long[] seed;
    final double[] weight;
    final byte[] flags;
    /** Posts of author slot {@code s} are {@code [from[s], to[s])}; slots follow {@link World#authors}. */
    final int[] from;

    final int[] to;
    private final Int2IntOpenHashMap slotOf = new Int2IntOpenHashMap();
    /** Cumulative retweet-choice weights; storm posts weigh nothing (each is spread by its storm). */
    double[] cumulative;

    int externalPosts;

    PostPool(World w, SplittableRandom rng) {
        int[] authors = w.authors;
        int[] counts = new int[authors.length];
        int total = 0;
        for (int s = 0; s < authors.length; s++) {
            int a = authors[s];
            if (a >= 0) {
                counts[s] = Math.max(1, (int) (w.budget[a] * 0.7));
            } else {
                byte role = w.roleOf(a);
                double perDay = role == World.OFFICIAL
                        ? 0.8 + 1.2 * rng.nextDouble()
                        : role == World.NEWS ? 1.5 + 2.5 * rng.nextDouble() : 0.5 + rng.nextDouble();
                counts[s] = Math.max(3, (int) Math.round(perDay * w.spec.days()));
                externalPosts += counts[s];
            }
            total += counts[s];
        }
        size = total;
        time = new long[size];
        id = new long[size];
        author = new int[size];
        seed = new long[size];
        weight = new double[size];
        flags = new byte[size];
        from = new int[authors.length];
        to = new int[authors.length];
        long latest = Math.max(w.startMs + 60_000, w.endMs - 3_600_000);
        int p = 0;
        for (int s = 0; s < authors.length; s++) {
            int a = authors[s];
            slotOf.put(a, s);
            from[s] = p;
            byte role = w.roleOf(a);
            double reach = StrictMath.sqrt(w.followersOf(a) / 1000.0 + 1) * (role == World.OFFICIAL ? 1.5 : 1);
            for (int k = 0; k < counts[s]; k++, p++) {
                long t;
                do {
                    t = w.diurnalTime(rng);
                } while (t >= latest);
                time[p] = t;
                author[p] = a;
                seed[p] = rng.nextLong();
                weight[p] = reach * Rand.logNormal(rng, 1, 1.0);
                flags[p] = role == World.OFFICIAL ? OFFICIAL_POST : 0;
            }
            to[s] = p;
        }
    }

    /** Mints the posts' Snowflake ids from counters {@code 0..size-1}. */
    void assignIds(int epochBits) {
        for (int p = 0; p < size; p++) {
            id[p] = Snowflake.id(time[p], p, epochBits);
        }
    }

    int slot(int author) {
        return slotOf.getOrDefault(author, -1);
    }

    void rebuildCumulative() {
        double[] w = new double[size];
        for (int p = 0; p < size; p++) {
            w[p] = (flags[p] & STORM) != 0 ? 0 : weight[p];
        }
        cumulative = Rand.cumulative(w);
    }

    boolean is(int post, byte flag) {
        return (flags[post] & flag) != 0;
    }
}

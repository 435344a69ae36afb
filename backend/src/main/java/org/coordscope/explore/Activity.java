package org.coordscope.explore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Posts over time in equal buckets: {@code counts[i]} posts from {@code from + i * bucketSeconds}. The posts are
 * those a constant Cypher {@code MATCH} binds to {@code t} (a cluster's members' or an account's); the
 * histogram is counted in the database, so a busy cluster does not ship its posts.
 */
public record Activity(String from, String to, long bucketSeconds, List<Long> counts) {

    public static final int DEFAULT_BUCKETS = 60;
    public static final int MAX_BUCKETS = 1000;

    static final Activity EMPTY = new Activity(null, null, 0, List.of());

    static void checkBuckets(int buckets) {
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("buckets must be between 1 and " + MAX_BUCKETS + "; got " + buckets);
        }
    }

    /** {@code match} binds posts to {@code t}; it is one of this package's constants, never user text. */
    static Activity of(TransactionContext tx, String match, Map<String, Object> params, int buckets) {
        Record span = tx.run(match + """
                WHERE t.createdAt IS NOT NULL
                RETURN min(t.createdAt).epochSeconds AS lo, max(t.createdAt).epochSeconds AS hi
                """, params).single();
        if (span.get("lo").isNull()) {
            return EMPTY;
        }
        long lo = span.get("lo").asLong();
        long hi = span.get("hi").asLong();
        long width = Math.max(1, (hi - lo) / buckets + 1);
        int n = (int) Math.min(buckets, (hi - lo) / width + 1);
        long[] counts = new long[n];
        Map<String, Object> p = new java.util.HashMap<>(params);
        p.put("lo", lo);
        p.put("width", width);
        tx.run(match + """
                WHERE t.createdAt IS NOT NULL
                WITH (t.createdAt.epochSeconds - $lo) / $width AS bucket
                RETURN bucket, count(*) AS n
                """, p)
                .list()
                .forEach(r -> counts[r.get("bucket").asInt()] += r.get("n").asLong());
        List<Long> list = new ArrayList<>(n);
        for (long c : counts) {
            list.add(c);
        }
        return new Activity(
                Instant.ofEpochSecond(lo).toString(),
                Instant.ofEpochSecond(lo + n * width).toString(),
                width,
                list);
    }
}

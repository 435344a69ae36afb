package org.coordscope.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GraphTest
class WriterThroughputScratchTest extends GraphTestSupport {
    @Autowired GraphWriter writer;

    @Test
    void measure() {
        java.util.Random r = new java.util.Random(1);
        int n = 20_000, batch = Integer.getInteger("batch", 5000);
        long t0 = System.nanoTime();
        List<PostRecord> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String acc = "acc" + r.nextInt(20000);
            boolean rt = r.nextInt(3) == 0;
            posts.add(new PostRecord("t" + i, new AccountRecord(acc, "sn" + acc, null, null, 5L, 6L, "en", null, null, null),
                    Instant.ofEpochSecond(1600000000L + i), "text " + i, "en", "Twitter Web App",
                    rt ? "o" + r.nextInt(5000) : null, rt ? "oa" + r.nextInt(500) : null, null, null, null,
                    r.nextBoolean() ? List.of("tag" + r.nextInt(1000)) : List.of(),
                    r.nextInt(4) == 0 ? List.of("https://news" + r.nextInt(40) + ".com/a/" + r.nextInt(3000)) : List.of(),
                    List.of(), List.of(), List.of(), List.of(), "f:" + i));
            if (posts.size() == batch) { writer.write("bench", List.of(), posts); posts.clear(); }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.err.printf("WRITER THROUGHPUT: %d posts in %.1f s = %.0f posts/s%n", n, s, n / s);
    }
}

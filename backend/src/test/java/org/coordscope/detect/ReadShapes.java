package org.coordscope.detect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.coordscope.detect.store.ActionLoader;
import org.coordscope.graphdb.EmbeddedNeo4j;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;

/**
 * How fast posts stream out of a store through Bolt, by the shape of the query (docs/performance.md, "Detection on
 * the store"): the bare walk from accounts to their posts, the post's own properties, its relationships, and
 * detection's one pass ({@link ActionLoader#POSTS}). Each query runs twice on the first {@code limit} posts (the
 * first run of the first shape on a cold page cache, later ones on pages the earlier ones read) with every record
 * consumed, as detection consumes them. Not a test:
 * <pre>java -cp ... org.coordscope.detect.ReadShapes STORE [limit] [dataset]</pre>
 * on a store the benchmark harness left (e.g. {@code backend/target/bench/store-10000000-1}, dataset {@code bench}).
 */
public final class ReadShapes {

    private static final String WALK = "MATCH (a:Account {dataset: $dataset})-[:POSTED]->(t:Tweet) ";

    static final Map<String, String> SHAPES = shapes();

    private static Map<String, String> shapes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(
                "account id + time (the bare walk)",
                WALK + "WITH a, t LIMIT $limit " + "RETURN a.id AS account, t.createdAt.epochSeconds AS time");
        m.put(
                "+ client, isRetweet, id, text (properties, no relationships)",
                WALK + "WITH a, t LIMIT $limit "
                        + "RETURN a.id AS account, t.createdAt AS time, t.client AS client, t.isRetweet AS rt, t.id AS id,"
                        + " t.text AS text");
        m.put(
                "time + retweeted, links, tags (one relationship comprehension)",
                WALK + "WITH a, t LIMIT $limit "
                        + "RETURN a.id AS account, t.createdAt AS time,"
                        + " [(t)-[r:RETWEETS|LINKS_TO|TAGS]->(x) | [type(r), coalesce(x.id, x.url, x.tag)]] AS objects");
        m.put("detection's one pass (ActionLoader.POSTS)", ActionLoader.POSTS.strip() + " LIMIT $limit");
        return m;
    }

    private ReadShapes() {}

    public static void main(String[] args) {
        Path store = Path.of(args[0]);
        long limit = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        String dataset = args.length > 2 ? args[2] : "bench";
        Map<String, Object> params = Map.of(
                "dataset", dataset, "limit", limit, "links", true, "domains", false, "tags", true, "texts", true);
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(store, 0, null, "0");
                Driver driver = GraphDatabase.driver(db.boltUri(), db.authToken())) {
            System.out.printf(
                    Locale.ROOT,
                    "| query shape (first %,d posts of '%s') | first run rows/s |" + " second run rows/s |%n",
                    limit,
                    dataset);
            System.out.println("|---|---|---|");
            SHAPES.forEach((name, cypher) -> System.out.printf(
                    Locale.ROOT,
                    "| %s | %,.0f | %,.0f |%n",
                    name,
                    rowsPerSecond(driver, cypher, params),
                    rowsPerSecond(driver, cypher, params)));
        }
    }

    private static double rowsPerSecond(Driver driver, String cypher, Map<String, Object> params) {
        try (Session session = driver.session()) {
            long t0 = System.nanoTime();
            long rows = session.executeRead(tx -> {
                Result result = tx.run(cypher, params);
                long n = 0;
                while (result.hasNext()) {
                    result.next();
                    n++;
                }
                return n;
            });
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }
}

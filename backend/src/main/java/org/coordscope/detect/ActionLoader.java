package org.coordscope.detect;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coordscope.detect.signal.Actions;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.signal.NearDuplicateClusters;
import org.coordscope.detect.signal.NearDuplicateText;
import org.coordscope.detect.signal.SignalKind;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Streams each enabled signal's actions of one dataset out of Neo4j (one read transaction per signal,
 * records consumed as they arrive) into {@link Actions}, mapping account ids and object keys to dense ints.
 *
 * <ul>
 *   <li>co-retweet: the retweeting account, the retweeted tweet's id, the time of the retweet;</li>
 *   <li>co-link / co-domain: non-retweet posts' normalised {@code Link.url} / {@code Domain.name};</li>
 *   <li>co-hashtag: non-retweet posts' hashtags;</li>
 *   <li>near-text: non-retweet texts, clustered by {@link NearDuplicateText}.</li>
 * </ul>
 * Posts known only by id (no {@code createdAt}) have no time and are skipped.
 */
final class ActionLoader {

    static final String RESOLUTION = """
            MATCH (t:Tweet {dataset: $dataset})
            WHERE t.createdAt IS NOT NULL AND t.createdAt.second <> 0
            RETURN count(t) > 0 AS seconds LIMIT 1
            """;

    static final String ANY_TWEET = """
            MATCH (t:Tweet {dataset: $dataset}) WHERE t.createdAt IS NOT NULL RETURN count(t) AS n
            """;

    /** Every account of the dataset, in id order, so that dense ids (and so every result) do not depend on query order. */
    static final String ACCOUNTS = """
            MATCH (a:Account {dataset: $dataset}) RETURN a.id AS id ORDER BY id
            """;

    static final String CO_RETWEET = """
            MATCH (t:Tweet {dataset: $dataset})-[:RETWEETS]->(o:Tweet)
            WHERE t.createdAt IS NOT NULL
            MATCH (a:Account)-[:POSTED]->(t)
            OPTIONAL MATCH (au:Account)-[:POSTED]->(o)
            RETURN a.id AS account, o.id AS object, t.createdAt.epochSeconds AS time, au.id AS author,
                   o.createdAt.epochSeconds AS originalTime
            """;

    static final String CO_LINK = """
            MATCH (t:Tweet {dataset: $dataset})-[:LINKS_TO]->(l:Link)
            WHERE t.createdAt IS NOT NULL AND t.isRetweet IS NULL
            MATCH (a:Account)-[:POSTED]->(t)
            RETURN a.id AS account, l.url AS object, t.createdAt.epochSeconds AS time
            """;

    static final String CO_DOMAIN = """
            MATCH (t:Tweet {dataset: $dataset})-[:ON_DOMAIN]->(d:Domain)
            WHERE t.createdAt IS NOT NULL AND t.isRetweet IS NULL
            MATCH (a:Account)-[:POSTED]->(t)
            RETURN a.id AS account, d.name AS object, t.createdAt.epochSeconds AS time
            """;

    static final String CO_HASHTAG = """
            MATCH (t:Tweet {dataset: $dataset})-[:TAGS]->(h:Hashtag)
            WHERE t.createdAt IS NOT NULL AND t.isRetweet IS NULL
            MATCH (a:Account)-[:POSTED]->(t)
            RETURN a.id AS account, h.tag AS object, t.createdAt.epochSeconds AS time
            """;

    /**
     * Unordered: an {@code ORDER BY} here would make the server hold every text of the dataset at once (at 10M
     * tweets more than a transaction's memory cap); the texts are put in post id order afterwards, in memory.
     */
    static final String NEAR_TEXT = """
            MATCH (a:Account)-[:POSTED]->(t:Tweet {dataset: $dataset})
            WHERE t.createdAt IS NOT NULL AND t.isRetweet IS NULL AND t.text IS NOT NULL
            RETURN t.id AS id, a.id AS account, t.text AS text, t.createdAt.epochSeconds AS time
            """;

    /** The texts of some posts, to name the near-text clusters. */
    static final String TEXTS = """
            UNWIND $ids AS id
            MATCH (t:Tweet {id: id, dataset: $dataset})
            RETURN t.id AS id, t.text AS text
            """;

    static final int SNIPPET = 120;
    private static final int NAME_BATCH = 10_000;

    private final Driver driver;

    ActionLoader(Driver driver) {
        this.driver = driver;
    }

    /** 60 when every post time of the dataset falls on a whole minute (Info Ops archives), else 1. */
    int detectResolution(String dataset) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                long posts = tx.run(ANY_TWEET, Map.of("dataset", dataset)).single().get("n").asLong();
                if (posts == 0) {
                    return 1;
                }
                boolean seconds = tx.run(RESOLUTION, Map.of("dataset", dataset)).single().get("seconds").asBoolean();
                return seconds ? 1 : 60;
            });
        }
    }

    /** Assigns dense ids to every account of the dataset in id order. */
    void loadAccounts(String dataset, SignalData data) {
        try (var session = driver.session()) {
            List<String> ids = session.executeRead(tx -> tx.run(ACCOUNTS, Map.of("dataset", dataset))
                    .list(r -> r.get("id").asString()));
            ids.forEach(data::account);
        }
    }

    /** Reads one signal into {@code data}; returns the actions read. */
    int load(String dataset, SignalKind kind, DetectionOptions options, SignalData data) {
        return switch (kind) {
            case CO_RETWEET -> keyed(dataset, kind, CO_RETWEET, data, true);
            case CO_LINK -> keyed(dataset, kind, CO_LINK, data, false);
            case CO_DOMAIN -> keyed(dataset, kind, CO_DOMAIN, data, false);
            case CO_HASHTAG -> keyed(dataset, kind, CO_HASHTAG, data, false);
            case NEAR_TEXT -> nearText(dataset, options, data);
        };
    }

    private int keyed(String dataset, SignalKind kind, String cypher, SignalData data, boolean authors) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                // built inside the transaction function, which the driver may retry: start afresh each time
                Object2IntOpenHashMap<String> objects = new Object2IntOpenHashMap<>();
                objects.defaultReturnValue(-1);
                List<String> keys = new ArrayList<>();
                Actions actions = new Actions();
                if (authors) {
                    data.retweetedAuthor.clear();
                    data.retweetedTime.clear();
                }
                Result result = tx.run(cypher, Map.of("dataset", dataset));
                while (result.hasNext()) {
                    Record r = result.next();
                    Value time = r.get("time");
                    if (time.isNull()) {
                        continue;
                    }
                    String key = r.get("object").asString();
                    int o = objects.getInt(key);
                    if (o < 0) {
                        o = keys.size();
                        objects.put(key, o);
                        keys.add(key);
                        if (authors) {
                            String author = r.get("author").asString(null);
                            data.retweetedAuthor.add(author == null ? -1 : data.author(author));
                            Value original = r.get("originalTime");
                            data.retweetedTime.add(original.isNull() ? Long.MIN_VALUE : original.asLong());
                        }
                    }
                    actions.add(data.account(r.get("account").asString()), o, time.asLong());
                }
                actions.trim();
                data.actions.put(kind, actions);
                data.objectKeys.put(kind, keys);
                return actions.size();
            });
        }
    }

    private int nearText(String dataset, DetectionOptions options, SignalData data) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                NearDuplicateText near = new NearDuplicateText(options.nearText());
                List<String> postIds = new ArrayList<>();
                Result result = tx.run(NEAR_TEXT, Map.of("dataset", dataset));
                while (result.hasNext()) {
                    Record r = result.next();
                    Value time = r.get("time");
                    if (time.isNull()) {
                        continue;
                    }
                    if (near.add(data.account(r.get("account").asString()), time.asLong(), r.get("text").asString()) >= 0) {
                        postIds.add(r.get("id").asString());
                    }
                }
                // Clusters are numbered, and a boilerplate bucket anchored, by the order texts were added: post id
                // order, whatever order the store streamed them in (and the order the files path reads them in).
                int[] order = new int[postIds.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                IntArrays.quickSort(order, (x, y) -> postIds.get(x).compareTo(postIds.get(y)));
                near.reorder(order);
                List<String> sortedIds = new ArrayList<>(order.length);
                for (int i : order) {
                    sortedIds.add(postIds.get(i));
                }
                postIds.clear();
                NearDuplicateClusters clusters = near.cluster();
                Actions actions = clusters.toActions();
                data.actions.put(SignalKind.NEAR_TEXT, actions);
                data.objectKeys.put(SignalKind.NEAR_TEXT, clusterNames(tx, dataset, clusters, sortedIds));
                return actions.size();
            });
        }
    }

    /** The object key of a text cluster: the snippet of its first text, read back for the clusters only. */
    private static List<String> clusterNames(TransactionContext tx, String dataset, NearDuplicateClusters clusters,
            List<String> postIds) {
        String[] firstId = new String[clusters.clusterCount()];
        for (int i = clusters.textCount() - 1; i >= 0; i--) {
            int c = clusters.clusterOf(i);
            if (c >= 0) {
                firstId[c] = postIds.get(i);
            }
        }
        List<String> ids = Arrays.asList(firstId);
        Map<String, String> snippets = new HashMap<>();
        for (int from = 0; from < ids.size(); from += NAME_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + NAME_BATCH));
            tx.run(TEXTS, Map.of("dataset", dataset, "ids", batch))
                    .forEachRemaining(r -> snippets.put(r.get("id").asString(), snippet(r.get("text").asString())));
        }
        List<String> names = new ArrayList<>(firstId.length);
        for (String id : firstId) {
            names.add(snippets.getOrDefault(id, ""));
        }
        return names;
    }

    /** The text on one line (runs of whitespace as one space), cut to {@link #SNIPPET} characters. */
    static String snippet(String text) {
        // By hand, reading only as far as the snippet needs: this runs for every kept text of a run.
        StringBuilder out = new StringBuilder(Math.min(text.length(), SNIPPET + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() <= SNIPPET; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.length() <= SNIPPET ? out.toString() : out.substring(0, SNIPPET - 1) + "…";
    }
}

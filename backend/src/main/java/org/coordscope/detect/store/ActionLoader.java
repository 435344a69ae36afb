package org.coordscope.detect.store;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntUnaryOperator;
import java.util.function.LongConsumer;
import org.coordscope.detect.pipeline.AccountTraits;
import org.coordscope.detect.pipeline.DetectionProgress;
import org.coordscope.detect.pipeline.SignalData;
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
 * Streams what a run needs of one dataset out of Neo4j in two read transactions, records consumed as they
 * arrive: the accounts with their profile traits, then <b>one pass over the timed posts</b> with everything every
 * enabled signal and the post-based traits need. Account ids and object keys become dense ints.
 *
 * <ul>
 *   <li>co-retweet: the retweeting account, the retweeted tweet's id (with its author and time, for the
 *       reaction-delay trait), the time of the retweet;</li>
 *   <li>co-link / co-domain: non-retweet posts' normalised {@code Link.url} / {@code Domain.name};</li>
 *   <li>co-hashtag: non-retweet posts' hashtags;</li>
 *   <li>near-text: non-retweet texts, clustered by {@link NearDuplicateText};</li>
 *   <li>traits: each account's posts, retweets and most used client.</li>
 * </ul>
 * One pass rather than a query per signal: each query walked every post to its account, and at ten million
 * tweets reading those records was most of a run (docs/performance.md). Posts known only by id (no
 * {@code createdAt}) have no time and are skipped. The time resolution (60 s when every post time is a whole
 * minute, as in Info Ops archives, else 1 s) is read off the same pass.
 */
public final class ActionLoader {

    /** Every account of the dataset, in id order, so that dense ids (and so every result) do not depend on query order. */
    public static final String ACCOUNTS = """
            MATCH (a:Account {dataset: $dataset})
            RETURN a.id AS id, a.createdAt.epochSeconds AS created, a.followers AS followers,
                   a.description AS description
            ORDER BY id
            """;

    /** How many posts there are at most (all datasets), from Neo4j's counts store: for progress only. */
    public static final String POSTED_COUNT = "MATCH ()-[r:POSTED]->() RETURN count(r) AS n";

    /**
     * Starting from the accounts, so a poster's posts come in a run and its id is looked up once a run. The
     * comprehensions run for originals only, and only for the signals asked for ({@code CASE} is lazy).
     */
    public static final String POSTS = """
            MATCH (a:Account {dataset: $dataset})-[:POSTED]->(t:Tweet)
            WHERE t.createdAt IS NOT NULL
            WITH a, t, t.isRetweet IS NULL AS original
            RETURN a.id AS account, t.createdAt.epochSeconds AS time, t.client AS client, original,
                   [(t)-[:RETWEETS]->(o:Tweet) | [o.id, o.createdAt.epochSeconds,
                        [(au:Account)-[:POSTED]->(o) | au.id][0]]] AS retweeted,
                   CASE WHEN original AND $links THEN [(t)-[:LINKS_TO]->(l:Link) | l.url] END AS links,
                   CASE WHEN original AND $domains THEN [(t)-[:ON_DOMAIN]->(d:Domain) | d.name] END AS domains,
                   CASE WHEN original AND $tags THEN [(t)-[:TAGS]->(h:Hashtag) | h.tag] END AS tags,
                   CASE WHEN original AND $texts THEN t.id END AS id,
                   CASE WHEN original AND $texts THEN t.text END AS text
            """;

    /** The texts of some posts, to name the near-text clusters. */
    public static final String TEXTS = """
            UNWIND $ids AS id
            MATCH (t:Tweet {id: id, dataset: $dataset})
            RETURN t.id AS id, t.text AS text
            """;

    public static final int SNIPPET = 120;
    private static final int NAME_BATCH = 10_000;
    private static final int PROGRESS_EVERY = 250_000;

    private final Driver driver;

    public ActionLoader(Driver driver) {
        this.driver = driver;
    }

    /**
     * What a run reads: the keyed signals' actions, the account traits, the detected time resolution (in
     * {@code data}) and, when near-text is on, the texts' signatures, not yet clustered ({@link #clusterTexts}).
     */
    public record Loaded(SignalData data, AccountTraits traits, Texts texts, long posts) {}

    /** Near-text's kept texts, in post id order, with their post ids. */
    public record Texts(NearDuplicateText signatures, List<String> postIds) {}

    /**
     * Reads the dataset's accounts and posts. {@code progress} hears of the posts read, as the share
     * {@code from}..{@code to} of the whole run.
     */
    public Loaded load(String dataset, DetectionOptions options, DetectionProgress progress, double from, double to) {
        try (var session = driver.session()) {
            ProjectionBuilder builder = new ProjectionBuilder(options);
            accounts(
                    session.executeRead(
                            tx -> tx.run(ACCOUNTS, Map.of("dataset", dataset)).list()),
                    builder);
            long expected = session.executeRead(
                    tx -> tx.run(POSTED_COUNT).single().get("n").asLong());
            progress.update(
                    "reading",
                    from,
                    String.format("reading the posts of '%s' (%,d posts in the store)", dataset, expected));
            session.executeRead(tx -> posts(
                    tx,
                    dataset,
                    builder,
                    read -> progress.update(
                            "reading",
                            from + (to - from) * Math.min(1.0, (double) read / Math.max(1, expected)),
                            String.format("%,d posts read", read))));
            Loaded loaded = builder.finish();
            progress.update("reading", to, String.format("%,d posts read; %s", loaded.posts(), describe(loaded)));
            return loaded;
        }
    }

    /** The actions per signal (and the texts) a read holds, for progress lines. */
    public static String describe(Loaded loaded) {
        StringJoiner actions = new StringJoiner(", ", "actions: ", "");
        loaded.data().actions.forEach((k, a) -> actions.add(String.format("%s %,d", k.id(), a.size())));
        return actions
                + (loaded.texts() == null
                        ? ""
                        : String.format(
                                "; texts %,d", loaded.texts().signatures().size()));
    }

    /** Every account of the dataset in id order, with the traits of its profile. */
    private static void accounts(List<Record> rows, ProjectionBuilder builder) {
        for (Record r : rows) {
            Value created = r.get("created");
            Value followers = r.get("followers");
            builder.account(
                    r.get("id").asString(),
                    created.isNull() ? null : created.asLong(),
                    followers.isNull() ? null : followers.asLong(),
                    r.get("description").asString(null));
        }
    }

    /** The timed posts, one row per (poster, post), into {@code builder}. */
    private static Void posts(TransactionContext tx, String dataset, ProjectionBuilder builder, LongConsumer progress) {
        builder.startPosts(); // inside the transaction function, which the driver may retry: start afresh each time
        boolean texts = builder.wants(SignalKind.NEAR_TEXT);
        Result result = tx.run(
                POSTS,
                Map.of(
                        "dataset",
                        dataset,
                        "links",
                        builder.wants(SignalKind.CO_LINK),
                        "domains",
                        builder.wants(SignalKind.CO_DOMAIN),
                        "tags",
                        builder.wants(SignalKind.CO_HASHTAG),
                        "texts",
                        texts));
        String lastAccount = null;
        int a = -1;
        while (result.hasNext()) {
            Record r = result.next();
            String account = r.get("account").asString();
            if (!account.equals(lastAccount)) {
                lastAccount = account;
                a = builder.accountIndex(account);
            }
            if (a < 0) {
                continue; // an account written after the accounts were read: not in this run's id space
            }
            long time = r.get("time").asLong();
            builder.post(
                    a, time, r.get("client").asString(null), r.get("original").asBoolean());
            for (Value o : r.get("retweeted").values()) {
                Value original = o.get(1);
                builder.retweet(
                        a,
                        time,
                        o.get(0).asString(),
                        original.isNull() ? Long.MIN_VALUE : original.asLong(),
                        o.get(2).asString(null));
            }
            for (Value link : list(r.get("links"))) {
                builder.link(a, time, link.asString());
            }
            for (Value domain : list(r.get("domains"))) {
                builder.domain(a, time, domain.asString());
            }
            for (Value tag : list(r.get("tags"))) {
                builder.tag(a, time, tag.asString());
            }
            if (texts) {
                builder.text(a, time, r.get("id").asString(null), r.get("text").asString(null));
            }
            if (builder.posts() % PROGRESS_EVERY == 0) {
                progress.accept(builder.posts());
            }
        }
        return null;
    }

    private static Iterable<Value> list(Value value) {
        return value.isNull() ? List.of() : value.values();
    }

    /**
     * Each account's client with the most posts; a tie goes to the client numbered first. {@code clientPosts}
     * counts posts by {@code account << 20 | client}, its accounts numbered as {@code accountOf} maps them to the
     * traits'.
     */
    public static void mostUsedClients(
            AccountTraits traits, Long2IntOpenHashMap clientPosts, IntUnaryOperator accountOf) {
        int[] best = new int[traits.size()];
        Arrays.fill(traits.client, -1);
        clientPosts.long2IntEntrySet().forEach(e -> {
            int a = accountOf.applyAsInt((int) (e.getLongKey() >>> 20));
            int c = (int) (e.getLongKey() & 0xFFFFF);
            int p = e.getIntValue();
            if (p > best[a] || p == best[a] && c < traits.client[a]) {
                best[a] = p;
                traits.client[a] = c;
            }
        });
    }

    /**
     * Clusters the loaded texts with {@code options} into the near-text signal's actions, each cluster named by
     * the snippet of its first text (read from the store); nothing when near-text is off.
     */
    public void clusterTexts(String dataset, Loaded loaded) {
        if (loaded.texts() == null) {
            return;
        }
        NearDuplicateClusters clusters = loaded.texts().signatures().cluster();
        loaded.data().actions.put(SignalKind.NEAR_TEXT, clusters.toActions());
        try (var session = driver.session()) {
            loaded.data()
                    .objectKeys
                    .put(
                            SignalKind.NEAR_TEXT,
                            session.executeRead(tx -> clusterNames(
                                    tx, dataset, clusters, loaded.texts().postIds())));
        }
    }

    /** The object key of a text cluster: the snippet of its first text, read back for the clusters only. */
    private static List<String> clusterNames(
            TransactionContext tx, String dataset, NearDuplicateClusters clusters, List<String> postIds) {
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
                    .forEachRemaining(r -> snippets.put(
                            r.get("id").asString(), snippet(r.get("text").asString())));
        }
        List<String> names = new ArrayList<>(firstId.length);
        for (String id : firstId) {
            names.add(snippets.getOrDefault(id, ""));
        }
        return names;
    }

    /** The text on one line (runs of whitespace as one space), cut to {@link #SNIPPET} characters. */
    public static String snippet(String text) {
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

package org.coordscope.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.web.NotFoundException;
import org.coordscope.web.Page;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Evidence a person can read: for each shared object behind a coordination edge, both accounts' posts side by
 * side (text, the retweeted original's text and author, exact times and the gap, {@code file:line}), newest first
 * and paged; and an account's own posts, newest first. The edge's evidence JSON (detection's, documented in
 * {@code DetectionStore}) names each object and both action times; a post is the account's tweet at that time,
 * the one on that object when several share the second.
 */
@Service
public class EvidenceCards {

    private static final String EDGE = """
            MATCH (a:Account {id: $a, dataset: $dataset})-[e:COORDINATED {run: $run}]-(b:Account {id: $b, dataset: $dataset})
            RETURN b.screenName AS screenName, e.evidence AS evidence, startNode(e) = a AS outgoing
            """;

    /** Edges an account's cards are read from, heaviest first: a hub's 100,000 edges would be read for one page. */
    static final int ACCOUNT_EDGES = 500;

    private static final String EDGES_OF = """
            MATCH (a:Account {id: $a, dataset: $dataset})-[e:COORDINATED {run: $run}]-(b:Account)
            WITH a, b, e ORDER BY e.weight DESC, b.id LIMIT $limit
            RETURN b.id AS id, b.screenName AS screenName, e.evidence AS evidence, startNode(e) = a AS outgoing
            """;

    private static final String SOURCE = "MATCH (d:Dataset {name: $dataset}) RETURN d.source AS source";

    /** The post of each wanted (account, time), preferring the one on the card's object. */
    private static final String POSTS_AT = """
            UNWIND $wanted AS w
            MATCH (:Account {id: w.account, dataset: $dataset})-[:POSTED]->(t:Tweet)
            WHERE t.createdAt = datetime(w.time)
            OPTIONAL MATCH (t)-[:RETWEETS]->(o:Tweet)
            WITH w, t, o, coalesce(CASE w.signal
                    WHEN 'co-retweet' THEN o.id = w.object
                    WHEN 'co-hashtag' THEN EXISTS { (t)-[:TAGS]->(:Hashtag {tag: w.object}) }
                    WHEN 'co-link' THEN EXISTS { (t)-[:LINKS_TO]->(:Link {url: w.object}) }
                    WHEN 'co-domain' THEN EXISTS { (t)-[:ON_DOMAIN]->(:Domain {name: w.object}) }
                    ELSE true END, false) AS onObject
            ORDER BY w.key, onObject DESC, t.id
            WITH w.key AS key, collect({t: t, o: o})[0] AS best
            WITH key, best.t AS t, best.o AS o
            """ + Post.RETURN;

    private static final String ACCOUNT_POSTS = """
            MATCH (:Account {id: $id, dataset: $dataset})-[:POSTED]->(t:Tweet)
            WHERE t.createdAt IS NOT NULL
            """;

    private static final String ACCOUNT_POST_COUNT = ACCOUNT_POSTS + "RETURN count(t) AS n";

    private static final String ACCOUNT_POST_PAGE = ACCOUNT_POSTS + """
            WITH t ORDER BY t.createdAt DESC, t.id SKIP $skip LIMIT $limit
            OPTIONAL MATCH (t)-[:RETWEETS]->(o:Tweet)
            WITH t.id AS key, t, o
            """ + Post.RETURN;

    /** Tweet ids of Twitter's own (snowflake ids, or the older sequential ones) open on the platform. */
    private static final Pattern TWEET_ID = Pattern.compile("\\d{6,20}");

    /** A Telegram post id as the importer writes it: {@code channel<id>/<message id>}. */
    private static final Pattern TELEGRAM_POST_ID = Pattern.compile("channel\\d+/(\\d+)");

    /** Telegram's public usernames: 5–32 of a-z, 0-9 and _, starting with a letter. */
    private static final Pattern TELEGRAM_USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");

    private static final Set<String> TWITTER_SOURCES = Set.of("infoops", "twarc2");

    private final Driver driver;
    private final DetectionStore runs;
    private final AccountService accounts;
    private final ObjectMapper json;

    public EvidenceCards(Driver driver, DetectionStore runs, AccountService accounts, ObjectMapper json) {
        this.driver = driver;
        this.runs = runs;
        this.accounts = accounts;
        this.json = json;
    }

    /** The post a retweet or forward repeats, as far as the dataset knows it. */
    public record Original(String id, String text, String time, String authorId, String authorScreenName) {}

    /**
     * One post: its platform ({@code twitter}, {@code telegram}), exact time (ISO-8601 UTC), text, where it came
     * from, and a link to it when the platform has one ({@code t.me/<username>/<id>} when the channel's username is
     * known).
     */
    public record Post(
            String id,
            String platform,
            String time,
            String text,
            String lang,
            String source,
            String url,
            Original original) {

        /** What every post query returns, from {@code key}, {@code t} (the post) and {@code o} (its original). */
        static final String RETURN = """
                RETURN key, t.id AS id, t.platform AS platform, t.createdAt AS time, t.text AS text, t.lang AS lang,
                       t.source AS source, [(pa:Account)-[:POSTED]->(t) | pa.screenName][0] AS authorScreenName,
                       o.id AS originalId, o.text AS originalText, o.createdAt AS originalTime,
                       [(oa:Account)-[:POSTED]->(o) | {id: oa.id, screenName: oa.screenName}][0] AS originalAuthor
                """;
    }

    /** A shared object with both accounts' posts on it: {@code a} is the account asked about, {@code b} its co-actor. */
    public record Card(
            String signal,
            String object,
            Double idf,
            String coActorId,
            String coActorScreenName,
            String timeA,
            String timeB,
            Long gapSeconds,
            Post postA,
            Post postB) {}

    /** The cards of the edge between {@code a} and {@code b} in a run, newest co-action first. */
    public Page<Card> edge(String run, String a, String b, String dataset, Page.Request page) {
        String ds = accounts.datasetOf(a, dataset);
        String runId = runs.resolve(run, ds).runId();
        Map<String, Object> params = Map.of("a", a, "b", b, "dataset", ds, "run", runId);
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                Record r = tx.run(EDGE, params).stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException(
                                "No coordination edge between '" + a + "' and '" + b + "' in run " + runId + "."));
                List<Card> all = cardsOf(
                        b,
                        r.get("screenName").asString(null),
                        r.get("evidence"),
                        r.get("outgoing").asBoolean());
                return withPosts(tx, a, ds, all, page);
            });
        }
    }

    /**
     * The cards of the edges of {@code account} in a run (the latest of its dataset when none), newest first: of its
     * {@value #ACCOUNT_EDGES} heaviest edges.
     */
    public Page<Card> account(String account, String dataset, String run, Page.Request page) {
        String ds = accounts.datasetOf(account, dataset);
        String runId = runs.resolve(run, ds).runId();
        Map<String, Object> params = Map.of("a", account, "dataset", ds, "run", runId, "limit", ACCOUNT_EDGES);
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Card> all = new ArrayList<>();
                for (Record r : tx.run(EDGES_OF, params).list()) {
                    all.addAll(cardsOf(
                            r.get("id").asString(),
                            r.get("screenName").asString(null),
                            r.get("evidence"),
                            r.get("outgoing").asBoolean()));
                }
                return withPosts(tx, account, ds, all, page);
            });
        }
    }

    /** The posts of an account, newest first. */
    public Page<Post> posts(String account, String dataset, Page.Request page) {
        String ds = accounts.datasetOf(account, dataset);
        Map<String, Object> params = Map.of("id", account, "dataset", ds, "skip", page.skip(), "limit", page.size());
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                long total =
                        tx.run(ACCOUNT_POST_COUNT, params).single().get("n").asLong();
                boolean twitter = twitter(tx, ds);
                List<Post> items = tx.run(ACCOUNT_POST_PAGE, params).list(r -> post(r, twitter));
                return page.answer(items, total);
            });
        }
    }

    /** An edge's evidence as cards (posts not yet looked up), oriented so that {@code timeA} is the asking account's. */
    private List<Card> cardsOf(String coActor, String coActorScreenName, Value evidence, boolean outgoing) {
        List<Card> cards = new ArrayList<>();
        for (Map<String, Object> item : Evidence.parse(json, evidence)) {
            String timeA = (String) item.get(outgoing ? "timeA" : "timeB");
            String timeB = (String) item.get(outgoing ? "timeB" : "timeA");
            Long gap = timeA == null || timeB == null
                    ? null
                    : Math.abs(Duration.between(Instant.parse(timeA), Instant.parse(timeB))
                            .toSeconds());
            Object idf = item.get("idf");
            cards.add(new Card(
                    (String) item.get("signal"),
                    String.valueOf(item.get("object")),
                    idf instanceof Number n ? n.doubleValue() : null,
                    coActor,
                    coActorScreenName,
                    timeA,
                    timeB,
                    gap,
                    null,
                    null));
        }
        return cards;
    }

    /** Sorts the cards newest first, cuts the page, and looks up both posts of each card on it in one query. */
    private Page<Card> withPosts(TransactionContext tx, String account, String ds, List<Card> all, Page.Request page) {
        all.sort(Comparator.comparing(EvidenceCards::latest, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Card::coActorId)
                .thenComparing(Card::object));
        Page<Card> cut = Page.slice(all, page);
        List<Map<String, Object>> wanted = new ArrayList<>();
        for (int i = 0; i < cut.items().size(); i++) {
            Card c = cut.items().get(i);
            if (c.timeA() != null) {
                wanted.add(want(i + ":a", account, c));
            }
            if (c.timeB() != null) {
                wanted.add(want(i + ":b", c.coActorId(), c));
            }
        }
        boolean twitter = twitter(tx, ds);
        Map<String, Post> found = new HashMap<>();
        for (Record r :
                tx.run(POSTS_AT, Map.of("wanted", wanted, "dataset", ds)).list()) {
            found.put(r.get("key").asString(), post(r, twitter));
        }
        List<Card> items = new ArrayList<>();
        for (int i = 0; i < cut.items().size(); i++) {
            Card c = cut.items().get(i);
            items.add(new Card(
                    c.signal(),
                    c.object(),
                    c.idf(),
                    c.coActorId(),
                    c.coActorScreenName(),
                    c.timeA(),
                    c.timeB(),
                    c.gapSeconds(),
                    found.get(i + ":a"),
                    found.get(i + ":b")));
        }
        return page.answer(items, cut.total());
    }

    private static Map<String, Object> want(String key, String account, Card c) {
        String time = key.endsWith(":a") ? c.timeA() : c.timeB();
        return Map.of("key", key, "account", account, "time", time, "signal", c.signal(), "object", c.object());
    }

    /** The later of a card's two times (texts from the JSON may differ in precision, so compared as instants). */
    private static Instant latest(Card c) {
        Instant a = c.timeA() == null ? null : Instant.parse(c.timeA());
        Instant b = c.timeB() == null ? null : Instant.parse(c.timeB());
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }

    private boolean twitter(TransactionContext tx, String dataset) {
        return tx.run(SOURCE, Map.of("dataset", dataset)).stream()
                .findFirst()
                .map(r -> TWITTER_SOURCES.contains(r.get("source").asString("")))
                .orElse(false);
    }

    private static Post post(Record r, boolean twitter) {
        String id = r.get("id").asString();
        Original original = null;
        if (!r.get("originalId").isNull()) {
            Value author = r.get("originalAuthor");
            original = new Original(
                    r.get("originalId").asString(),
                    r.get("originalText").asString(null),
                    Evidence.iso(r.get("originalTime")),
                    author.isNull() ? null : author.get("id").asString(null),
                    author.isNull() ? null : author.get("screenName").asString(null));
        }
        // stores imported before platforms were recorded: the dataset's source tells Twitter's
        String platform = r.get("platform").asString(twitter ? "twitter" : null);
        String url = null;
        if ("twitter".equals(platform) && TWEET_ID.matcher(id).matches()) {
            url = "https://twitter.com/i/web/status/" + id;
        } else if ("telegram".equals(platform)) {
            String username = r.get("authorScreenName").asString(null);
            Matcher message = TELEGRAM_POST_ID.matcher(id);
            if (username != null && TELEGRAM_USERNAME.matcher(username).matches() && message.matches()) {
                url = "https://t.me/" + username + "/" + message.group(1);
            }
        }
        return new Post(
                id,
                platform,
                Evidence.iso(r.get("time")),
                r.get("text").asString(null),
                r.get("lang").asString(null),
                r.get("source").asString(null),
                url,
                original);
    }
}

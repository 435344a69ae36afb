package org.coordscope.explore;

import java.util.Map;
import org.neo4j.driver.Driver;

/**
 * Two accounts in one cluster of run {@value #RUN} (dataset {@value #DATASET}) with known Persian posts: a retweet
 * of a known original and a hashtag used by both, plus a second post of A in the hashtag's second. The edge is
 * stored from B to A, so its evidence's {@code timeA} is B's. Used by the API test and the browser test.
 */
public final class PersianEdgeFixture {

    public static final String DATASET = "cards";
    public static final String RUN = "cards-run";
    public static final String CLUSTER = "cards-run/1";
    public static final String A = "1001";
    public static final String B = "1002";
    public static final String ORIGINAL_TEXT = "ایران قوی است #ایران_قوی";
    public static final String TEXT_A = "همه با هم #ایران_قوی";
    public static final String TEXT_B = "ما هستیم #ایران_قوی";
    public static final String HASHTAG = "ایران_قوی";
    /** A cluster reason quoting a Persian snippet and naming the hashtag, as detection writes them. */
    public static final String REASON = "near-text: 2 shared texts; e.g. \"همه با هم\", co-hashtag, top shared: hashtag"
            + " ایران_قوی by 2 members";

    private PersianEdgeFixture() {}

    public static void create(Driver driver) {
        try (var session = driver.session()) {
            session.run(
                            """
                    CREATE (:Dataset {name: 'cards', source: 'infoops'})
                    CREATE (:DetectionRun {id: 'cards-run', dataset: 'cards', status: 'DONE',
                                           startedAt: datetime('2000-01-01T00:00:00Z')})
                    CREATE (a:Account {id: $a, dataset: 'cards', screenName: 'ali_fa'})
                    CREATE (b:Account {id: $b, dataset: 'cards', screenName: 'bahar'})
                    CREATE (o:Account {id: '1003', dataset: 'cards', screenName: 'origin'})
                    CREATE (c:Cluster {id: 'cards-run/1', run: 'cards-run', dataset: 'cards', size: 2, score: 0.9,
                                       reasons: [$reason]})
                    CREATE (a)-[:IN_CLUSTER {run: 'cards-run', strength: 1.0, score: 0.9, reasons: []}]->(c)
                    CREATE (b)-[:IN_CLUSTER {run: 'cards-run', strength: 1.0, score: 0.8, reasons: []}]->(c)
                    CREATE (b)-[:COORDINATED {run: 'cards-run', weight: 2.0, support: 2,
                        signals: ['co-retweet', 'co-hashtag'], evidence: $evidence}]->(a)
                    CREATE (orig:Tweet {id: '1100000000000000001', dataset: 'cards', text: $originalText,
                                        createdAt: datetime('2021-03-01T09:00:00Z')})
                    CREATE (o)-[:POSTED]->(orig)
                    CREATE (ra:Tweet {id: '1100000000000000002', dataset: 'cards', text: 'RT @origin: ایران قوی است',
                                      isRetweet: true, source: 'tweets.csv:12', createdAt: datetime('2021-03-01T10:00:00Z')})
                    CREATE (rb:Tweet {id: '1100000000000000003', dataset: 'cards', text: 'RT @origin: ایران قوی است',
                                      isRetweet: true, source: 'tweets.csv:40', createdAt: datetime('2021-03-01T10:00:07Z')})
                    CREATE (a)-[:POSTED]->(ra)-[:RETWEETS]->(orig)
                    CREATE (b)-[:POSTED]->(rb)-[:RETWEETS]->(orig)
                    CREATE (h:Hashtag {tag: 'ایران_قوی', dataset: 'cards'})
                    CREATE (noise:Tweet {id: '1100000000000000004', dataset: 'cards', text: 'صبح بخیر',
                                         source: 'tweets.csv:50', createdAt: datetime('2021-03-02T12:00:00Z')})
                    CREATE (ha:Tweet {id: '1100000000000000005', dataset: 'cards', text: $textA,
                                      source: 'tweets.csv:51', createdAt: datetime('2021-03-02T12:00:00Z')})
                    CREATE (hb:Tweet {id: '1100000000000000006', dataset: 'cards', text: $textB,
                                      source: 'tweets.csv:77', createdAt: datetime('2021-03-02T12:01:30Z')})
                    CREATE (a)-[:POSTED]->(noise)
                    CREATE (a)-[:POSTED]->(ha)-[:TAGS]->(h)
                    CREATE (b)-[:POSTED]->(hb)-[:TAGS]->(h)
                    """,
                            Map.of(
                                    "a",
                                    A,
                                    "b",
                                    B,
                                    "originalText",
                                    ORIGINAL_TEXT,
                                    "reason",
                                    REASON,
                                    "textA",
                                    TEXT_A,
                                    "textB",
                                    TEXT_B,
                                    "evidence",
                                    """
                    [{"signal":"co-retweet","object":"1100000000000000001","idf":1.5,
                      "timeA":"2021-03-01T10:00:07Z","timeB":"2021-03-01T10:00:00Z"},
                     {"signal":"co-hashtag","object":"ایران_قوی","idf":2.0,
                      "timeA":"2021-03-02T12:01:30Z","timeB":"2021-03-02T12:00:00Z"}]
                    """))
                    .consume();
        }
    }

    public static void remove(Driver driver) {
        try (var session = driver.session()) {
            session.run(
                            "MATCH (n) WHERE n.dataset = $dataset OR n.name = $dataset DETACH DELETE n",
                            Map.of("dataset", DATASET))
                    .consume();
            session.run("MATCH (r:DetectionRun {id: $run}) DELETE r", Map.of("run", RUN))
                    .consume();
        }
    }
}

package org.coordscope.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.DetectionService;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.explore.ClusterService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * A campaign: one hashtag, link, site, retweeted tweet or line of text, seen over time. Its volume in buckets with
 * the part each cluster of a detection run posted, the hours of the day it peaks at, and the clustered accounts
 * behind it, most active first. Answers "who made #Execute trend": what share of its posts came from suspect
 * clusters, and when.
 */
@Service
public class CampaignService {

    /** What a campaign is about; each kind finds its posts by one constant pattern. */
    public enum Kind {
        hashtag("MATCH (:Hashtag {tag: $value, dataset: $dataset})<-[:TAGS]-(t:Tweet)\n"),
        link("MATCH (:Link {url: $value, dataset: $dataset})<-[:LINKS_TO]-(t:Tweet)\n"),
        domain("MATCH (:Domain {name: $value, dataset: $dataset})<-[:ON_DOMAIN]-(t:Tweet)\n"),
        retweet("MATCH (:Tweet {id: $value, dataset: $dataset})<-[:RETWEETS]-(t:Tweet)\n"),
        /** Posts whose text contains the line (a scan of the dataset's posts: slower than the others). */
        text("MATCH (t:Tweet) WHERE t.dataset = $dataset AND t.text CONTAINS $value\n");

        final String match;

        Kind(String match) {
            this.match = match;
        }

        static Kind of(String kind) {
            try {
                return Kind.valueOf(kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind must be one of " + Arrays.toString(values()) + "; got "
                        + (kind == null ? "nothing" : "'" + kind + "'"));
            }
        }
    }

    /** Shortest line of text a {@code text} campaign searches for: shorter ones match everything. */
    static final int MIN_TEXT = 4;
    /** Accounts listed behind a campaign. */
    static final int BACKERS = 100;
    /** At most this many buckets of volume. */
    static final int MAX_BUCKETS = 120;
    /** Bucket widths tried, smallest first: the first that fits {@link #MAX_BUCKETS} is used. */
    private static final long[] WIDTHS = {60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 7 * 86_400};

    private static final String POSTS = """
            MATCH (a:Account)-[:POSTED]->(t) WHERE t.createdAt IS NOT NULL
            OPTIONAL MATCH (a)-[:IN_CLUSTER {run: $run}]->(c:Cluster)
            RETURN a.id AS account, a.screenName AS screenName, c.id AS cluster, c.score AS score,
                   t.createdAt.epochSeconds AS at
            """;

    private final Driver driver;
    private final DetectionStore runs;
    private final ClusterService clusters;

    public CampaignService(Driver driver, DetectionStore runs, ClusterService clusters) {
        this.driver = driver;
        this.runs = runs;
        this.clusters = clusters;
    }

    /**
     * One cluster's part: its posts and accounts on the campaign, {@code share} of all the campaign's posts, and
     * its posts per bucket (aligned with {@link Campaign#volume}).
     */
    public record ClusterShare(
            String id,
            String name,
            double score,
            boolean suspect,
            long posts,
            long accounts,
            double share,
            List<Long> volume) {}

    /** A clustered account behind the campaign. */
    public record Backer(
            String accountId,
            String screenName,
            String cluster,
            boolean suspect,
            long posts,
            String firstAt,
            String lastAt) {}

    /**
     * The campaign: {@code volume[i]} posts from {@code from + i * bucketSeconds}; {@code hours[h]} posts in hour
     * {@code h} (UTC) of any day, {@code peakHours} the busiest three; {@code suspectPosts} those by members of
     * clusters scoring at least {@code suspectThreshold}; {@code run} null when the dataset has no finished run.
     */
    public record Campaign(
            String kind,
            String value,
            String dataset,
            String run,
            long posts,
            long accounts,
            long suspectPosts,
            double suspectShare,
            double suspectThreshold,
            String from,
            String to,
            long bucketSeconds,
            List<Long> volume,
            List<Long> hours,
            List<Integer> peakHours,
            List<ClusterShare> clusters,
            List<Backer> backers) {}

    public Campaign campaign(String kindName, String rawValue, String dataset, String runId) {
        Kind kind = Kind.of(kindName);
        if (rawValue == null || rawValue.isBlank()) {
            throw new IllegalArgumentException("value is required: the " + kind + " the campaign is about");
        }
        String value = normalise(kind, rawValue);
        if (kind == Kind.text && value.codePointCount(0, value.length()) < MIN_TEXT) {
            throw new IllegalArgumentException(
                    "value must be at least " + MIN_TEXT + " characters for a line of text; got '" + value + "'");
        }
        Optional<DetectionResult> run;
        if (runId != null && !runId.isBlank()) {
            run = Optional.of(runs.resolve(runId, null));
        } else if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset is required (or run): the dataset whose posts to read");
        } else {
            run = runs.latest(dataset);
        }
        String ds = run.map(DetectionResult::dataset).orElse(dataset);
        if (dataset != null && !dataset.isBlank() && !dataset.equals(ds)) {
            throw new IllegalArgumentException("run " + runId + " is of dataset '" + ds + "', not '" + dataset + "'");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("value", value);
        params.put("dataset", ds);
        params.put("run", run.map(DetectionResult::runId).orElse(null));
        List<Record> rows;
        try (var session = driver.session()) {
            rows = session.executeRead(tx -> tx.run(kind.match + POSTS, params).list());
        }
        return tally(kind, value, ds, run.map(DetectionResult::runId).orElse(null), rows);
    }

    /**
     * Hashtags are stored case-folded without '#'; a line loses a trailing ellipsis (a shortened shared text, as
     * detection's near-text objects and cluster names show it, is looked for by what is left); links as given.
     */
    static String normalise(Kind kind, String value) {
        String v = value.strip();
        return switch (kind) {
            case hashtag -> (v.startsWith("#") ? v.substring(1) : v).toLowerCase(Locale.ROOT);
            case text -> v.replaceFirst("(…|\\.\\.\\.)$", "").strip();
            default -> v;
        };
    }

    /** The bucket width for a span: the smallest of {@link #WIDTHS} giving at most {@link #MAX_BUCKETS}. */
    static long bucketWidth(long spanSeconds) {
        for (long w : WIDTHS) {
            if (spanSeconds / w + 1 <= MAX_BUCKETS) {
                return w;
            }
        }
        return Math.max(1, spanSeconds / MAX_BUCKETS + 1);
    }

    private Campaign tally(Kind kind, String value, String dataset, String run, List<Record> rows) {
        double threshold = DetectionService.defaultThreshold();
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (Record r : rows) {
            long at = r.get("at").asLong();
            lo = Math.min(lo, at);
            hi = Math.max(hi, at);
        }
        long width = rows.isEmpty() ? 0 : bucketWidth(hi - lo);
        long start = rows.isEmpty() ? 0 : Math.floorDiv(lo, width) * width; // buckets on round times
        int n = rows.isEmpty() ? 0 : (int) ((hi - start) / width + 1);
        long[] volume = new long[n];
        long[] hours = new long[24];
        final class Part {
            final String id;
            final double score;
            final long[] volume = new long[n];
            final Map<String, Long> accounts = new HashMap<>();
            long posts;

            Part(String id, double score) {
                this.id = id;
                this.score = score;
            }
        }
        final class Account {
            String screenName;
            String cluster;
            long posts;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
        }
        Map<String, Part> parts = new HashMap<>();
        Map<String, Account> accounts = new HashMap<>();
        long suspectPosts = 0;
        for (Record r : rows) {
            long at = r.get("at").asLong();
            int bucket = (int) ((at - start) / width);
            volume[bucket]++;
            hours[(int) Math.floorMod(at, 86_400L) / 3600]++;
            String id = r.get("account").asString();
            Account acc = accounts.computeIfAbsent(id, k -> new Account());
            acc.screenName = r.get("screenName").asString(null);
            acc.posts++;
            acc.first = Math.min(acc.first, at);
            acc.last = Math.max(acc.last, at);
            String cluster = r.get("cluster").asString(null);
            if (cluster != null) {
                acc.cluster = cluster;
                double score = r.get("score").asDouble(0);
                Part part = parts.computeIfAbsent(cluster, k -> new Part(k, score));
                part.volume[bucket]++;
                part.posts++;
                part.accounts.merge(id, 1L, Long::sum);
                if (score >= threshold) {
                    suspectPosts++;
                }
            }
        }
        long total = rows.size();
        List<ClusterShare> shares = parts.values().stream()
                .sorted(Comparator.comparingLong((Part p) -> p.posts).reversed().thenComparing(p -> p.id))
                .map(p -> new ClusterShare(
                        p.id,
                        clusters.summary(p.id).name(),
                        p.score,
                        p.score >= threshold,
                        p.posts,
                        p.accounts.size(),
                        (double) p.posts / total,
                        longs(p.volume)))
                .toList();
        List<Backer> backers = accounts.entrySet().stream()
                .filter(e -> e.getValue().cluster != null)
                .sorted(Comparator.comparingLong((Map.Entry<String, Account> e) -> e.getValue().posts)
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(BACKERS)
                .map(e -> {
                    Account a = e.getValue();
                    return new Backer(
                            e.getKey(),
                            a.screenName,
                            a.cluster,
                            parts.get(a.cluster).score >= threshold,
                            a.posts,
                            Instant.ofEpochSecond(a.first).toString(),
                            Instant.ofEpochSecond(a.last).toString());
                })
                .toList();
        List<Integer> peaks = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (hours[h] > 0) {
                peaks.add(h);
            }
        }
        peaks.sort(Comparator.comparingLong((Integer h) -> hours[h]).reversed().thenComparing(h -> h));
        return new Campaign(
                kind.name(),
                value,
                dataset,
                run,
                total,
                accounts.size(),
                suspectPosts,
                total == 0 ? 0 : (double) suspectPosts / total,
                threshold,
                rows.isEmpty() ? null : Instant.ofEpochSecond(start).toString(),
                rows.isEmpty() ? null : Instant.ofEpochSecond(start + n * width).toString(),
                width,
                longs(volume),
                longs(hours),
                List.copyOf(peaks.subList(0, Math.min(3, peaks.size()))),
                shares,
                backers);
    }

    private static List<Long> longs(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}

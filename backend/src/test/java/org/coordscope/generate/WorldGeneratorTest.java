package org.coordscope.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small world (2,000 accounts, 6 groups, 40,000 tweets) written once and read back by every test. */
class WorldGeneratorTest {

    private static final WorldSpec SPEC = WorldSpec.builder(2_000, 6, 42).build();
    private static final Pattern HASHED = Pattern.compile("[A-Za-z0-9+/]{43}=");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @TempDir
    static Path dir;

    static WorldGenerator.Summary summary;
    static List<String> tweetHeader;
    static List<CSVRecord> tweets;
    static List<CSVRecord> users;
    static Map<String, String> truth;
    static List<CSVRecord> groups;

    @BeforeAll
    static void generate() throws IOException {
        summary = new WorldGenerator(SPEC).write(dir.resolve("a"));
        try (CSVParser p = parse(dir.resolve("a/tweets.csv"))) {
            tweetHeader = p.getHeaderNames();
            tweets = p.getRecords();
        }
        try (CSVParser p = parse(dir.resolve("a/users.csv"))) {
            users = p.getRecords();
        }
        truth = new HashMap<>();
        try (CSVParser p = parse(dir.resolve("a/truth.csv"))) {
            for (CSVRecord r : p) {
                assertThat(truth.put(r.get("account_id"), r.get("group")))
                        .as("one truth row per account")
                        .isNull();
            }
        }
        try (CSVParser p = parse(dir.resolve("a/groups.csv"))) {
            groups = p.getRecords();
        }
    }

    private static CSVParser parse(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVParser.parse(
                reader,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get());
    }

    @Test
    void sameSeedWritesIdenticalBytes() throws IOException {
        new WorldGenerator(SPEC).write(dir.resolve("b"));
        for (String file : List.of("tweets.csv", "users.csv", "truth.csv", "groups.csv")) {
            assertThat(Files.mismatch(
                            dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)))
                    .as(file)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void otherSeedWritesOtherWorld() throws IOException {
        WorldSpec other = WorldSpec.builder(2_000, 6, 43).build();
        new WorldGenerator(other).write(dir.resolve("c"));
        assertThat(Files.mismatch(dir.resolve("a/tweets.csv"), dir.resolve("c/tweets.csv")))
                .isNotEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("a/truth.csv"), dir.resolve("c/truth.csv")))
                .isNotEqualTo(-1L);
    }

    @Test
    void tweetsHaveTheArchiveColumnsAndConventions() {
        assertThat(tweetHeader)
                .containsExactlyElementsOf(WorldGenerator.TWEET_COLUMNS)
                .hasSize(31);
        assertThat(tweets).hasSize((int) SPEC.tweets());
        assertThat(summary.tweets()).isEqualTo(SPEC.tweets());
        Set<String> ids = new HashSet<>();
        long previous = Long.MIN_VALUE;
        boolean floatCounts = false;
        boolean intCounts = false;
        for (CSVRecord r : tweets) {
            assertThat(r.size()).isEqualTo(31);
            assertThat(ids.add(r.get("tweetid"))).as("unique tweet ids").isTrue();
            long id = Long.parseLong(r.get("tweetid"));
            assertThat(id).as("rows in time order").isGreaterThanOrEqualTo(previous);
            previous = id;
            LocalDateTime minute = LocalDateTime.parse(r.get("tweet_time"), MINUTE);
            long millis = Snowflake.millis(id);
            assertThat(minute.toInstant(ZoneOffset.UTC).toEpochMilli() / 60_000)
                    .as("id carries the minute")
                    .isEqualTo(millis / 60_000);
            assertThat(r.get("account_creation_date")).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(r.get("is_retweet")).isIn("True", "False");
            assertThat(r.get("latitude")).isEqualTo("absent");
            assertThat(r.get("longitude")).isEqualTo("absent");
            assertThat(r.get("poll_choices")).isEmpty();
            for (String c : List.of("quote_count", "reply_count", "like_count", "retweet_count")) {
                assertThat(r.get(c)).matches("\\d+(\\.0)?");
                floatCounts |= r.get(c).endsWith(".0");
                intCounts |= !r.get(c).endsWith(".0");
            }
            for (String c : List.of("hashtags", "urls", "user_mentions")) {
                assertThat(r.get(c)).startsWith("[").endsWith("]");
            }
            assertThat(r.get("hashtags")).doesNotContain("#");
            if (!r.get("urls").equals("[]")) {
                assertThat(r.get("urls")).startsWith("['http");
            }
        }
        assertThat(floatCounts).as("some counts written 0.0").isTrue();
        assertThat(intCounts).as("some counts written as integers").isTrue();
    }

    @Test
    void retweetsAreClassicRetweetsOfKnownPosts() {
        Set<String> inFile = new HashSet<>();
        for (CSVRecord r : tweets) {
            inFile.add(r.get("tweetid"));
        }
        Set<String> accounts = truth.keySet();
        int outside = 0;
        int inside = 0;
        for (CSVRecord r : tweets) {
            if (r.get("is_retweet").equals("False")) {
                assertThat(r.get("retweet_tweetid")).isEmpty();
                continue;
            }
            assertThat(r.get("tweet_text")).startsWith("RT @");
            assertThat(r.get("retweet_userid")).isNotEmpty().isNotEqualTo(r.get("userid"));
            assertThat(r.get("retweet_tweetid")).isNotEmpty();
            assertThat(r.get("user_mentions")).contains(r.get("retweet_userid"));
            assertThat(Long.parseLong(r.get("retweet_tweetid")))
                    .as("retweeted after the original")
                    .isLessThan(Long.parseLong(r.get("tweetid")));
            if (inFile.contains(r.get("retweet_tweetid"))) {
                inside++;
            } else {
                outside++;
                assertThat(accounts)
                        .as("outside originals are by accounts outside the world")
                        .doesNotContain(r.get("retweet_userid"));
            }
        }
        assertThat(outside).as("retweets of originals missing from the file").isGreaterThan(100);
        assertThat(inside).as("retweets of originals in the file").isGreaterThan(100);
    }

    @Test
    void truthCoversEveryAccountAndOnlyThem() {
        Set<String> userIds = new HashSet<>();
        for (CSVRecord u : users) {
            assertThat(u.size()).isEqualTo(10);
            userIds.add(u.get("userid"));
        }
        assertThat(users).hasSize(SPEC.accounts());
        assertThat(userIds).hasSize(SPEC.accounts()).isEqualTo(truth.keySet());
        Set<String> posting = new HashSet<>();
        for (CSVRecord r : tweets) {
            posting.add(r.get("userid"));
        }
        assertThat(truth.keySet()).containsAll(posting);
        assertThat(posting).as("every account posts at least once").hasSize(SPEC.accounts());

        Map<String, Integer> sizes = new HashMap<>();
        for (String g : truth.values()) {
            assertThat(g).matches("organic|g0[1-6]");
            sizes.merge(g, 1, Integer::sum);
        }
        assertThat(sizes).hasSize(7);
        sizes.forEach((g, n) -> {
            if (!g.equals("organic")) {
                assertThat(n).as(g).isBetween(8, 60);
            }
        });
        assertThat(groups).hasSize(6);
    }

    @Test
    void amplifiedAccountsAreNotGroupMembers() {
        int inWorld = 0;
        for (CSVRecord g : groups) {
            String[] targets = g.get("targets").split(";");
            String[] where = g.get("targets_in_world").split(";");
            for (int i = 0; i < targets.length; i++) {
                if (where[i].equals("yes")) {
                    inWorld++;
                    assertThat(truth.get(targets[i])).isEqualTo("organic");
                } else {
                    assertThat(truth).doesNotContainKey(targets[i]);
                }
            }
        }
        assertThat(inWorld).isPositive();
    }

    @Test
    void hashedIdsLookLikeTheArchive() {
        int hashed = 0;
        boolean slash = false;
        boolean plus = false;
        boolean leadingPlus = false;
        for (CSVRecord u : users) {
            String id = u.get("userid");
            if (HASHED.matcher(id).matches()) {
                hashed++;
                slash |= id.contains("/");
                plus |= id.contains("+");
                leadingPlus |= id.startsWith("+");
                assertThat(u.get("user_screen_name")).isEqualTo(id);
                assertThat(u.get("user_display_name")).isEqualTo(id);
                assertThat(u.get("user_profile_url")).isEmpty();
                assertThat(Integer.parseInt(u.get("follower_count"))).isLessThan(5_000);
            } else {
                assertThat(id).matches("[1-9]\\d*");
            }
        }
        assertThat(hashed).isBetween(SPEC.accounts() / 5, SPEC.accounts() * 4 / 5);
        assertThat(slash).isTrue();
        assertThat(plus).isTrue();
        assertThat(leadingPlus).isTrue();
    }

    /**
     * The planted behaviour: members of a group retweet the same post within 60 seconds far more often than
     * organic accounts do, and in every fast group most member pairs do it at least three times. Fails if
     * groups were not planted or not synchronised.
     */
    @Test
    void groupMembersRetweetTogether() {
        Map<String, List<long[]>> byOriginal = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>(truth.keySet());
        ids.sort(null);
        for (String id : ids) {
            index.put(id, index.size());
        }
        for (CSVRecord r : tweets) {
            if (r.get("is_retweet").equals("True")) {
                byOriginal
                        .computeIfAbsent(r.get("retweet_tweetid"), k -> new ArrayList<>())
                        .add(new long[] {Snowflake.millis(Long.parseLong(r.get("tweetid"))), index.get(r.get("userid"))
                        });
            }
        }
        Map<Long, Integer> coRetweets = new HashMap<>();
        for (List<long[]> actions : byOriginal.values()) {
            actions.sort((x, y) -> Long.compare(x[0], y[0]));
            for (int i = 0; i < actions.size(); i++) {
                for (int j = i + 1; j < actions.size() && actions.get(j)[0] - actions.get(i)[0] <= 60_000; j++) {
                    long a = Math.min(actions.get(i)[1], actions.get(j)[1]);
                    long b = Math.max(actions.get(i)[1], actions.get(j)[1]);
                    coRetweets.merge(a * 1_000_000 + b, 1, Integer::sum);
                }
            }
        }
        String[] label = new String[ids.size()];
        for (String id : ids) {
            label[index.get(id)] = truth.get(id);
        }
        long sameGroupPairs = 0;
        long organicPairs = 0;
        Map<String, Integer> size = new HashMap<>();
        for (String g : label) {
            size.merge(g, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : size.entrySet()) {
            long pairs = (long) e.getValue() * (e.getValue() - 1) / 2;
            if (e.getKey().equals("organic")) {
                organicPairs = pairs;
            } else {
                sameGroupPairs += pairs;
            }
        }
        long sameGroupCoActs = 0;
        long organicCoActs = 0;
        Map<String, Integer> strongPairs = new HashMap<>();
        for (Map.Entry<Long, Integer> e : coRetweets.entrySet()) {
            String a = label[(int) (e.getKey() / 1_000_000)];
            String b = label[(int) (e.getKey() % 1_000_000)];
            if (a.equals("organic") && b.equals("organic")) {
                organicCoActs += e.getValue();
            } else if (a.equals(b)) {
                sameGroupCoActs += e.getValue();
                if (e.getValue() >= 3) {
                    strongPairs.merge(a, 1, Integer::sum);
                }
            }
        }
        double perGroupPair = (double) sameGroupCoActs / sameGroupPairs;
        double perOrganicPair = (double) organicCoActs / organicPairs;
        assertThat(perGroupPair)
                .as("co-retweets within 60 s per pair: groups vs organic")
                .isGreaterThan(1.0)
                .isGreaterThan(50 * perOrganicPair);
        for (CSVRecord g : groups) {
            if (g.get("mode").equals("fast")) {
                int n = Integer.parseInt(g.get("size"));
                assertThat(strongPairs.getOrDefault(g.get("group"), 0))
                        .as(g.get("group") + " pairs with 3+ co-retweets")
                        .isGreaterThanOrEqualTo(n * (n - 1) / 2 / 3);
            }
        }
    }

    @Test
    void fastGroupsRetweetWithinTheSameOrAdjacentMinute() {
        Map<String, Set<String>> fast = new HashMap<>();
        for (CSVRecord g : groups) {
            if (g.get("mode").equals("fast")) {
                fast.put(g.get("group"), Set.of(g.get("targets").split(";")));
            }
        }
        assertThat(fast).isNotEmpty();
        Map<String, long[]> span = new HashMap<>();
        for (CSVRecord r : tweets) {
            String g = truth.get(r.get("userid"));
            // retweets of the group's targets; other retweets are camouflage at human delays
            if (fast.containsKey(g)
                    && r.get("is_retweet").equals("True")
                    && fast.get(g).contains(r.get("retweet_userid"))) {
                long minute = LocalDateTime.parse(r.get("tweet_time"), MINUTE).toEpochSecond(ZoneOffset.UTC) / 60;
                span.merge(g + "/" + r.get("retweet_tweetid"), new long[] {minute, minute, 1}, (x, y) ->
                        new long[] {Math.min(x[0], y[0]), Math.max(x[1], y[1]), x[2] + y[2]});
            }
        }
        int waves = 0;
        for (long[] s : span.values()) {
            if (s[2] >= 3) {
                waves++;
                assertThat(s[1] - s[0]).isLessThanOrEqualTo(1);
            }
        }
        assertThat(waves).isGreaterThanOrEqualTo(3 * fast.size());
    }

    @Test
    void breakingNewsStormsHaveHundredsOfOrganicRetweetsInHalfAnHour() {
        Map<String, List<Long>> organicRetweets = new HashMap<>();
        for (CSVRecord r : tweets) {
            if (r.get("is_retweet").equals("True") && truth.get(r.get("userid")).equals("organic")) {
                organicRetweets
                        .computeIfAbsent(r.get("retweet_tweetid"), k -> new ArrayList<>())
                        .add(Snowflake.millis(Long.parseLong(r.get("tweetid"))));
            }
        }
        int storms = 0;
        for (List<Long> times : organicRetweets.values()) {
            times.sort(null);
            for (int i = 0; i + 99 < times.size(); i++) {
                if (times.get(i + 99) - times.get(i) <= 30 * 60_000) {
                    storms++;
                    break;
                }
            }
        }
        assertThat(storms).isGreaterThanOrEqualTo(SPEC.storms());
    }

    @Test
    void groupsPostNearDuplicatesNotJustCopies() {
        Map<String, List<Set<String>>> texts = new HashMap<>();
        for (CSVRecord r : tweets) {
            String g = truth.get(r.get("userid"));
            if (!g.equals("organic") && r.get("is_retweet").equals("False")) {
                texts.computeIfAbsent(g, k -> new ArrayList<>()).add(words(r.get("tweet_text")));
            }
        }
        assertThat(texts).hasSize(6);
        for (Map.Entry<String, List<Set<String>>> e : texts.entrySet()) {
            int near = 0;
            List<Set<String>> list = e.getValue();
            for (int i = 0; i < list.size() && near < 5; i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    double jaccard = jaccard(list.get(i), list.get(j));
                    if (jaccard >= 0.6 && jaccard < 1) {
                        near++;
                        break;
                    }
                }
            }
            assertThat(near).as(e.getKey() + " near-duplicate texts").isGreaterThanOrEqualTo(5);
        }
    }

    private static Set<String> words(String text) {
        Set<String> w = new HashSet<>(Arrays.asList(text.toLowerCase().split("\\s+")));
        w.removeIf(t -> t.startsWith("https://t.co/"));
        return w;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }
}

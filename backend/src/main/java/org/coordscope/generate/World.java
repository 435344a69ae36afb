package org.coordscope.generate;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The population of a generated world and everything fixed before the first tweet: accounts (as compact
 * parallel arrays, about 60 bytes each, so memory follows the number of accounts and never the number of
 * tweets), accounts outside the world that posts refer to, the planted groups, the vocabularies and the pool
 * of retweetable posts. Author refs are ints: {@code >= 0} an account of the world, {@code < 0} the
 * external account {@code -1 - ref}.
 */
final class World {

    static final byte ORGANIC = 0;
    static final byte NEWS = 1;
    static final byte CELEB = 2;
    static final byte OFFICIAL = 3;
    static final byte MEMBER = 4;

    static final int HASHED = 1;
    static final int FLOAT_COUNTS = 1 << 1;
    static final int DEFAULT_HANDLE = 1 << 2;
    static final int BIO_EMPTY = 1 << 3;
    static final int BIO_TEMPLATED = 1 << 4;
    static final int BURST = 1 << 5;
    static final int TOOL = 1 << 6;
    static final int FEW_FOLLOWERS = 1 << 7;
    static final int HIGH_RT = 1 << 8;

    /** Every client name: the organic ones first (weighted by {@link Lexicon#CLIENT_WEIGHTS}), then group tools. */
    static final String[] CLIENT_NAMES;

    private static final double[] ORGANIC_CLIENT_CUM = Rand.cumulative(Lexicon.CLIENT_WEIGHTS);
    private static final double[] LANG_CUM = Rand.cumulative(Lexicon.ACCOUNT_LANG_WEIGHTS);
    /** Activity by hour of day (UTC), for people; schedulers ignore it. */
    private static final double[] HOUR_CUM = Rand.cumulative(new double[] {
        0.35, 0.25, 0.18, 0.12, 0.1, 0.14, 0.3, 0.55, 0.8, 0.95, 1, 1, 1.05, 1, 1, 1, 1.02, 1.08, 1.15, 1.25, 1.3, 1.25,
        0.95, 0.6
    });

    static {
        LinkedHashSet<String> names = new LinkedHashSet<>(List.of(Lexicon.CLIENTS));
        names.addAll(List.of(Lexicon.GROUP_TOOLS));
        CLIENT_NAMES = names.toArray(String[]::new);
    }

    final WorldSpec spec;
    final long startMs;
    final long endMs;
    final int startDay;
    /** Salt of the hashed ids, so two seeds never share a hash. */
    final String hashSalt;

    final int n;
    final long[] numericId;
    final int[] followers;
    final int[] following;
    final int[] createdDay;
    final int[] flags;
    final int[] budget;
    final byte[] role;
    final byte[] client;
    final byte[] client2;
    final byte[] lang;
    final byte[] nameVariant;
    final short[] group;
    final long[] seed;
    final float[] rtShare;
    /** The idol whose posts this fan retweets in its fan cluster, or {@link Integer#MIN_VALUE}. */
    final int[] fanOf;

    final int ext;
    final long[] extId;
    final int[] extFollowers;
    final int[] extFollowing;
    final int[] extCreatedDay;
    final byte[] extRole;
    final long[] extSeed;

    /** Plain organic accounts (not popular, not officials): the crowd of storms and fan clusters. */
    final int[] organic;

    final int[] officials;
    /** Every author of pool posts: officials and popular accounts, in the world and outside. */
    final int[] authors;

    final GroupPlan[] groups;
    /** Per group: how it behaves (planned before sizes, as small groups have their own). */
    private final GroupKind[] kinds;

    /** Small groups' sizes (issue 14: the armies of a dozen accounts that scores used to drop). */
    static final int SMALL_MIN = 8;

    static final int SMALL_MAX = 15;
    /** Organic decoys, for the truth file: what an organic account took part in (the last one planned). */
    static final byte DECOY_NONE = 0;

    static final byte DECOY_STORM = 1;
    static final byte DECOY_FAN = 2;
    static final byte DECOY_HASHTAG_STORM = 3;
    static final byte DECOY_PROVERB = 4;
    static final String[] DECOY_LABELS = {"organic", "storm", "fan", "hashtag-storm", "proverb"};

    /** Per account: {@link #DECOY_NONE} or the organic crowd it joined. */
    final byte[] decoy;

    final String[] hashtags;
    final double[] hashtagCum;
    /** Canonical news URLs (Zipf-popular), their headlines and publication days. */
    final String[] newsUrls;

    final String[] newsHeadline;
    final int[] newsDay;
    final double[] newsCum;
    private final int earliestNews;

    private static final int FIRST_YEAR = 2007;
    private double[] yearCum;

    final Profiles profiles;
    final PostPool pool;
    final int epochBits;

    World(WorldSpec spec, SplittableRandom rng) {
        this.spec = spec;
        this.startMs = spec.start().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        this.endMs = startMs + spec.days() * 86_400_000L;
        this.startDay = (int) spec.start().toEpochDay();
        this.hashSalt = Long.toHexString(rng.nextLong());
        this.n = spec.accounts();
        int k = spec.groups();

        // 0. kinds, when the spec names them: in turn over a seeded order of the groups
        kinds = new GroupKind[k];
        if (!spec.kinds().isEmpty()) {
            int[] turn = new int[k];
            for (int g = 0; g < k; g++) {
                turn[g] = g;
            }
            Rand.shuffle(rng, turn);
            for (int j = 0; j < k; j++) {
                kinds[turn[j]] = spec.kinds().get(j % spec.kinds().size());
            }
        }

        // 1. group sizes, log-uniform, shrunk to fit the share of accounts groups may take
        int[] sizes = new int[k];
        long sum = 0;
        for (int g = 0; g < k; g++) {
            int s = kinds[g] == GroupKind.SMALL
                    ? SMALL_MIN + rng.nextInt(SMALL_MAX - SMALL_MIN + 1)
                    : (int) Math.floor(Rand.logUniform(rng, spec.minGroupSize(), spec.maxGroupSize() + 1));
            sizes[g] =
                    kinds[g] == GroupKind.SMALL ? s : Math.max(spec.minGroupSize(), Math.min(spec.maxGroupSize(), s));
            sum += sizes[g];
        }
        int capacity = (int) Math.floor(spec.maxGroupedShare() * n);
        if (sum > capacity) {
            double f = (double) capacity / sum;
            sum = 0;
            for (int g = 0; g < k; g++) {
                sizes[g] = Math.max(spec.minGroupSize(), (int) (sizes[g] * f));
                sum += sizes[g];
            }
            for (int g = 0; sum > capacity; g = (g + 1) % k) {
                if (sizes[g] > spec.minGroupSize()) {
                    sizes[g]--;
                    sum--;
                }
            }
        }

        // 2. who is who: a random permutation, so account order reveals nothing
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Rand.shuffle(rng, perm);
        role = new byte[n];
        group = new short[n];
        Arrays.fill(group, (short) -1);
        int[][] members = new int[k][];
        int at = 0;
        for (int g = 0; g < k; g++) {
            members[g] = new int[sizes[g]];
            for (int m = 0; m < sizes[g]; m++) {
                int a = perm[at++];
                members[g][m] = a;
                role[a] = MEMBER;
                group[a] = (short) g;
            }
        }
        int organicTotal = n - at;
        int officialCount = k == 0 ? 1 : Math.max(2, (int) Math.ceil(0.6 * k));
        int officialsIn = Math.max(1, Math.min((officialCount + 1) / 2, organicTotal / 20));
        int officialsOut = Math.max(0, officialCount - officialsIn);
        int popularIn = Math.max(3, Math.min(organicTotal / 10, (int) Math.round(organicTotal * spec.popularShare())));
        int popularOut = Math.max(3, Math.min(200, popularIn / 2));
        IntArrayList officialList = new IntArrayList();
        IntArrayList authorList = new IntArrayList();
        for (int j = 0; j < officialsIn; j++) {
            int a = perm[at++];
            role[a] = OFFICIAL;
            officialList.add(a);
            authorList.add(a);
        }
        for (int j = 0; j < popularIn; j++) {
            int a = perm[at++];
            role[a] = Rand.chance(rng, 0.4) ? NEWS : CELEB;
            authorList.add(a);
        }
        organic = Arrays.copyOfRange(perm, at, n);
        Arrays.sort(organic);

        // 3. accounts outside the world: officials the groups amplify, news outlets and celebrities
        ext = officialsOut + popularOut;
        extId = new long[ext];
        extFollowers = new int[ext];
        extFollowing = new int[ext];
        extCreatedDay = new int[ext];
        extRole = new byte[ext];
        extSeed = new long[ext];
        for (int e = 0; e < ext; e++) {
            extRole[e] = e < officialsOut ? OFFICIAL : Rand.chance(rng, 0.5) ? NEWS : CELEB;
            extFollowers[e] = popularFollowers(rng, extRole[e]);
            extFollowing[e] = (int) Math.min(20_000, Rand.logNormal(rng, 600, 1.3));
            extCreatedDay[e] = (int) LocalDate.of(2008, 1, 1).toEpochDay() + rng.nextInt(6 * 365);
            extSeed[e] = rng.nextLong();
            if (e < officialsOut) {
                officialList.add(-1 - e);
            }
            authorList.add(-1 - e);
        }
        officials = officialList.toIntArray();
        authors = authorList.toIntArray();

        // 4. group personas: mode, timing, tool, creation bursts
        int fastGroups = (int) Math.round(k * spec.fastShare());
        int[] order = new int[k];
        for (int g = 0; g < k; g++) {
            order[g] = g;
        }
        Rand.shuffle(rng, order);
        boolean[] fast = new boolean[k];
        for (int j = 0; j < fastGroups; j++) {
            fast[order[j]] = true;
        }
        for (int g = 0; g < k; g++) {
            if (kinds[g] == null) {
                kinds[g] = fast[g] ? GroupKind.FAST : GroupKind.SPREAD;
            }
            fast[g] = kinds[g].fast();
        }
        int[] tool = new int[k];
        int[][] burstDay = new int[k][];
        int[][] burstWidth = new int[k][];
        String[] location = new String[k];
        for (int g = 0; g < k; g++) {
            tool[g] = rng.nextInt(Lexicon.GROUP_TOOLS.length);
            int bursts = Rand.chance(rng, 0.6) ? 1 : 2;
            burstDay[g] = new int[bursts];
            burstWidth[g] = new int[bursts];
            for (int b = 0; b < bursts; b++) {
                burstDay[g][b] = startDay - 20 - rng.nextInt(520);
                burstWidth[g][b] = 2 + rng.nextInt(5);
            }
            location[g] = Rand.pick(rng, Lexicon.LOCATIONS);
        }

        // 5. account attributes
        numericId = new long[n];
        followers = new int[n];
        following = new int[n];
        createdDay = new int[n];
        flags = new int[n];
        budget = new int[n];
        client = new byte[n];
        client2 = new byte[n];
        lang = new byte[n];
        nameVariant = new byte[n];
        seed = new long[n];
        rtShare = new float[n];
        fanOf = new int[n];
        Arrays.fill(fanOf, Integer.MIN_VALUE);
        decoy = new byte[n];
        double traits = spec.traitShare();
        yearCum = yearWeights(spec.start().getYear());
        for (int a = 0; a < n; a++) {
            seed[a] = rng.nextLong();
            int f = Rand.chance(rng, 0.35) ? FLOAT_COUNTS : 0;
            client2[a] = (byte) Rand.index(rng, ORGANIC_CLIENT_CUM);
            lang[a] = (byte) Rand.index(rng, LANG_CUM);
            double u = rng.nextDouble();
            switch (role[a]) {
                case MEMBER -> {
                    int g = group[a];
                    if (Rand.chance(rng, traits)) {
                        f |= BURST;
                        int b = rng.nextInt(burstDay[g].length);
                        createdDay[a] = burstDay[g][b] + rng.nextInt(burstWidth[g][b]);
                    } else {
                        createdDay[a] = organicCreationDay(rng);
                    }
                    if (Rand.chance(rng, traits)) {
                        f |= TOOL;
                        client[a] = (byte) clientIndex(Lexicon.GROUP_TOOLS[tool[g]]);
                    } else {
                        client[a] = (byte) Rand.index(rng, ORGANIC_CLIENT_CUM);
                    }
                    if (Rand.chance(rng, traits)) {
                        f |= FEW_FOLLOWERS;
                        followers[a] = (int) Math.min(4_999, Rand.logNormal(rng, 35, 1.0));
                        following[a] = (int) Math.min(5_000, Rand.logNormal(rng, 700, 0.6));
                    } else {
                        followers[a] = (int) Math.min(20_000, Rand.logNormal(rng, 180, 1.3));
                        following[a] = organicFollowing(rng, followers[a]);
                    }
                    if (Rand.chance(rng, traits)) {
                        f |= Rand.chance(rng, 0.45) ? BIO_EMPTY : BIO_TEMPLATED;
                    }
                    if (Rand.chance(rng, traits * 0.8)) {
                        f |= DEFAULT_HANDLE;
                    }
                    if (Rand.chance(rng, traits)) {
                        f |= HIGH_RT;
                        rtShare[a] = (float) (0.7 + 0.25 * u);
                    } else {
                        rtShare[a] = (float) (0.25 + 0.35 * u);
                    }
                    if (Rand.chance(rng, 0.9)) {
                        lang[a] = 0;
                    }
                }
                case ORGANIC -> {
                    createdDay[a] = organicCreationDay(rng);
                    client[a] = (byte) Rand.index(rng, ORGANIC_CLIENT_CUM);
                    followers[a] = (int) Math.min(150_000, Rand.logNormal(rng, 180, 1.5));
                    following[a] = organicFollowing(rng, followers[a]);
                    if (Rand.chance(rng, 0.08)) {
                        f |= DEFAULT_HANDLE;
                    }
                    if (Rand.chance(rng, 0.25)) {
                        f |= BIO_EMPTY;
                    }
                    rtShare[a] = (float) (0.05 + 0.85 * StrictMath.pow(u, 1.4));
                }
                default -> {
                    createdDay[a] = (int) LocalDate.of(2008, 1, 1).toEpochDay() + rng.nextInt(7 * 365);
                    client[a] = (byte) clientIndex(Rand.pick(
                            rng,
                            role[a] == NEWS
                                    ? new String[] {
                                        "Twitter Web App",
                                        "TweetDeck",
                                        "Hootsuite Inc.",
                                        "dlvr.it",
                                        "Sprout Social",
                                        "Twitter Media Studio"
                                    }
                                    : new String[] {
                                        "Twitter for iPhone",
                                        "Twitter Web App",
                                        "TweetDeck",
                                        "Twitter Media Studio",
                                        "Twitter for Android"
                                    }));
                    followers[a] = popularFollowers(rng, role[a]);
                    following[a] = (int) Math.min(20_000, Rand.logNormal(rng, 600, 1.3));
                    rtShare[a] = (float) (0.15 * u);
                    lang[a] = 0;
                }
            }
            if (followers[a] < 5_000 && Rand.chance(rng, spec.hashedShare())) {
                f |= HASHED;
            }
            flags[a] = f;
        }

        // 6. numeric ids: before the end of 2013 from Twitter's id growth, later as Snowflake ids
        LongOpenHashSet used = new LongOpenHashSet(n + ext);
        for (int e = 0; e < ext; e++) {
            extId[e] = uniqueUserId(rng, used, extCreatedDay[e], e);
        }
        int userBits = Snowflake.epochBits(n + ext);
        for (int a = 0; a < n; a++) {
            numericId[a] = uniqueUserId(rng, used, createdDay[a], ext + a, userBits);
        }

        // 7. budgets: heavy-tailed activity, exactly spec.tweets() in all, at least one each
        double[] weights = new double[n];
        double total = 0;
        for (int a = 0; a < n; a++) {
            weights[a] = switch (role[a]) {
                case NEWS -> Rand.logNormal(rng, 12, 0.7);
                case CELEB -> Rand.logNormal(rng, 6, 0.8);
                case OFFICIAL -> Rand.logNormal(rng, 8, 0.5);
                case MEMBER -> Rand.logNormal(rng, 5, 0.5);
                default -> Rand.logNormal(rng, 1, 1.4);
            };
            total += weights[a];
        }
        long spare = spec.tweets() - n;
        long assigned = 0;
        for (int a = 0; a < n; a++) {
            budget[a] = 1 + (int) Math.floor(spare * weights[a] / total);
            assigned += budget[a];
        }
        for (long left = spec.tweets() - assigned; left > 0; left--) {
            budget[rng.nextInt(n)]++;
        }

        // 8. vocabularies
        hashtags = hashtagVocabulary(rng, spec.hashtagVocabulary(), spec.start().getYear());
        hashtagCum = Rand.zipf(hashtags.length, 0.9);
        newsHeadline = new String[spec.newsUrls()];
        newsDay = new int[spec.newsUrls()];
        newsUrls = newsUrls(rng, spec.newsUrls());
        newsCum = Rand.zipf(newsUrls.length, 0.8);
        int earliest = 0;
        for (int i = 1; i < newsDay.length; i++) {
            if (newsDay[i] < newsDay[earliest]) {
                earliest = i;
            }
        }
        earliestNews = earliest;

        // 9. names, made unique, then the groups' campaigns (which quote their targets' names)
        profiles = new Profiles(this);
        profiles.makeScreenNamesUnique();
        groups = new GroupPlan[k];
        int labelWidth = Math.max(2, Integer.toString(k).length());
        for (int g = 0; g < k; g++) {
            groups[g] = campaign(
                    rng,
                    g,
                    String.format(Locale.ROOT, "g%0" + labelWidth + "d", g + 1),
                    members[g],
                    kinds[g],
                    tool[g],
                    burstDay[g],
                    burstWidth[g],
                    location[g]);
        }

        // 10. retweetable posts, and the width of the tweet-id counter
        pool = new PostPool(this, rng);
        epochBits = Snowflake.epochBits(spec.tweets() + pool.externalPosts);
        pool.assignIds(epochBits);
    }

    private GroupPlan campaign(
            SplittableRandom rng,
            int g,
            String label,
            int[] members,
            GroupKind kind,
            int tool,
            int[] burstDay,
            int[] burstWidth,
            String location) {
        int targetCount =
                Math.min(officials.length, 1 + (Rand.chance(rng, 0.5) ? 1 : 0) + (Rand.chance(rng, 0.25) ? 1 : 0));
        IntArrayList targets = new IntArrayList();
        targets.add(officials[g % officials.length]);
        while (targets.size() < targetCount) {
            int t = officials[rng.nextInt(officials.length)];
            if (!targets.contains(t)) {
                targets.add(t);
            }
        }
        String topic = Rand.pick(rng, Lexicon.TOPICS);
        String place = Rand.pick(rng, Lexicon.PLACES);
        String w1 = Rand.pick(rng, Lexicon.SLOGAN_WORDS);
        String w2;
        do {
            w2 = Rand.pick(rng, Lexicon.SLOGAN_WORDS);
        } while (w2.equals(w1));
        String slogan = w1 + " " + w2;
        String last = lastWord(profiles.author(targets.getInt(0)).shortName());
        String year = Integer.toString(spec.start().getYear());
        List<String> candidates = new ArrayList<>(List.of(
                "StandWith" + last,
                last + "Delivers",
                last + year,
                camel(topic) + "Reform",
                w1 + w2,
                "Vote" + last,
                "WeSupport" + last,
                camel(place) + "First",
                last + "Works",
                "Support" + camel(topic)));
        String[] tags = new String[2 + rng.nextInt(3)];
        for (int j = 0; j < tags.length; j++) {
            tags[j] = candidates.remove(rng.nextInt(candidates.size()));
        }
        String[] domains = {Rand.pick(rng, Lexicon.CAMPAIGN_DOMAINS), Rand.pick(rng, Lexicon.CAMPAIGN_DOMAINS)};
        String[] urls = new String[3 + rng.nextInt(6)];
        String[] slugWords = {
            last.toLowerCase(Locale.ROOT),
            topic.replace(' ', '-'),
            "record",
            "results",
            "truth",
            "exposed",
            "opposition",
            "lies",
            "plan",
            "success",
            "historic",
            "reform",
            "crisis",
            "revealed",
            "report",
            "shocking",
            "support",
            "why",
            "critics",
            "wrong"
        };
        for (int j = 0; j < urls.length; j++) {
            StringBuilder slug = new StringBuilder();
            int words = 4 + rng.nextInt(4);
            for (int w = 0; w < words; w++) {
                slug.append(w == 0 ? "" : "-").append(Rand.pick(rng, slugWords));
            }
            String domain = domains[rng.nextInt(Rand.chance(rng, 0.7) ? 1 : 2)];
            urls[j] = switch (rng.nextInt(3)) {
                case 0 ->
                    "https://" + domain + "/" + year + "/" + String.format(Locale.ROOT, "%02d", 1 + rng.nextInt(12))
                            + "/" + slug + "/";
                case 1 -> "https://" + domain + "/news/" + slug + "-" + Rand.digits(rng, 5);
                default -> "https://" + domain + "/politics/" + slug + ".html";
            };
        }
        boolean fast = kind.fast();
        long lagMin = fast ? 5_000 : 60_000;
        long lagMax = fast ? 90_000 : 900_000;
        int window = fast ? 55_000 : 600_000 + rng.nextInt(600_001);
        String[] lines = new String[0];
        switch (kind) {
            case SLOW -> {
                // reactions 10-30 min after the post: the wave opens 10 min after it and runs 20 min
                lagMin = 600_000;
                lagMax = 600_000;
                window = 1_200_000;
            }
            case CAMPAIGN -> {
                // one Persian hashtag, pushed in bursts of 2-8 minutes
                tags = new String[] {Lexicon.PERSIAN_CAMPAIGN_TAGS[g % Lexicon.PERSIAN_CAMPAIGN_TAGS.length]};
                window = 120_000 + rng.nextInt(360_001);
            }
            case COPY_PASTE -> {
                int[] picks = distinct(rng, Lexicon.PERSIAN_CAMPAIGN_LINES.length, 2 + rng.nextInt(3));
                lines = new String[picks.length];
                for (int j = 0; j < picks.length; j++) {
                    lines[j] = Lexicon.PERSIAN_CAMPAIGN_LINES[picks[j]];
                }
                window = 60_000 + rng.nextInt(180_001);
            }
            default -> {}
        }
        double participation = Math.max(0.05, Math.min(1, spec.participation() * (0.8 + 0.35 * rng.nextDouble())));
        return new GroupPlan(
                g,
                label,
                members,
                kind,
                lines,
                window,
                lagMin,
                lagMax,
                targets.toIntArray(),
                topic,
                place,
                slogan,
                tags,
                urls,
                distinct(rng, Lexicon.CAMPAIGN_TEMPLATES.length, 3 + rng.nextInt(4)),
                distinct(rng, Lexicon.LINK_TEMPLATES.length, 2 + rng.nextInt(2)),
                distinct(rng, Lexicon.PRAISE_REPLIES.length, 2 + rng.nextInt(2)),
                tool,
                burstDay,
                burstWidth,
                location,
                Rand.pick(rng, Lexicon.EMOJI),
                Rand.alnum(rng, 6).toLowerCase(Locale.ROOT),
                participation);
    }

    private static int[] distinct(SplittableRandom rng, int bound, int count) {
        int[] all = new int[bound];
        for (int i = 0; i < bound; i++) {
            all[i] = i;
        }
        Rand.shuffle(rng, all);
        return Arrays.copyOf(all, Math.min(count, bound));
    }

    static String camel(String words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words.split("[ \\-]+")) {
            if (w.equals("our") || w.equals("the") || w.equals("every") || w.isEmpty()) {
                continue;
            }
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    private static String lastWord(String s) {
        int i = s.lastIndexOf(' ');
        return i < 0 ? s : s.substring(i + 1);
    }

    private static int popularFollowers(SplittableRandom rng, byte role) {
        if (role == OFFICIAL) {
            return (int) Rand.logUniform(rng, 20_000, 3_000_000);
        }
        double pareto = StrictMath.pow(1 - rng.nextDouble(), -1 / 0.9);
        return (int) Math.min(40_000_000, 5_000 * pareto);
    }

    private static int organicFollowing(SplittableRandom rng, int followers) {
        double f = Rand.logNormal(rng, 300, 1.1);
        return (int) Math.min(f, Math.max(5_000, followers * 1.1));
    }

    private static double[] yearWeights(int lastYear) {
        double[] w = new double[lastYear - FIRST_YEAR + 1];
        for (int y = FIRST_YEAR; y <= lastYear; y++) {
            w[y - FIRST_YEAR] = y == 2007 ? 1 : y == 2008 ? 2 : y <= 2012 ? 8.5 : y <= 2018 ? 6 : 8;
        }
        return Rand.cumulative(w);
    }

    /** Organic creation dates follow Twitter's growth: few in 2007, many from 2009 on, up to a week before start. */
    private int organicCreationDay(SplittableRandom rng) {
        int latest = startDay - 7;
        int day;
        do {
            int y = FIRST_YEAR + Rand.index(rng, yearCum);
            day = (int) LocalDate.of(y, 1, 1).toEpochDay() + rng.nextInt(365);
        } while (day > latest);
        return day;
    }

    private static final long[][] ID_ANCHORS = {
        {LocalDate.of(2006, 3, 21).toEpochDay(), 12},
        {LocalDate.of(2007, 1, 1).toEpochDay(), 1_000_000},
        {LocalDate.of(2008, 1, 1).toEpochDay(), 12_000_000},
        {LocalDate.of(2009, 1, 1).toEpochDay(), 19_000_000},
        {LocalDate.of(2010, 1, 1).toEpochDay(), 100_000_000},
        {LocalDate.of(2011, 1, 1).toEpochDay(), 240_000_000},
        {LocalDate.of(2012, 1, 1).toEpochDay(), 460_000_000},
        {LocalDate.of(2013, 1, 1).toEpochDay(), 1_100_000_000},
        {LocalDate.of(2013, 11, 1).toEpochDay(), 2_100_000_000}
    };

    private long uniqueUserId(SplittableRandom rng, LongOpenHashSet used, int day, int counter) {
        return uniqueUserId(rng, used, day, counter, 0);
    }

    /** A user id as Twitter would have minted it on that day, unique in the world. */
    private static long uniqueUserId(SplittableRandom rng, LongOpenHashSet used, int day, int counter, int bits) {
        long id;
        if (day < ID_ANCHORS[ID_ANCHORS.length - 1][0]) {
            int j = 0;
            while (j < ID_ANCHORS.length - 2 && day >= ID_ANCHORS[j + 1][0]) {
                j++;
            }
            double x = Math.max(0, (double) (day - ID_ANCHORS[j][0]) / (ID_ANCHORS[j + 1][0] - ID_ANCHORS[j][0]));
            double lo = StrictMath.log(ID_ANCHORS[j][1]);
            double hi = StrictMath.log(ID_ANCHORS[j + 1][1]);
            double base = StrictMath.exp(lo + (hi - lo) * x);
            double perDay = Math.max(1, base * (hi - lo) / (ID_ANCHORS[j + 1][0] - ID_ANCHORS[j][0]));
            id = Math.max(1, (long) (base + rng.nextDouble() * perDay));
        } else {
            long ms = day * 86_400_000L + (long) (rng.nextDouble() * 86_400_000L);
            id = Snowflake.id(ms, counter, bits);
        }
        while (!used.add(id)) {
            id++;
        }
        return id;
    }

    private static String[] hashtagVocabulary(SplittableRandom rng, int size, int year) {
        Set<String> lower = new java.util.HashSet<>();
        List<String> head = new ArrayList<>();
        for (String t : Lexicon.TOP_HASHTAGS) {
            if (head.size() < size && lower.add(t.toLowerCase(Locale.ROOT))) {
                head.add(t);
            }
        }
        List<String> tail = new ArrayList<>();
        int attempts = 0;
        while (head.size() + tail.size() < size && attempts++ < size * 50) {
            String t = switch (rng.nextInt(6)) {
                case 0 -> Rand.pick(rng, Lexicon.HASHTAG_STEMS) + year;
                case 1 -> camel(Rand.pick(rng, Lexicon.TOPICS)) + Rand.pick(rng, Lexicon.HASHTAG_STEMS);
                case 2 -> Rand.pick(rng, Lexicon.HASHTAG_STEMS) + camel(Rand.pick(rng, Lexicon.NOUNS));
                default -> Rand.pick(rng, Lexicon.HASHTAG_STEMS) + Rand.pick(rng, Lexicon.HASHTAG_STEMS);
            };
            if (lower.add(t.toLowerCase(Locale.ROOT))) {
                tail.add(t);
            }
        }
        for (int i = 0; head.size() + tail.size() < size; i++) {
            tail.add("Topic" + i);
        }
        String[] tailArray = tail.toArray(String[]::new);
        Rand.shuffle(rng, tailArray);
        head.addAll(List.of(tailArray));
        return head.toArray(String[]::new);
    }

    private String[] newsUrls(SplittableRandom rng, int count) {
        double[] domainCum = Rand.zipf(Lexicon.NEWS_DOMAINS.length, 0.8);
        String[] urls = new String[count];
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            String url;
            do {
                int d = Rand.index(rng, domainCum);
                String host = Lexicon.NEWS_DOMAINS[d];
                LocalDate date = spec.start().plusDays(rng.nextInt(spec.days() + 3) - 3L);
                String section = Rand.pick(rng, Lexicon.NEWS_SECTIONS);
                String headline = Texts.headline(rng);
                String slug = Texts.slug(headline);
                newsHeadline[i] = headline;
                newsDay[i] = (int) date.toEpochDay();
                url = "https://" + host
                        + switch (d % 4) {
                            case 0 ->
                                String.format(
                                        Locale.ROOT,
                                        "/%d/%02d/%02d/%s/%s.html",
                                        date.getYear(),
                                        date.getMonthValue(),
                                        date.getDayOfMonth(),
                                        section,
                                        slug);
                            case 1 -> "/news/" + section + "-" + Rand.digits(rng, 8);
                            case 2 ->
                                String.format(
                                        Locale.ROOT,
                                        "/%s/%d/%s/%02d/%s",
                                        section,
                                        date.getYear(),
                                        date.getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT),
                                        date.getDayOfMonth(),
                                        slug);
                            default -> "/" + section + "/" + slug + "-" + Rand.digits(rng, 6);
                        };
            } while (!seen.add(url));
            urls[i] = url;
        }
        return urls;
    }

    static int clientIndex(String name) {
        for (int i = 0; i < CLIENT_NAMES.length; i++) {
            if (CLIENT_NAMES[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("unknown client " + name);
    }

    /** A Zipf-popular news URL already published at {@code ms}. */
    int newsUrl(SplittableRandom r, long ms) {
        int day = (int) Math.floorDiv(ms, 86_400_000L);
        for (int tries = 0; tries < 8; tries++) {
            int i = Rand.index(r, newsCum);
            if (newsDay[i] <= day) {
                return i;
            }
        }
        return earliestNews;
    }

    /** A time in the observed period, weighted by the hour of day. */
    long diurnalTime(SplittableRandom rng) {
        long day = rng.nextInt(spec.days());
        int hour = Rand.index(rng, HOUR_CUM);
        return startMs + day * 86_400_000L + hour * 3_600_000L + rng.nextLong(3_600_000L);
    }

    byte roleOf(int author) {
        return author >= 0 ? role[author] : extRole[-1 - author];
    }

    int followersOf(int author) {
        return author >= 0 ? followers[author] : extFollowers[-1 - author];
    }

    boolean has(int account, int flag) {
        return (flags[account] & flag) != 0;
    }
}

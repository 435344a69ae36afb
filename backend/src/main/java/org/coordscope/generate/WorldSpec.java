package org.coordscope.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link WorldGenerator} builds: the size of the world, its seed, and the knobs of the behaviour it
 * plants. Build one with {@link #builder(int, int, long)}; every knob has a documented default, and the
 * constructor rejects combinations that cannot be built, with a message naming the command-line option
 * to change.
 *
 * @param accounts         accounts in the world (organic ones and group members)
 * @param groups           planted coordinated groups (0 gives a purely organic world)
 * @param tweets           rows of {@code tweets.csv}, exactly; default 20 per account
 * @param seed             the one seed everything is drawn from
 * @param start            first day of the observed period (UTC); default 2021-03-01
 * @param days             length of the observed period; default 60
 * @param minGroupSize     smallest group; default 8
 * @param maxGroupSize     largest group; default 60 (sizes are log-uniform in between)
 * @param maxGroupedShare  most of the accounts that may be group members; default 0.5
 * @param fastShare        share of groups that act within seconds of each other (same or adjacent minute);
 *                         the rest spread each action over 10–20 minutes; default 0.5
 * @param participation    mean chance that a member joins one of its group's actions; default 0.8
 * @param campaignShare    mean share of a member's tweets spent on campaign actions, the rest being
 *                         camouflage (retweets of popular posts at human delays, everyday posts); default 0.6
 * @param traitShare       chance that a member shows each give-away trait (creation-date burst, shared
 *                         client, empty or templated profile, few followers, high retweet ratio), drawn
 *                         per member and trait; default 0.75
 * @param hashedShare      share of accounts under 5,000 followers whose id and names are hashed, as the
 *                         archive does; organic accounts and members alike; default 0.5
 * @param storms           breaking-news storms (hundreds of organic accounts retweet one post within about
 *                         30 minutes); default one per 25,000 tweets, at least 2, at most 2 a day
 * @param stormSize        typical accounts in a storm; default 300 (capped at 40% of organic accounts)
 * @param fanClusters      organic fan clusters (20–100 fans retweeting the same popular account often, at
 *                         independent times); default one per 800 accounts, at least 1
 * @param popularShare     share of organic accounts that are popular authors whose posts get retweeted;
 *                         default 0.01
 * @param newsUrls         distinct news URLs organic accounts link to (Zipf over ~40 domains); default 400
 * @param hashtagVocabulary organic hashtag vocabulary (Zipf); default 2,000
 * @param kinds            the kinds of planted group, given to the groups in turn (in a seeded order); empty (the
 *                         default) gives fast and spread groups by {@code fastShare}. {@link GroupKind#SMALL}
 *                         groups have 8–15 members whatever the group sizes
 * @param hashtagStorms    organic protest storms on one Persian hashtag: hundreds of organic accounts post
 *                         original texts with it for 2–6 hours, never a quiet hour; default 0
 * @param proverbShare     share of organic accounts that post proverbs and poetry lines (the same lines many
 *                         people post, each at its own time, respelled by their keyboards); default 0
 */
public record WorldSpec(
        int accounts,
        int groups,
        long tweets,
        long seed,
        LocalDate start,
        int days,
        int minGroupSize,
        int maxGroupSize,
        double maxGroupedShare,
        double fastShare,
        double participation,
        double campaignShare,
        double traitShare,
        double hashedShare,
        int storms,
        int stormSize,
        int fanClusters,
        double popularShare,
        int newsUrls,
        int hashtagVocabulary,
        List<GroupKind> kinds,
        int hashtagStorms,
        double proverbShare) {

    public static final int DEFAULT_TWEETS_PER_ACCOUNT = 20;
    public static final long MAX_TWEETS = 100_000_000L;
    public static final int MIN_ACCOUNTS = 50;

    public WorldSpec {
        if (accounts < MIN_ACCOUNTS) {
            throw new IllegalArgumentException("--accounts must be at least " + MIN_ACCOUNTS
                    + " (groups need organic accounts to hide among); got " + accounts);
        }
        if (accounts > 20_000_000) {
            throw new IllegalArgumentException("--accounts must be at most 20,000,000; got " + accounts);
        }
        if (groups < 0 || groups > 9_999) {
            throw new IllegalArgumentException("--groups must be between 0 and 9999; got " + groups);
        }
        if (tweets < accounts) {
            throw new IllegalArgumentException("--tweets (" + tweets + ") must be at least --accounts (" + accounts
                    + "): every account posts at least once; raise --tweets or leave it out (default "
                    + DEFAULT_TWEETS_PER_ACCOUNT + " per account)");
        }
        if (tweets > MAX_TWEETS) {
            throw new IllegalArgumentException("--tweets must be at most " + MAX_TWEETS + "; got " + tweets);
        }
        if (start == null || start.getYear() < 2011 || start.getYear() > 2099) {
            throw new IllegalArgumentException(
                    "--start must be a date from 2011 on (tweet ids are Snowflake ids); got " + start);
        }
        if (days < 1 || days > 3650) {
            throw new IllegalArgumentException("--days must be between 1 and 3650; got " + days);
        }
        if (minGroupSize < 3 || maxGroupSize < minGroupSize) {
            throw new IllegalArgumentException(
                    "group sizes must satisfy 3 <= --min-group-size <= --max-group-size; got " + minGroupSize + " and "
                            + maxGroupSize);
        }
        share("maxGroupedShare", maxGroupedShare);
        share("--fast-share", fastShare);
        share("--participation", participation);
        share("--campaign-share", campaignShare);
        share("--trait-share", traitShare);
        share("--hashed-share", hashedShare);
        share("popularShare", popularShare);
        if (participation <= 0) {
            throw new IllegalArgumentException("--participation must be above 0");
        }
        if (maxGroupedShare > 0.9) {
            throw new IllegalArgumentException("at most 90% of accounts may be group members; got " + maxGroupedShare);
        }
        int capacity = (int) Math.floor(maxGroupedShare * accounts);
        long needed = (long) groups * minGroupSize;
        if (needed > capacity) {
            int maxGroups = capacity / minGroupSize;
            long minAccounts = (long) Math.ceil(needed / maxGroupedShare);
            throw new IllegalArgumentException(String.format(
                    "--groups %d with at least %d accounts each needs %d group members, but at most %.0f%% of "
                            + "--accounts %d (%d) may be in groups: raise --accounts to at least %d, lower --groups to "
                            + "at most %d, or lower --min-group-size",
                    groups, minGroupSize, needed, maxGroupedShare * 100, accounts, capacity, minAccounts, maxGroups));
        }
        if (storms < 0 || stormSize < 10 || fanClusters < 0) {
            throw new IllegalArgumentException("storms and fan clusters must not be negative, storm size at least 10");
        }
        if (newsUrls < 10 || hashtagVocabulary < 50) {
            throw new IllegalArgumentException("newsUrls must be at least 10 and hashtagVocabulary at least 50");
        }
        kinds = List.copyOf(kinds == null ? List.of() : kinds);
        if (hashtagStorms < 0) {
            throw new IllegalArgumentException("hashtagStorms must not be negative; got " + hashtagStorms);
        }
        share("proverbShare", proverbShare);
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1; got " + value);
        }
    }

    /** The end of the observed period, exclusive. */
    public LocalDate end() {
        return start.plusDays(days);
    }

    public static Builder builder(int accounts, int groups, long seed) {
        return new Builder(accounts, groups, seed);
    }

    /** Defaults for everything but size and seed; a knob left unset (or set to -1 where noted) keeps its default. */
    public static final class Builder {
        private final int accounts;
        private final int groups;
        private final long seed;
        private long tweets = -1;
        private LocalDate start = LocalDate.of(2021, 3, 1);
        private int days = 60;
        private int minGroupSize = 8;
        private int maxGroupSize = 60;
        private double maxGroupedShare = 0.5;
        private double fastShare = 0.5;
        private double participation = 0.8;
        private double campaignShare = 0.6;
        private double traitShare = 0.75;
        private double hashedShare = 0.5;
        private int storms = -1;
        private int stormSize = 300;
        private int fanClusters = -1;
        private double popularShare = 0.01;
        private int newsUrls = 400;
        private int hashtagVocabulary = 2000;
        private List<GroupKind> kinds = List.of();
        private int hashtagStorms;
        private double proverbShare;

        private Builder(int accounts, int groups, long seed) {
            this.accounts = accounts;
            this.groups = groups;
            this.seed = seed;
        }

        /** Total tweets; -1 for 20 per account. */
        public Builder tweets(long tweets) {
            this.tweets = tweets;
            return this;
        }

        public Builder start(LocalDate start) {
            this.start = start;
            return this;
        }

        public Builder days(int days) {
            this.days = days;
            return this;
        }

        public Builder groupSizes(int min, int max) {
            this.minGroupSize = min;
            this.maxGroupSize = max;
            return this;
        }

        public Builder maxGroupedShare(double share) {
            this.maxGroupedShare = share;
            return this;
        }

        public Builder fastShare(double share) {
            this.fastShare = share;
            return this;
        }

        public Builder participation(double participation) {
            this.participation = participation;
            return this;
        }

        public Builder campaignShare(double share) {
            this.campaignShare = share;
            return this;
        }

        public Builder traitShare(double share) {
            this.traitShare = share;
            return this;
        }

        public Builder hashedShare(double share) {
            this.hashedShare = share;
            return this;
        }

        /** Breaking-news storms; -1 for the default. */
        public Builder storms(int storms) {
            this.storms = storms;
            return this;
        }

        public Builder stormSize(int size) {
            this.stormSize = size;
            return this;
        }

        /** Organic fan clusters; -1 for the default. */
        public Builder fanClusters(int clusters) {
            this.fanClusters = clusters;
            return this;
        }

        public Builder popularShare(double share) {
            this.popularShare = share;
            return this;
        }

        public Builder newsUrls(int urls) {
            this.newsUrls = urls;
            return this;
        }

        public Builder hashtagVocabulary(int size) {
            this.hashtagVocabulary = size;
            return this;
        }

        /** The kinds groups take in turn; none for fast and spread groups by {@code fastShare}. */
        public Builder kinds(GroupKind... kinds) {
            this.kinds = List.of(kinds);
            return this;
        }

        public Builder hashtagStorms(int storms) {
            this.hashtagStorms = storms;
            return this;
        }

        public Builder proverbShare(double share) {
            this.proverbShare = share;
            return this;
        }

        /**
         * Every kind of group and the organic hard negatives of issue 14: one protest storm on a Persian hashtag
         * per 20 days (at least one), 5% of organic accounts posting proverbs; fan clusters and retweet storms as
         * by default.
         */
        public Builder everyKind() {
            this.kinds = List.of(GroupKind.values());
            this.hashtagStorms = Math.max(1, days / 20);
            this.proverbShare = 0.05;
            return this;
        }

        public WorldSpec build() {
            long t = tweets < 0 ? (long) accounts * DEFAULT_TWEETS_PER_ACCOUNT : tweets;
            int s = storms >= 0
                    ? storms
                    : (int) Math.max(2, Math.min(2L * Math.max(days, 1), Math.round(t / 25_000.0)));
            int f = fanClusters >= 0 ? fanClusters : Math.max(1, accounts / 800);
            return new WorldSpec(
                    accounts,
                    groups,
                    t,
                    seed,
                    start,
                    days,
                    minGroupSize,
                    maxGroupSize,
                    maxGroupedShare,
                    fastShare,
                    participation,
                    campaignShare,
                    traitShare,
                    hashedShare,
                    s,
                    stormSize,
                    f,
                    popularShare,
                    newsUrls,
                    hashtagVocabulary,
                    kinds,
                    hashtagStorms,
                    proverbShare);
        }
    }
}

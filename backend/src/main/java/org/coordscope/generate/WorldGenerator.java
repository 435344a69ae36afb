package org.coordscope.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Writes a seeded synthetic Twitter world with planted coordinated groups and a ground truth, so that
 * coordination detection can be measured (precision, recall, F1) on data shaped like the real thing.
 *
 * <p>Files written into the output directory:
 * <ul>
 * <li>{@code tweets.csv}: every tweet, in time order, in the 31-column layout of Twitter's Information
 * Operations archive ({@link #TWEET_COLUMNS}), with its conventions: minute-resolution UTC times, Snowflake
 * tweet ids that carry the second, {@code True}/{@code False}, counts sometimes written {@code 0.0},
 * {@code absent} coordinates, Python-repr lists, base64 SHA-256 ids for anonymised small accounts, classic
 * {@code RT @author: text} retweets whose original may lie outside the file (posted by accounts outside
 * the world, such as the officials groups amplify; known only by id and author id);</li>
 * <li>{@code users.csv}: the profile of every account of the world ({@link #USER_COLUMNS});</li>
 * <li>{@code truth.csv}: {@code account_id,group,kind}: the group {@code organic} or {@code g01}, {@code g02},
 * ...; the amplified officials are organic; the kind is the group's {@link GroupKind#id()}, or for an organic
 * account the crowd it joined last ({@code storm}, {@code fan}, {@code hashtag-storm}, {@code proverb}) or
 * {@code organic};</li>
 * <li>{@code groups.csv}: what was planted: each group's size, mode (fast: members within the same or the
 * adjacent minute; spread: over 10–20 minutes), targets, hashtags, link domains and shared client.</li>
 * </ul>
 *
 * <p>Why it looks like this: a detector should not be able to score well on one give-away. Organic
 * accounts are heavy-tailed in activity and followers, share Zipf-popular hashtags and news URLs (with
 * {@code www.}, case and tracking-parameter variants), retweet popular posts at human (log-normal) delays,
 * swarm onto breaking news by the hundred within half an hour, form fan clusters that retweet the same idol
 * at independent times, and sometimes post the same everyday line. Planted groups amplify their targets'
 * posts, push hashtags and links (same page, different tracking parameters) and near-duplicate texts within
 * a short window, and camouflage themselves with ordinary retweets; their give-away traits (creation-date
 * burst, shared scheduling client, empty or templated profile, few followers, high retweet ratio) are each
 * present in only a share of members (see {@link WorldSpec}).
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded by {@link WorldSpec#seed()} drives everything, so
 * the same spec gives byte-identical files. Streaming: actions are planned into time buckets on disk and
 * rendered bucket by bucket, so memory depends on the number of accounts (about 60 bytes each) and not on
 * the number of tweets.
 */
public final class WorldGenerator {

    /** The columns of {@code tweets.csv}, as in Twitter's Information Operations archive. */
    public static final List<String> TWEET_COLUMNS = List.of(
            "tweetid",
            "userid",
            "user_display_name",
            "user_screen_name",
            "user_reported_location",
            "user_profile_description",
            "user_profile_url",
            "follower_count",
            "following_count",
            "account_creation_date",
            "account_language",
            "tweet_language",
            "tweet_text",
            "tweet_time",
            "tweet_client_name",
            "in_reply_to_userid",
            "in_reply_to_tweetid",
            "quoted_tweet_tweetid",
            "is_retweet",
            "retweet_userid",
            "retweet_tweetid",
            "latitude",
            "longitude",
            "quote_count",
            "reply_count",
            "like_count",
            "retweet_count",
            "hashtags",
            "urls",
            "user_mentions",
            "poll_choices");

    /** The columns of {@code users.csv}: the archive's user file. */
    public static final List<String> USER_COLUMNS = List.of(
            "userid",
            "user_display_name",
            "user_screen_name",
            "user_reported_location",
            "user_profile_description",
            "user_profile_url",
            "follower_count",
            "following_count",
            "account_creation_date",
            "account_language");

    public static final String TWEETS = "tweets.csv";
    public static final String USERS = "users.csv";
    public static final String TRUTH = "truth.csv";
    public static final String GROUPS = "groups.csv";

    /** Told about progress: {@code stage} is "plan" or {@code tweets.csv}; {@code total} the rows expected. */
    @FunctionalInterface
    public interface Progress {
        void update(String stage, long done, long total);

        Progress NONE = (stage, done, total) -> {};
    }

    /**
     * What was written.
     *
     * @param files        the files, in the order written
     * @param tweets       rows of {@code tweets.csv}
     * @param accounts     accounts of the world (rows of {@code users.csv} and {@code truth.csv})
     * @param groups       planted groups
     * @param groupMembers accounts in planted groups
     * @param outsidePosts posts by accounts outside the world (referenced, not in the file)
     * @param seconds      wall time
     */
    public record Summary(
            List<Path> files,
            long tweets,
            int accounts,
            int groups,
            int groupMembers,
            int outsidePosts,
            double seconds) {}

    private final WorldSpec spec;

    public WorldGenerator(WorldSpec spec) {
        this.spec = spec;
    }

    public Summary write(Path directory) throws IOException {
        return write(directory, Progress.NONE);
    }

    public Summary write(Path directory, Progress progress) throws IOException {
        long began = System.nanoTime();
        Files.createDirectories(directory);
        SplittableRandom rng = new SplittableRandom(spec.seed());
        World world = new World(spec, rng);
        List<Path> files = new ArrayList<>();
        files.add(writeUsers(world, directory.resolve(USERS)));

        Path tweets = directory.resolve(TWEETS);
        Path scratch = directory.resolve(".generate-" + Long.toHexString(spec.seed()) + "-"
                + ProcessHandle.current().pid());
        long rows = 0;
        try (ActionSpill spill = new ActionSpill(scratch, spec.tweets(), world.startMs, world.endMs)) {
            new Planner(world, rng, spill).plan();
            spill.finishWriting();
            // after planning, which decides the organic crowds the truth names
            files.add(writeTruth(world, directory.resolve(TRUTH)));
            files.add(writeGroups(world, directory.resolve(GROUPS)));
            progress.update("plan", spec.tweets(), spec.tweets());
            try (CsvOut csv = new CsvOut(tweets, TWEET_COLUMNS)) {
                Renderer renderer = new Renderer(world, csv);
                for (int b = 0; b < spill.buckets(); b++) {
                    ActionSpill.Bucket k = spill.read(b);
                    for (int i = 0; i < k.size; i++) {
                        renderer.render(k.id[i], k.account[i], k.kind[i], k.ref[i], k.aux[i], k.seed[i]);
                        if ((++rows & 0x3FFF) == 0) {
                            progress.update(TWEETS, rows, spec.tweets());
                        }
                    }
                }
            }
        }
        progress.update(TWEETS, rows, spec.tweets());
        files.add(tweets);
        int members = 0;
        for (GroupPlan g : world.groups) {
            members += g.members.length;
        }
        return new Summary(
                List.copyOf(files),
                rows,
                world.n,
                world.groups.length,
                members,
                world.pool.externalPosts,
                (System.nanoTime() - began) / 1e9);
    }

    private static Path writeUsers(World w, Path file) throws IOException {
        try (CsvOut out = new CsvOut(file, USER_COLUMNS)) {
            for (int a = 0; a < w.n; a++) {
                Profiles.Profile p = w.profiles.account(a);
                out.print(
                        p.id(),
                        p.displayName(),
                        p.screenName(),
                        p.location(),
                        p.description(),
                        p.url(),
                        p.followers(),
                        p.following(),
                        p.created(),
                        p.lang());
            }
        }
        return file;
    }

    private static Path writeTruth(World w, Path file) throws IOException {
        try (CsvOut out = new CsvOut(file, List.of("account_id", "group", "kind"))) {
            for (int a = 0; a < w.n; a++) {
                boolean member = w.group[a] >= 0;
                out.print(
                        w.profiles.account(a).id(),
                        member ? w.groups[w.group[a]].label : "organic",
                        member ? w.groups[w.group[a]].kind.id() : World.DECOY_LABELS[w.decoy[a]]);
            }
        }
        return file;
    }

    private static Path writeGroups(World w, Path file) throws IOException {
        try (CsvOut out = new CsvOut(
                file,
                List.of(
                        "group",
                        "size",
                        "kind",
                        "mode",
                        "window_seconds",
                        "targets",
                        "targets_in_world",
                        "hashtags",
                        "link_domains",
                        "client"))) {
            for (GroupPlan g : w.groups) {
                StringJoiner targets = new StringJoiner(";");
                StringJoiner inWorld = new StringJoiner(";");
                for (int t : g.targets) {
                    targets.add(w.profiles.author(t).id());
                    inWorld.add(t >= 0 ? "yes" : "no");
                }
                List<String> domains = new ArrayList<>();
                for (String u : g.linkUrls) {
                    String host = u.substring("https://".length(), u.indexOf('/', "https://".length()));
                    if (!domains.contains(host)) {
                        domains.add(host);
                    }
                }
                out.print(
                        g.label,
                        g.members.length,
                        g.kind.id(),
                        g.fast ? "fast" : "spread",
                        g.windowMillis / 1000,
                        targets.toString(),
                        inWorld.toString(),
                        String.join(";", g.hashtags),
                        String.join(";", domains),
                        Lexicon.GROUP_TOOLS[g.tool]);
            }
        }
        return file;
    }
}

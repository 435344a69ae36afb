package org.coordscope.generate;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Decides every tweet of the world (who, when, what kind, about which post) and spills it to
 * {@link ActionSpill}; texts are rendered later from each action's seed. Scenes run in a fixed order, all
 * from one random stream, each spending the accounts' tweet budgets so the total is exact:
 * <ol>
 * <li>originals of popular accounts and officials (the posts others retweet);</li>
 * <li>breaking-news storms: hundreds of organic accounts retweet (or link) one post within ~30 minutes;</li>
 * <li>fan clusters: organic fans retweet one idol's posts often, each at its own human delay;</li>
 * <li>organic protest storms on one Persian hashtag: hundreds of accounts post their own texts with it for
 * 2–6 hours ({@link WorldSpec#hashtagStorms()});</li>
 * <li>planted groups: waves of retweets, replies, near-duplicate texts and links, all members within the
 * same minute (fast groups), 10–20 minutes (spread groups) or reacting 10–30 minutes after the post (slow
 * groups); campaign groups push their one hashtag in bursts of varied original posts, copy-paste groups
 * paste their lines in bursts ({@link GroupKind});</li>
 * <li>proverbs and poetry lines, posted by a share of organic accounts each at its own time;</li>
 * <li>everyone's remaining budget: original posts, retweets at log-normal delays (minutes to days), replies,
 * quotes; for group members this is their camouflage.</li>
 * </ol>
 * No account retweets the same post twice or its own post.
 */
final class Planner {

    static final byte ORIGINAL = 0;
    static final byte POOL_ORIGINAL = 1;
    static final byte RETWEET = 2;
    static final byte REPLY = 3;
    static final byte QUOTE = 4;
    static final byte STORM_LINK = 5;
    static final byte CAMPAIGN_TEXT = 6;
    static final byte CAMPAIGN_LINK = 7;
    static final byte CAMPAIGN_REPLY = 8;
    /** A campaign group's original post: a varied Persian text and its one hashtag. */
    static final byte HASHTAG_PUSH = 9;
    /** A copy-paste group's line ({@code aux}: which of its lines), respelled. */
    static final byte COPY_LINE = 10;
    /** An organic original post in a protest storm on one hashtag ({@code aux}: the storm). */
    static final byte STORM_TAG = 11;
    /** An organic post of a proverb or poetry line ({@code aux}: which). */
    static final byte PROVERB = 12;

    private static final long MINUTE = 60_000;

    private final World w;
    private final PostPool pool;
    private final SplittableRandom rng;
    private final ActionSpill spill;
    private long counter;
    private long planned;

    Planner(World world, SplittableRandom rng, ActionSpill spill) {
        this.w = world;
        this.pool = world.pool;
        this.rng = rng;
        this.spill = spill;
        this.counter = pool.size;
    }

    long plan() {
        poolOriginals();
        storms();
        hashtagStorms();
        pool.rebuildCumulative();
        fans();
        for (GroupPlan g : w.groups) {
            waves(g);
        }
        proverbs();
        individuals();
        if (planned != w.spec.tweets()) {
            throw new IllegalStateException("planned " + planned + " tweets instead of " + w.spec.tweets());
        }
        return planned;
    }

    private void emit(long ms, int account, byte kind, int ref, int aux) {
        long id = Snowflake.id(ms, counter++, w.epochBits);
        spill.write(id, account, kind, ref, aux, rng.nextLong());
        w.budget[account]--;
        planned++;
    }

    private void poolOriginals() {
        for (int p = 0; p < pool.size; p++) {
            int a = pool.author[p];
            if (a >= 0) {
                spill.write(pool.id[p], a, POOL_ORIGINAL, p, 0, rng.nextLong());
                w.budget[a]--;
                planned++;
            }
        }
    }

    private void storms() {
        pool.rebuildCumulative();
        Contents contents = new Contents(w);
        int cap = (int) (w.organic.length * 0.4);
        for (int s = 0; s < w.spec.storms(); s++) {
            int post = -1;
            for (int tries = 0; tries < 200 && post < 0; tries++) {
                int p = Rand.index(rng, pool.cumulative);
                if (!pool.is(p, PostPool.STORM) && w.roleOf(pool.author[p]) != World.OFFICIAL) {
                    post = p;
                }
            }
            if (post < 0) {
                return;
            }
            pool.flags[post] |= PostPool.STORM;
            boolean hasUrl = contents.pool(post).canonicalUrl() != null;
            int size = (int) Math.round(w.spec.stormSize() * Rand.logNormal(rng, 1, 0.35));
            size = Math.min(cap, Math.max(Math.min(100, cap), size));
            IntOpenHashSet chosen = new IntOpenHashSet(size * 2);
            for (int tries = 0; chosen.size() < size && tries < size * 30; tries++) {
                int a = w.organic[rng.nextInt(w.organic.length)];
                if (w.budget[a] > 0 && a != pool.author[post]) {
                    chosen.add(a);
                }
            }
            int[] people = chosen.toIntArray();
            Arrays.sort(people);
            for (int a : people) {
                long delay;
                do {
                    delay = 20_000 + (long) Rand.exponential(rng, 6 * MINUTE);
                } while (delay > 30 * MINUTE);
                byte kind = hasUrl && Rand.chance(rng, 0.15) ? STORM_LINK : RETWEET;
                emit(pool.time[post] + delay, a, kind, post, 0);
                w.decoy[a] = World.DECOY_STORM;
            }
        }
    }

    private void fans() {
        IntArrayList idols = new IntArrayList();
        for (int s = 0; s < w.authors.length; s++) {
            if (pool.to[s] - pool.from[s] >= 8) {
                idols.add(w.authors[s]);
            }
        }
        int[] candidates = idols.toIntArray();
        Rand.shuffle(rng, candidates);
        int clusters = Math.min(w.spec.fanClusters(), candidates.length);
        if (clusters == 0) {
            return;
        }
        int cap = w.organic.length / (4 * clusters);
        for (int c = 0; c < clusters; c++) {
            int idol = candidates[c];
            int size = Math.min(cap, 20 + rng.nextInt(81));
            if (size < 5) {
                continue;
            }
            IntOpenHashSet chosen = new IntOpenHashSet(size * 2);
            for (int tries = 0; chosen.size() < size && tries < size * 30; tries++) {
                int a = w.organic[rng.nextInt(w.organic.length)];
                if (w.budget[a] >= 3 && w.fanOf[a] == Integer.MIN_VALUE && a != idol) {
                    chosen.add(a);
                }
            }
            int[] fans = chosen.toIntArray();
            Arrays.sort(fans);
            double[] q = new double[fans.length];
            int[] allowance = new int[fans.length];
            for (int f = 0; f < fans.length; f++) {
                w.fanOf[fans[f]] = idol;
                w.decoy[fans[f]] = World.DECOY_FAN;
                q[f] = 0.15 + 0.45 * rng.nextDouble();
                allowance[f] = w.budget[fans[f]] / 2;
            }
            int slot = pool.slot(idol);
            for (int p = pool.from[slot]; p < pool.to[slot]; p++) {
                if (pool.is(p, PostPool.STORM)) {
                    continue;
                }
                for (int f = 0; f < fans.length; f++) {
                    if (allowance[f] > 0 && Rand.chance(rng, q[f])) {
                        allowance[f]--;
                        emit(delayed(pool.time[p], 40 * MINUTE, 1.6), fans[f], RETWEET, p, 0);
                    }
                }
            }
        }
    }

    private void waves(GroupPlan g) {
        int size = g.members.length;
        // each member keeps a reserve of its budget for camouflage and joins waves until only the reserve is left
        int[] reserve = new int[size];
        double[] p = new double[size];
        double[] wavesWanted = new double[size];
        for (int m = 0; m < size; m++) {
            int a = g.members[m];
            double share = Math.min(1, w.spec.campaignShare() * (0.7 + 0.6 * rng.nextDouble()));
            reserve[m] = w.budget[a] - (int) Math.round(w.budget[a] * share);
            p[m] = g.participation * (Rand.chance(rng, 0.2) ? 0.5 : 1);
            wavesWanted[m] = (w.budget[a] - reserve[m]) / p[m];
        }
        double[] sorted = wavesWanted.clone();
        Arrays.sort(sorted);
        // as many waves as the lower quartile of members can afford, so most members stay in to the end
        long waves = Math.max(3, Math.round(sorted[size / 4]));
        IntArrayList targetPosts = new IntArrayList();
        for (int t : g.targets) {
            int slot = pool.slot(t);
            for (int q = pool.from[slot]; q < pool.to[slot]; q++) {
                if (!pool.is(q, PostPool.STORM)) {
                    targetPosts.add(q);
                }
            }
        }
        int[] posts = targetPosts.toIntArray();
        Rand.shuffle(rng, posts);
        int nextPost = 0;
        for (long wave = 0; wave < waves; wave++) {
            double u = rng.nextDouble();
            byte kind;
            int ref = -1;
            int aux;
            long t0;
            if (g.kind == GroupKind.CAMPAIGN || g.kind == GroupKind.COPY_PASTE) {
                kind = g.kind == GroupKind.CAMPAIGN ? HASHTAG_PUSH : COPY_LINE;
                t0 = waveStart(g);
                aux = g.kind == GroupKind.CAMPAIGN ? 0 : rng.nextInt(g.lines.length);
            } else if (u < 0.65 && posts.length > 0 && (u >= 0.5 || nextPost < posts.length)) {
                kind = u < 0.5 ? RETWEET : CAMPAIGN_REPLY;
                ref = u < 0.5 ? posts[nextPost++] : posts[rng.nextInt(posts.length)];
                t0 = pool.time[ref] + g.lagMinMillis + (long) (rng.nextDouble() * (g.lagMaxMillis - g.lagMinMillis));
                aux = kind == RETWEET ? 0 : rng.nextInt(g.replyTemplates.length);
            } else if (u < 0.85) {
                kind = CAMPAIGN_TEXT;
                t0 = waveStart(g);
                aux = rng.nextInt(g.templates.length) | rng.nextInt(g.targets.length) << 8;
            } else {
                kind = CAMPAIGN_LINK;
                t0 = waveStart(g);
                aux = rng.nextInt(g.linkTemplates.length) | rng.nextInt(g.linkUrls.length) << 8;
            }
            for (int m = 0; m < size; m++) {
                int a = g.members[m];
                if (w.budget[a] > reserve[m] && Rand.chance(rng, p[m])) {
                    long t = t0 + (long) (rng.nextDouble() * g.windowMillis);
                    emit(t, a, kind, ref, aux);
                }
            }
        }
    }

    /**
     * Organic protest storms on one hashtag: {@code stormSize}-ish organic accounts each post once or twice, at
     * uniform times over 2–6 hours (hundreds of posts, so never a quiet hour), with their own texts.
     */
    private void hashtagStorms() {
        int cap = (int) (w.organic.length * 0.4);
        for (int s = 0; s < w.spec.hashtagStorms(); s++) {
            int size = (int) Math.round(w.spec.stormSize() * Rand.logNormal(rng, 1, 0.35));
            size = Math.min(cap, Math.max(Math.min(100, cap), size));
            long duration = (2 + rng.nextInt(5)) * 60 * MINUTE;
            long start;
            do {
                start = w.diurnalTime(rng);
            } while (start + duration >= w.endMs);
            IntOpenHashSet chosen = new IntOpenHashSet(size * 2);
            for (int tries = 0; chosen.size() < size && tries < size * 30; tries++) {
                int a = w.organic[rng.nextInt(w.organic.length)];
                if (w.budget[a] > 0) {
                    chosen.add(a);
                }
            }
            int[] people = chosen.toIntArray();
            Arrays.sort(people);
            for (int a : people) {
                int posts = Math.min(w.budget[a], Rand.chance(rng, 0.3) ? 2 : 1);
                for (int k = 0; k < posts; k++) {
                    emit(start + (long) (rng.nextDouble() * duration), a, STORM_TAG, -1, s);
                }
                w.decoy[a] = World.DECOY_HASHTAG_STORM;
            }
        }
    }

    /** Proverbs and poetry lines: a share of organic accounts post one to three, each at its own time. */
    private void proverbs() {
        if (w.spec.proverbShare() == 0) {
            return; // no draw at all, so worlds without proverbs stay as they were
        }
        for (int a : w.organic) {
            if (w.budget[a] > 0 && Rand.chance(rng, w.spec.proverbShare())) {
                int lines = Math.min(w.budget[a], 1 + rng.nextInt(3));
                for (int k = 0; k < lines; k++) {
                    emit(w.diurnalTime(rng), a, PROVERB, -1, rng.nextInt(Lexicon.PERSIAN_PROVERBS.length));
                }
                w.decoy[a] = World.DECOY_PROVERB;
            }
        }
    }

    /** When a group's own posts go out: fast groups at the top of a minute, as schedulers do. */
    private long waveStart(GroupPlan g) {
        long latest = w.endMs - g.windowMillis - MINUTE;
        long t;
        do {
            t = w.diurnalTime(rng);
        } while (t >= latest);
        if (g.fast) {
            t = t - Math.floorMod(t, MINUTE) + rng.nextInt(3_000);
        }
        return t;
    }

    private void individuals() {
        IntOpenHashSet seen = new IntOpenHashSet();
        for (int a = 0; a < w.n; a++) {
            int b = w.budget[a];
            if (b <= 0) {
                continue;
            }
            seen.clear();
            boolean member = w.role[a] == World.MEMBER;
            double rt = w.rtShare[a];
            double reply = rt + (member ? 0.02 : 0.07);
            double quote = reply + 0.03;
            for (int k = 0; k < b; k++) {
                double u = rng.nextDouble();
                if (u < rt) {
                    int p = retweetable(a, seen, member);
                    if (p >= 0) {
                        emit(delayed(pool.time[p], 45 * MINUTE, 1.8), a, RETWEET, p, 0);
                        continue;
                    }
                } else if (u < quote) {
                    int p = Rand.index(rng, pool.cumulative);
                    if (pool.author[p] != a) {
                        boolean isReply = u < reply;
                        emit(
                                delayed(pool.time[p], (isReply ? 15 : 60) * MINUTE, 1.5),
                                a,
                                isReply ? REPLY : QUOTE,
                                p,
                                0);
                        continue;
                    }
                }
                emit(w.diurnalTime(rng), a, ORIGINAL, -1, 0);
            }
        }
    }

    /** A popular post this account may retweet: not its own, not yet retweeted, not its idol's, not a target's. */
    private int retweetable(int a, IntOpenHashSet seen, boolean member) {
        for (int tries = 0; tries < 12; tries++) {
            int p = Rand.index(rng, pool.cumulative);
            int author = pool.author[p];
            if (author == a
                    || author == w.fanOf[a]
                    || pool.is(p, PostPool.STORM)
                    || member && pool.is(p, PostPool.OFFICIAL_POST)
                    || !seen.add(p)) {
                continue;
            }
            return p;
        }
        return -1;
    }

    /** {@code base} plus a human delay (log-normal), kept inside the observed period. */
    private long delayed(long base, long medianMillis, double sigma) {
        for (int tries = 0; tries < 6; tries++) {
            long t = base + 1_000 + (long) Rand.logNormal(rng, medianMillis, sigma);
            if (t < w.endMs) {
                return t;
            }
        }
        return base + 1_000 + (long) (rng.nextDouble() * Math.max(1, w.endMs - base - 1_000));
    }
}

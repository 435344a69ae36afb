package org.coordscope.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The content of pool posts (text, hashtags, URLs, mentions, engagement), derived from each post's seed so
 * that the original row and every retweet of it agree without storing any text. A small direct-mapped cache
 * serves the popular posts that are retweeted again and again.
 */
final class Contents {

    /** A post's content; {@code canonicalUrl} is the news URL before the poster's variations, or null. */
    record PostContent(
            String text,
            List<String> hashtags,
            List<String> urls,
            List<String> mentions,
            String lang,
            String canonicalUrl,
            int quotes,
            int replies,
            int likes,
            int retweets) {}

    private static final int CACHE = 1 << 12;
    private final World w;
    private final PostContent[] cache = new PostContent[CACHE];
    private final int[] cacheKey = new int[CACHE];

    Contents(World world) {
        this.w = world;
    }

    PostContent pool(int p) {
        int slot = p & (CACHE - 1);
        if (cacheKey[slot] == p + 1) {
            return cache[slot];
        }
        PostContent c = build(p);
        cache[slot] = c;
        cacheKey[slot] = p + 1;
        return c;
    }

    private PostContent build(int p) {
        PostPool pool = w.pool;
        SplittableRandom r = new SplittableRandom(pool.seed[p]);
        int author = pool.author[p];
        byte role = w.roleOf(author);
        String body;
        double tagChance;
        double urlChance;
        int news = -1;
        switch (role) {
            case World.NEWS -> {
                news = w.newsUrl(r, pool.time[p]);
                body = (Rand.chance(r, 0.06) ? "BREAKING: " : "") + w.newsHeadline[news];
                tagChance = 0.15;
                urlChance = 1;
            }
            case World.OFFICIAL -> {
                body = Texts.official(r);
                tagChance = 0.4;
                urlChance = 0.25;
            }
            default -> {
                body = Rand.chance(r, 0.5) ? Rand.pick(r, Lexicon.CELEB_LINES) : Texts.organic(r);
                tagChance = 0.3;
                urlChance = 0.1;
            }
        }
        List<String> tags = new ArrayList<>(2);
        if (Rand.chance(r, tagChance)) {
            int count = 1 + (Rand.chance(r, 0.3) ? 1 : 0);
            for (int i = 0; i < count; i++) {
                String t = w.hashtags[Math.min(Rand.index(r, w.hashtagCum), 199)];
                if (!tags.contains(t)) {
                    tags.add(t);
                }
            }
        }
        List<String> mentions = new ArrayList<>(1);
        StringBuilder text = new StringBuilder(body);
        if (role != World.NEWS && Rand.chance(r, 0.1)) {
            int other = w.authors[r.nextInt(w.authors.length)];
            if (other != author) {
                Profiles.Profile op = w.profiles.author(other);
                mentions.add(op.id());
                text.append(" @").append(op.screenName());
            }
        }
        for (String t : tags) {
            text.append(" #").append(t);
        }
        List<String> urls = new ArrayList<>(1);
        String canonical = null;
        if (Rand.chance(r, urlChance)) {
            canonical = w.newsUrls[news >= 0 ? news : w.newsUrl(r, pool.time[p])];
            urls.add(Texts.newsVariant(canonical, r));
            text.append(' ').append(Texts.tco(r));
        }
        double reach = pool.weight[p];
        int retweets = (int) (reach * Rand.logNormal(r, 25, 0.8));
        int likes = (int) (retweets * (2 + 4 * r.nextDouble())) + r.nextInt(5);
        int replies = (int) (retweets * (0.05 + 0.25 * r.nextDouble()));
        int quotes = (int) (retweets * (0.01 + 0.08 * r.nextDouble()));
        return new PostContent(
                text.toString(),
                List.copyOf(tags),
                List.copyOf(urls),
                List.copyOf(mentions),
                "en",
                canonical,
                quotes,
                replies,
                likes,
                retweets);
    }
}

package org.coordscope.generate;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Turns planned actions into {@code tweets.csv} rows in the Information Operations archive layout. */
final class Renderer {

    private static final List<String> NONE = List.of();
    private static final String[] HH_MM = new String[1440];

    static {
        for (int m = 0; m < 1440; m++) {
            HH_MM[m] = String.format(Locale.ROOT, " %02d:%02d", m / 60, m % 60);
        }
    }

    private final World w;
    private final Profiles profiles;
    private final Contents contents;
    private final CsvOut out;
    private final Object[] row = new Object[WorldGenerator.TWEET_COLUMNS.size()];
    private final Int2ObjectOpenHashMap<String> days = new Int2ObjectOpenHashMap<>();

    Renderer(World world, CsvOut out) {
        this.w = world;
        this.profiles = world.profiles;
        this.contents = new Contents(world);
        this.out = out;
    }

    void render(long id, int account, byte kind, int ref, int aux, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Profiles.Profile p = profiles.account(account);
        long ms = Snowflake.millis(id);
        int client = r.nextDouble() < 0.88 ? w.client[account] : w.client2[account];
        boolean floats = w.has(account, World.FLOAT_COUNTS);

        String lang = "en";
        String text;
        String replyUser = "";
        String replyTweet = "";
        String quoted = "";
        boolean retweet = false;
        String rtUser = "";
        String rtTweet = "";
        int quotes = 0;
        int replies = 0;
        int likes = 0;
        int retweets = 0;
        List<String> tags = NONE;
        List<String> urls = NONE;
        List<String> mentions = NONE;

        switch (kind) {
            case Planner.POOL_ORIGINAL -> {
                Contents.PostContent c = contents.pool(ref);
                text = c.text();
                lang = c.lang();
                tags = c.hashtags();
                urls = c.urls();
                mentions = c.mentions();
                quotes = c.quotes();
                replies = c.replies();
                likes = c.likes();
                retweets = c.retweets();
            }
            case Planner.RETWEET -> {
                Contents.PostContent c = contents.pool(ref);
                Profiles.Profile author = profiles.author(w.pool.author[ref]);
                text = Texts.retweetText(author.screenName(), c.text());
                lang = c.lang();
                tags = c.hashtags();
                urls = c.urls();
                mentions = new ArrayList<>(1 + c.mentions().size());
                mentions.add(author.id());
                mentions.addAll(c.mentions());
                retweet = true;
                rtUser = author.id();
                rtTweet = Long.toString(w.pool.id[ref]);
            }
            case Planner.REPLY -> {
                Profiles.Profile author = profiles.author(w.pool.author[ref]);
                String body = Rand.chance(r, 0.5) ? Rand.pick(r, Lexicon.REPLIES) : Texts.organic(r);
                text = "@" + author.screenName() + " " + body;
                replyUser = author.id();
                replyTweet = Long.toString(w.pool.id[ref]);
                mentions = List.of(author.id());
                likes = smallCount(r, w.followers[account]);
            }
            case Planner.QUOTE -> {
                Profiles.Profile author = profiles.author(w.pool.author[ref]);
                text = Texts.organic(r) + " " + Texts.tco(r);
                quoted = Long.toString(w.pool.id[ref]);
                urls = List.of("https://twitter.com/" + author.screenName() + "/status/" + w.pool.id[ref]);
                likes = smallCount(r, w.followers[account]);
                retweets = likes / 8;
            }
            case Planner.STORM_LINK -> {
                Contents.PostContent c = contents.pool(ref);
                StringBuilder sb = new StringBuilder(Rand.pick(r, Lexicon.REACTIONS));
                if (Rand.chance(r, 0.3)) {
                    sb.append(' ').append(Texts.organic(r));
                }
                if (Rand.chance(r, 0.1)) {
                    tags = List.of("breaking");
                    sb.append(" #breaking");
                }
                text = sb.append(' ').append(Texts.tco(r)).toString();
                urls = List.of(Texts.newsVariant(c.canonicalUrl(), r));
                likes = smallCount(r, w.followers[account]);
            }
            case Planner.CAMPAIGN_TEXT, Planner.CAMPAIGN_LINK, Planner.CAMPAIGN_REPLY -> {
                GroupPlan g = w.groups[w.group[account]];
                StringBuilder sb = new StringBuilder(200);
                List<String> used = new ArrayList<>(3);
                if (kind == Planner.CAMPAIGN_TEXT) {
                    int target = g.targets[aux >>> 8];
                    Profiles.Profile tp = profiles.author(target);
                    String base = Texts.fill(Lexicon.CAMPAIGN_TEMPLATES[g.templates[aux & 0xFF]], g, tp.shortName());
                    boolean mention = Rand.chance(r, 0.3);
                    if (mention && r.nextBoolean()) {
                        sb.append('.').append('@').append(tp.screenName()).append(' ');
                    }
                    sb.append(Texts.edit(base, r, Texts.editCount(r)));
                    if (mention && sb.charAt(0) != '.') {
                        sb.append(" @").append(tp.screenName());
                    }
                    if (mention) {
                        mentions = List.of(tp.id());
                    }
                    appendTags(sb, used, g, r, 1 + r.nextInt(Math.min(3, g.hashtags.length)));
                } else if (kind == Planner.CAMPAIGN_LINK) {
                    String target = profiles.author(g.targets[0]).shortName();
                    String base = Texts.fill(Lexicon.LINK_TEMPLATES[g.linkTemplates[aux & 0xFF]], g, target);
                    sb.append(Texts.edit(base, r, Texts.editCount(r) / 2));
                    if (Rand.chance(r, 0.5)) {
                        appendTags(sb, used, g, r, 1);
                    }
                    urls = List.of(Texts.campaignVariant(g.linkUrls[aux >>> 8], r, g.code));
                    sb.append(' ').append(Texts.tco(r));
                } else {
                    Profiles.Profile tp = profiles.author(w.pool.author[ref]);
                    String base = Texts.fill(Lexicon.PRAISE_REPLIES[g.replyTemplates[aux]], g, tp.shortName());
                    sb.append('@').append(tp.screenName()).append(' ').append(Texts.edit(base, r, Texts.editCount(r)));
                    if (Rand.chance(r, 0.4)) {
                        appendTags(sb, used, g, r, 1);
                    }
                    replyUser = tp.id();
                    replyTweet = Long.toString(w.pool.id[ref]);
                    mentions = List.of(tp.id());
                }
                text = sb.toString();
                tags = used;
                likes = r.nextInt(6);
                retweets = r.nextInt(3);
            }
            case Planner.HASHTAG_PUSH -> {
                GroupPlan g = w.groups[w.group[account]];
                String tag = Texts.respellTag(g.hashtags[0], r);
                text = Texts.respell(Texts.persian(r), r) + " #" + tag;
                lang = "fa";
                tags = List.of(tag);
                likes = r.nextInt(6);
                retweets = r.nextInt(3);
            }
            case Planner.COPY_LINE -> {
                GroupPlan g = w.groups[w.group[account]];
                text = Texts.respell(g.lines[aux], r);
                lang = "fa";
                likes = r.nextInt(6);
                retweets = r.nextInt(3);
            }
            case Planner.STORM_TAG -> {
                String tag =
                        Texts.respellTag(Lexicon.PERSIAN_PROTEST_TAGS[aux % Lexicon.PERSIAN_PROTEST_TAGS.length], r);
                text = Texts.respell(Texts.persian(r), r) + " #" + tag;
                lang = "fa";
                tags = List.of(tag);
                likes = smallCount(r, w.followers[account]);
                retweets = likes / 6;
            }
            case Planner.PROVERB -> {
                text = Texts.respell(Lexicon.PERSIAN_PROVERBS[aux], r);
                lang = "fa";
                likes = smallCount(r, w.followers[account]);
            }
            default -> {
                StringBuilder sb = new StringBuilder(200);
                List<String> used = new ArrayList<>(3);
                byte role = w.role[account];
                int news = role == World.NEWS || Rand.chance(r, 0.14) ? w.newsUrl(r, ms) : -1;
                if (role == World.NEWS) {
                    sb.append(w.newsHeadline[news]);
                } else if (news >= 0 && Rand.chance(r, 0.3)) {
                    sb.append(Rand.pick(r, new String[] {"Reading: ", "", "Interesting: ", "Wow. ", "\""}))
                            .append(w.newsHeadline[news]);
                    if (sb.charAt(0) == '"') {
                        sb.append('"');
                    }
                } else if (role == World.OFFICIAL) {
                    sb.append(Texts.official(r));
                } else if (Rand.chance(r, 0.015)) {
                    sb.append(Rand.pick(r, Lexicon.COMMON_LINES));
                } else {
                    sb.append(Texts.organic(r));
                }
                if (Rand.chance(r, 0.06)) {
                    int other = w.authors[r.nextInt(w.authors.length)];
                    if (other != account) {
                        Profiles.Profile op = profiles.author(other);
                        mentions = List.of(op.id());
                        sb.append(r.nextBoolean() ? " @" : " via @").append(op.screenName());
                    }
                }
                if (Rand.chance(r, 0.22)) {
                    int count = 1 + (Rand.chance(r, 0.35) ? 1 : 0) + (Rand.chance(r, 0.15) ? 1 : 0);
                    for (int i = 0; i < count; i++) {
                        String t = w.hashtags[Rand.index(r, w.hashtagCum)];
                        if (!used.contains(t)) {
                            used.add(t);
                        }
                    }
                }
                if (w.groups.length > 0) {
                    GroupPlan own = w.group[account] >= 0 ? w.groups[w.group[account]] : null;
                    if (own != null && Rand.chance(r, 0.12)) {
                        used.add(Rand.pick(r, own.hashtags));
                    } else if (own == null && Rand.chance(r, 0.004)) {
                        used.add(Rand.pick(r, w.groups[r.nextInt(w.groups.length)].hashtags));
                    }
                }
                for (int i = 0; i < used.size(); i++) {
                    String t = Texts.tagVariant(used.get(i), r);
                    used.set(i, t);
                    sb.append(" #").append(t);
                }
                if (news >= 0) {
                    urls = List.of(Texts.newsVariant(w.newsUrls[news], r));
                    sb.append(' ').append(Texts.tco(r));
                }
                if (Rand.chance(r, 0.02)) {
                    lang = "und";
                }
                text = sb.toString();
                tags = used;
                likes = smallCount(r, w.followers[account]);
                retweets = likes / 6;
                replies = likes / 10;
            }
        }

        row[0] = Long.toString(id);
        row[1] = p.id();
        row[2] = p.displayName();
        row[3] = p.screenName();
        row[4] = p.location();
        row[5] = p.description();
        row[6] = p.url();
        row[7] = p.followers();
        row[8] = p.following();
        row[9] = p.created();
        row[10] = p.lang();
        row[11] = lang;
        row[12] = Texts.htmlEscape(text);
        row[13] = time(ms);
        row[14] = World.CLIENT_NAMES[client];
        row[15] = replyUser;
        row[16] = replyTweet;
        row[17] = quoted;
        row[18] = retweet ? "True" : "False";
        row[19] = rtUser;
        row[20] = rtTweet;
        row[21] = "absent";
        row[22] = "absent";
        row[23] = count(quotes, floats);
        row[24] = count(replies, floats);
        row[25] = count(likes, floats);
        row[26] = count(retweets, floats);
        row[27] = PyRepr.strings(tags);
        row[28] = PyRepr.strings(urls);
        row[29] = PyRepr.ids(mentions);
        row[30] = "";
        out.print(row);
    }

    private static void appendTags(StringBuilder sb, List<String> used, GroupPlan g, SplittableRandom r, int count) {
        String[] tags = g.hashtags.clone();
        Rand.shuffle(r, tags);
        for (int i = 0; i < count && i < tags.length; i++) {
            String t = Texts.tagVariant(tags[i], r);
            used.add(t);
            sb.append(" #").append(t);
        }
    }

    /** Engagement of an ordinary post: mostly zero, more for accounts with more followers. */
    private static int smallCount(SplittableRandom r, int followers) {
        double mean = 0.3 + StrictMath.sqrt(followers) / 15;
        return (int) Rand.exponential(r, mean);
    }

    private static String count(int value, boolean floats) {
        return floats ? value + ".0" : Integer.toString(value);
    }

    /** {@code YYYY-MM-DD HH:MM} in UTC. */
    private String time(long ms) {
        long minute = Math.floorDiv(ms, 60_000L);
        int day = (int) Math.floorDiv(minute, 1440L);
        String d = days.get(day);
        if (d == null) {
            d = LocalDate.ofEpochDay(day).toString();
            days.put(day, d);
        }
        return d + HH_MM[(int) Math.floorMod(minute, 1440L)];
    }
}

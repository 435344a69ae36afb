package org.coordscope.generate;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Writes the world {@link WorldGenerator} plans as a Telegram Desktop full export ("Export Telegram data":
 * {@code result.json} with {@code chats.list}), in Persian, with a ground truth. Every account of the world is a
 * channel that posts into its own chat; the posts others react to are those of state channels, news outlets and
 * popular channels, in the export or outside it (known only from the forwards).
 *
 * <p>What each planned action becomes: a pool post is a channel post; a retweet is a forward ({@code forwarded_from}
 * and {@code forwarded_from_id}, the original's text and entities), so organic channels forward popular posts at
 * human delays and storms forward breaking news by the hundred within half an hour, while planted rings forward
 * the state channels they amplify within minutes; campaign texts are copy-pasted Persian lines with a few edits,
 * in bursts; campaign links the same page with different tracking parameters; replies become posts that mention
 * the channel; quotes posts linking {@code t.me/<channel>/<post>}. Hashtags and links are entities, in the
 * message's {@code text} list and {@code text_entities}; some links are {@code text_link}s behind a Persian label;
 * some chats open with a service message. Times are UTC seconds ({@code date_unixtime}, and {@code date} without
 * a zone, as Desktop writes it).
 *
 * <p>Files: {@code result.json}; {@code truth.csv} ({@code account_id,group,kind}: {@code channel<id>},
 * {@code organic} or {@code g01}, {@code g02}, ..., and the ring's kind or the organic channel's part, as in
 * {@link WorldGenerator}'s; state channels are organic); {@code groups.csv} (each planted
 * ring's size, mode, window and the channels it amplifies).
 *
 * <p>Deterministic like the Twitter world: the same spec gives byte-identical files. Memory stays bounded: the
 * planned actions are on disk in time buckets and the chats are written in passes of about
 * {@value #MESSAGES_PER_PASS} messages, each pass rendering the messages of a range of channels.
 */
public final class TelegramWorldGenerator {

    public static final String RESULT = "result.json";
    public static final String TRUTH = WorldGenerator.TRUTH;
    public static final String GROUPS = WorldGenerator.GROUPS;

    /** Channel numbers: the world's accounts from here, accounts outside it from {@link #OUTSIDE_CHANNEL}. */
    static final long WORLD_CHANNEL = 1_100_000_000L;

    static final long OUTSIDE_CHANNEL = 1_900_000_000L;
    private static final int MESSAGES_PER_PASS = 60_000;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final JsonStringEncoder JSON = JsonStringEncoder.getInstance();

    private final WorldSpec spec;

    public TelegramWorldGenerator(WorldSpec spec) {
        this.spec = spec;
    }

    /** The account id a world account or outside author ({@code ref < 0}) gets in the graph. */
    static String accountId(int ref) {
        return "channel" + channelNumber(ref);
    }

    static long channelNumber(int ref) {
        return ref >= 0 ? WORLD_CHANNEL + ref : OUTSIDE_CHANNEL + (-1L - ref);
    }

    public WorldGenerator.Summary write(Path directory, WorldGenerator.Progress progress) throws IOException {
        long began = System.nanoTime();
        Files.createDirectories(directory);
        SplittableRandom rng = new SplittableRandom(spec.seed());
        World world = new World(spec, rng);
        List<Path> files = new ArrayList<>();
        files.add(writeTruth(world, directory.resolve(TRUTH)));
        files.add(writeGroups(world, directory.resolve(GROUPS)));
        Path result = directory.resolve(RESULT);
        Path scratch = directory.resolve(".generate-telegram-" + Long.toHexString(spec.seed()) + "-"
                + ProcessHandle.current().pid());
        long messages;
        try (ActionSpill spill = new ActionSpill(scratch, spec.tweets(), world.startMs, world.endMs)) {
            new Planner(world, rng, spill).plan();
            spill.finishWriting();
            progress.update("plan", spec.tweets(), spec.tweets());
            messages = new Export(world, spill, progress).write(result);
        }
        files.add(result);
        int members = 0;
        for (GroupPlan g : world.groups) {
            members += g.members.length;
        }
        return new WorldGenerator.Summary(
                List.copyOf(files),
                messages,
                world.n,
                world.groups.length,
                members,
                world.pool.externalPosts,
                (System.nanoTime() - began) / 1e9);
    }

    private static Path writeTruth(World w, Path file) throws IOException {
        try (CsvOut out = new CsvOut(file, List.of("account_id", "group", "kind"))) {
            for (int a = 0; a < w.n; a++) {
                boolean member = w.group[a] >= 0;
                out.print(
                        accountId(a),
                        member ? w.groups[w.group[a]].label : "organic",
                        member ? w.groups[w.group[a]].kind.id() : World.DECOY_LABELS[w.decoy[a]]);
            }
        }
        return file;
    }

    private static Path writeGroups(World w, Path file) throws IOException {
        try (CsvOut out = new CsvOut(file, List.of("group", "size", "mode", "window_seconds", "targets", "hashtags"))) {
            for (GroupPlan g : w.groups) {
                StringJoiner targets = new StringJoiner(";");
                for (int t : g.targets) {
                    targets.add(accountId(t));
                }
                StringJoiner tags = new StringJoiner(";");
                for (int k = 0; k < g.hashtags.length; k++) {
                    tags.add(PersianTexts.groupHashtag(g.index, k));
                }
                out.print(
                        g.label,
                        g.members.length,
                        g.fast ? "fast" : "spread",
                        g.windowMillis / 1000,
                        targets.toString(),
                        tags.toString());
            }
        }
        return file;
    }

    /** One piece of a message's text: plain text, or an entity ({@code hashtag}, {@code link}, ...). */
    private record Piece(String type, String text, String href) {
        static Piece plain(String text) {
            return new Piece("plain", text, null);
        }
    }

    /** A pool post's pieces, drawn from its seed so the post and every forward of it agree. */
    private record PoolContent(List<Piece> pieces, String canonicalUrl) {}

    /** Renders the planned actions into chats, a range of channels per pass. */
    private static final class Export {
        private final World w;
        private final ActionSpill spill;
        private final WorldGenerator.Progress progress;
        private final PoolContent[] cache = new PoolContent[1 << 12];
        private final int[] cacheKey = new int[1 << 12];
        private final StringBuilder json = new StringBuilder(512);
        private final Contents contents;

        Export(World w, ActionSpill spill, WorldGenerator.Progress progress) {
            this.w = w;
            this.contents = new Contents(w);
            this.spill = spill;
            this.progress = progress;
        }

        long write(Path file) throws IOException {
            int[] perAccount = new int[w.n];
            long total = 0;
            for (int b = 0; b < spill.buckets(); b++) {
                ActionSpill.Bucket k = spill.reread(b);
                for (int i = 0; i < k.size; i++) {
                    perAccount[k.account[i]]++;
                }
                total += k.size;
            }
            long done = 0;
            try (Writer out = new BufferedWriter(
                    new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                out.write("{\n \"about\": \"Here is the data you requested.\",\n"
                        + " \"chats\": {\n  \"about\": \"This page lists all chats from this export.\",\n"
                        + "  \"list\": [\n");
                int from = 0;
                while (from < w.n) {
                    int to = from;
                    long inPass = 0;
                    while (to < w.n && (to == from || inPass + perAccount[to] <= MESSAGES_PER_PASS)) {
                        inPass += perAccount[to++];
                    }
                    done += pass(out, from, to, total, done);
                    from = to;
                }
                out.write("\n  ]\n }\n}\n");
            }
            progress.update(RESULT, done, total);
            return done;
        }

        /** Renders and writes the chats of channels {@code [from, to)}; returns the messages written. */
        private long pass(Writer out, int from, int to, long total, long before) throws IOException {
            StringBuilder[] chats = new StringBuilder[to - from];
            int[] nextId = new int[to - from];
            long rendered = 0;
            for (int b = 0; b < spill.buckets(); b++) {
                ActionSpill.Bucket k = spill.reread(b);
                for (int i = 0; i < k.size; i++) {
                    int a = k.account[i];
                    if (a < from || a >= to) {
                        continue;
                    }
                    int c = a - from;
                    if (chats[c] == null) {
                        chats[c] = new StringBuilder(256 * 16);
                        if (new SplittableRandom(w.seed[a]).nextDouble() < 0.05) {
                            nextId[c]++;
                            chats[c].append(service(nextId[c], Snowflake.millis(k.id[i]) / 1000, a));
                        }
                    }
                    if (chats[c].length() > 0) {
                        chats[c].append(",\n");
                    }
                    chats[c].append(message(++nextId[c], k.id[i], a, k.kind[i], k.ref[i], k.aux[i], k.seed[i]));
                    rendered++;
                }
            }
            for (int a = from; a < to; a++) {
                if (a > 0) {
                    out.write(",\n");
                }
                SplittableRandom r = new SplittableRandom(w.seed[a] ^ 0x7E1E6A4DL);
                out.write("   {\"name\": ");
                out.write(quote(channelName(a)));
                out.write(", \"type\": \"");
                out.write(r.nextDouble() < 0.1 ? "private_channel" : "public_channel");
                out.write("\", \"id\": ");
                out.write(Long.toString(channelNumber(a)));
                out.write(", \"messages\": [\n");
                StringBuilder messages = chats[a - from];
                if (messages != null) {
                    out.append(messages);
                }
                out.write("\n   ]}");
            }
            progress.update(RESULT, before + rendered, total);
            return rendered;
        }

        private String service(int id, long seconds, int account) {
            json.setLength(0);
            json.append("    {\"id\": ").append(id).append(", \"type\": \"service\", ");
            times(seconds);
            json.append(", \"actor\": ")
                    .append(quote(channelName(account)))
                    .append(", \"actor_id\": \"")
                    .append(accountId(account))
                    .append("\", \"action\": \"create_channel\", \"title\": ")
                    .append(quote(channelName(account)))
                    .append(", \"text\": \"\", \"text_entities\": []}");
            return json.toString();
        }

        private void times(long seconds) {
            json.append("\"date\": \"")
                    .append(LOCAL_TIME.format(java.time.Instant.ofEpochSecond(seconds)))
                    .append("\", \"date_unixtime\": \"")
                    .append(seconds)
                    .append('"');
        }

        private String message(int id, long planId, int account, byte kind, int ref, int aux, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            long ms = Snowflake.millis(planId);
            List<Piece> pieces;
            int forwardedFrom = Integer.MIN_VALUE;
            switch (kind) {
                case Planner.POOL_ORIGINAL -> pieces = pool(ref).pieces();
                case Planner.RETWEET -> {
                    pieces = pool(ref).pieces();
                    forwardedFrom = w.pool.author[ref];
                }
                case Planner.REPLY -> {
                    pieces = new ArrayList<>(3);
                    mention(pieces, w.pool.author[ref]);
                    pieces.add(Piece.plain(PersianTexts.reply(r)));
                }
                case Planner.QUOTE -> {
                    pieces = new ArrayList<>(3);
                    pieces.add(Piece.plain(PersianTexts.commentOpening(r) + " "));
                    pieces.add(new Piece("link", postLink(w.pool.author[ref], ref), null));
                }
                case Planner.STORM_LINK -> {
                    pieces = new ArrayList<>(4);
                    StringBuilder sb =
                            new StringBuilder(PersianTexts.REACTIONS[r.nextInt(PersianTexts.REACTIONS.length)]);
                    if (Rand.chance(r, 0.3)) {
                        sb.append(' ').append(PersianTexts.organic(r));
                    }
                    pieces.add(Piece.plain(sb.append(' ').toString()));
                    link(pieces, Texts.newsVariant(pool(ref).canonicalUrl(), r), r);
                }
                case Planner.CAMPAIGN_TEXT, Planner.CAMPAIGN_LINK, Planner.CAMPAIGN_REPLY -> {
                    pieces = campaign(kind, w.groups[w.group[account]], ref, aux, r);
                }
                default -> pieces = everyday(account, ms, r);
            }
            json.setLength(0);
            json.append("    {\"id\": ").append(id).append(", \"type\": \"message\", ");
            times(ms / 1000);
            String name = quote(channelName(account));
            json.append(", \"from\": ")
                    .append(name)
                    .append(", \"from_id\": \"")
                    .append(accountId(account))
                    .append('"');
            if (forwardedFrom != Integer.MIN_VALUE) {
                json.append(", \"forwarded_from\": ")
                        .append(quote(channelName(forwardedFrom)))
                        .append(", \"forwarded_from_id\": \"")
                        .append(accountId(forwardedFrom))
                        .append('"');
            }
            text(pieces);
            json.append('}');
            return json.toString();
        }

        /** {@code "text"} (a string, or a list of strings and entity objects) and {@code "text_entities"}. */
        private void text(List<Piece> pieces) {
            boolean plain = pieces.stream().allMatch(p -> p.type().equals("plain"));
            json.append(", \"text\": ");
            if (plain) {
                StringBuilder all = new StringBuilder();
                pieces.forEach(p -> all.append(p.text()));
                json.append(quote(all.toString()));
            } else {
                json.append('[');
                for (int i = 0; i < pieces.size(); i++) {
                    Piece p = pieces.get(i);
                    json.append(i == 0 ? "" : ", ");
                    if (p.type().equals("plain")) {
                        json.append(quote(p.text()));
                    } else {
                        entity(p);
                    }
                }
                json.append(']');
            }
            json.append(", \"text_entities\": [");
            for (int i = 0; i < pieces.size(); i++) {
                json.append(i == 0 ? "" : ", ");
                entity(pieces.get(i));
            }
            json.append(']');
        }

        private void entity(Piece p) {
            json.append("{\"type\": \"")
                    .append(p.type())
                    .append("\", \"text\": ")
                    .append(quote(p.text()));
            if (p.href() != null) {
                json.append(", \"href\": ").append(quote(p.href()));
            }
            json.append('}');
        }

        private PoolContent pool(int p) {
            int slot = p & (cache.length - 1);
            if (cacheKey[slot] == p + 1) {
                return cache[slot];
            }
            SplittableRandom r = new SplittableRandom(w.pool.seed[p]);
            // the link is the planned one (the planner chose storms that share links by it)
            String canonical = contents.pool(p).canonicalUrl();
            List<Piece> pieces = new ArrayList<>(5);
            double tagChance;
            switch (w.roleOf(w.pool.author[p])) {
                case World.NEWS -> {
                    pieces.add(Piece.plain(headline(canonical)));
                    tagChance = 0.15;
                }
                case World.OFFICIAL -> {
                    pieces.add(Piece.plain(PersianTexts.official(r)));
                    tagChance = 0.4;
                }
                default -> {
                    pieces.add(Piece.plain(Rand.chance(r, 0.5) ? PersianTexts.celebLine(r) : PersianTexts.organic(r)));
                    tagChance = 0.3;
                }
            }
            if (Rand.chance(r, tagChance)) {
                int count = 1 + (Rand.chance(r, 0.3) ? 1 : 0);
                List<String> tags = new ArrayList<>(2);
                for (int i = 0; i < count; i++) {
                    String t = PersianTexts.hashtag(Math.min(Rand.index(r, w.hashtagCum), 199));
                    if (!tags.contains(t)) {
                        tags.add(t);
                        pieces.add(Piece.plain(" "));
                        pieces.add(new Piece("hashtag", "#" + t, null));
                    }
                }
            }
            if (canonical != null) {
                pieces.add(Piece.plain("\n"));
                link(pieces, Texts.newsVariant(canonical, r), r);
            }
            PoolContent content = new PoolContent(List.copyOf(pieces), canonical);
            cache[slot] = content;
            cacheKey[slot] = p + 1;
            return content;
        }

        private List<Piece> campaign(byte kind, GroupPlan g, int ref, int aux, SplittableRandom r) {
            List<Piece> pieces = new ArrayList<>(6);
            if (kind == Planner.CAMPAIGN_TEXT) {
                int target = g.targets[aux >>> 8];
                String base = PersianTexts.campaign(g.templates[aux & 0xFF], g.index, channelName(target));
                pieces.add(Piece.plain(PersianTexts.edit(base, r, Texts.editCount(r))));
                if (Rand.chance(r, 0.3)) {
                    pieces.add(Piece.plain(" "));
                    mention(pieces, target);
                }
                campaignTags(pieces, g, r, 1 + r.nextInt(Math.min(3, g.hashtags.length)));
            } else if (kind == Planner.CAMPAIGN_LINK) {
                String base =
                        PersianTexts.campaignLink(g.linkTemplates[aux & 0xFF], g.index, channelName(g.targets[0]));
                pieces.add(Piece.plain(PersianTexts.edit(base, r, Texts.editCount(r) / 2)));
                if (Rand.chance(r, 0.5)) {
                    campaignTags(pieces, g, r, 1);
                }
                pieces.add(Piece.plain("\n"));
                link(pieces, Texts.campaignVariant(g.linkUrls[aux >>> 8], r, g.code), r);
            } else {
                int target = w.pool.author[ref];
                mention(pieces, target);
                String base = PersianTexts.praise(g.replyTemplates[aux], g.index, channelName(target));
                pieces.add(Piece.plain(PersianTexts.edit(base, r, Texts.editCount(r))));
                if (Rand.chance(r, 0.4)) {
                    campaignTags(pieces, g, r, 1);
                }
            }
            return pieces;
        }

        private static void campaignTags(List<Piece> pieces, GroupPlan g, SplittableRandom r, int count) {
            int[] order = new int[g.hashtags.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Rand.shuffle(r, order);
            for (int i = 0; i < count && i < order.length; i++) {
                pieces.add(Piece.plain(" "));
                pieces.add(new Piece("hashtag", "#" + PersianTexts.groupHashtag(g.index, order[i]), null));
            }
        }

        /** An everyday post: a line, sometimes a headline with its link, a mention, hashtags. */
        private List<Piece> everyday(int account, long ms, SplittableRandom r) {
            List<Piece> pieces = new ArrayList<>(6);
            byte role = w.role[account];
            int news = role == World.NEWS || Rand.chance(r, 0.14) ? w.newsUrl(r, ms) : -1;
            String line;
            if (role == World.NEWS) {
                line = headline(w.newsUrls[news]);
            } else if (news >= 0 && Rand.chance(r, 0.3)) {
                line = "بخوانید: " + headline(w.newsUrls[news]);
            } else if (role == World.OFFICIAL) {
                line = PersianTexts.official(r);
            } else if (Rand.chance(r, 0.015)) {
                line = PersianTexts.commonLine(r);
            } else {
                line = PersianTexts.organic(r);
            }
            pieces.add(Piece.plain(line));
            if (Rand.chance(r, 0.06)) {
                int other = w.authors[r.nextInt(w.authors.length)];
                if (other != account) {
                    pieces.add(Piece.plain(" "));
                    mention(pieces, other);
                }
            }
            List<String> tags = new ArrayList<>(3);
            if (Rand.chance(r, 0.22)) {
                int count = 1 + (Rand.chance(r, 0.35) ? 1 : 0) + (Rand.chance(r, 0.15) ? 1 : 0);
                for (int i = 0; i < count; i++) {
                    String t = PersianTexts.hashtag(Rand.index(r, w.hashtagCum));
                    if (!tags.contains(t)) {
                        tags.add(t);
                    }
                }
            }
            if (w.groups.length > 0) {
                GroupPlan own = w.group[account] >= 0 ? w.groups[w.group[account]] : null;
                if (own != null && Rand.chance(r, 0.12)) {
                    tags.add(PersianTexts.groupHashtag(own.index, r.nextInt(own.hashtags.length)));
                } else if (own == null && Rand.chance(r, 0.004)) {
                    GroupPlan g = w.groups[r.nextInt(w.groups.length)];
                    tags.add(PersianTexts.groupHashtag(g.index, r.nextInt(g.hashtags.length)));
                }
            }
            for (String t : tags) {
                pieces.add(Piece.plain(" "));
                pieces.add(new Piece("hashtag", "#" + t, null));
            }
            if (news >= 0) {
                pieces.add(Piece.plain("\n"));
                link(pieces, Texts.newsVariant(w.newsUrls[news], r), r);
            }
            return pieces;
        }

        /** A link as Desktop writes it: the URL itself, or (one in four) a {@code text_link} behind a label. */
        private static void link(List<Piece> pieces, String url, SplittableRandom r) {
            if (Rand.chance(r, 0.25)) {
                pieces.add(new Piece("text_link", PersianTexts.linkLabel(r), url));
            } else {
                pieces.add(new Piece("link", url, null));
            }
        }

        /** An {@code @username} mention when the channel has a public username, else its name in plain text. */
        private void mention(List<Piece> pieces, int ref) {
            String username = username(ref);
            if (username != null) {
                pieces.add(new Piece("mention", "@" + username, null));
                pieces.add(Piece.plain(" "));
            } else {
                pieces.add(Piece.plain(channelName(ref) + ": "));
            }
        }

        private String postLink(int ref, int pool) {
            String username = username(ref);
            return "https://t.me/" + (username != null ? username : "c/" + channelNumber(ref)) + "/" + (pool + 1);
        }

        private String username(int ref) {
            String screenName = w.profiles.author(ref).screenName();
            return USERNAME.matcher(screenName).matches() ? screenName : null;
        }

        /** The headline of a news URL: the same for every post of it. */
        private static String headline(String url) {
            return PersianTexts.headline(new SplittableRandom(0x5EED_0000L + (url == null ? 0 : url.hashCode())));
        }

        /** A channel's name, from its seed and role. */
        private String channelName(int ref) {
            long seed = ref >= 0 ? w.seed[ref] : w.extSeed[-1 - ref];
            SplittableRandom r = new SplittableRandom(seed ^ 0x4E414D45L);
            return switch (w.roleOf(ref)) {
                case World.NEWS -> PersianTexts.newsChannel(r);
                case World.OFFICIAL -> PersianTexts.officialChannel(r);
                case World.CELEB -> PersianTexts.person(r) + " (رسمی)";
                default -> PersianTexts.organicChannel(r);
            };
        }

        private static String quote(String s) {
            return "\"" + new String(JSON.quoteAsString(s)) + "\"";
        }
    }
}
